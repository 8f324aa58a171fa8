import Foundation
import GRDB
import PaperCorpus

/// The library's tables, as a list of migrations. Never edit a shipped migration: add one.
///
/// - `paper`: one row per arXiv id, with the newest listing's title, authors and summary
///   (`authors` and `sections` as JSON).
/// - `appearance`: one row per paper and day it was listed on, with that day's votes.
/// - `state` (v2): one row: the library's random identity and its generation, the number of
///   additions that changed its papers (see ``LibraryStamp``).
/// - `mark` (v3): one row per marked paper: its id (the library need not have the paper), the
///   ``Mark`` and the day marked. Not tied to `paper`, so marks outlive re-adding papers.
/// - `paper.categories` (v4): the arXiv categories, as JSON.
/// - `paper.revision` (v5): the generation whose addition last changed the paper's title or
///   summary (0 for papers older than v5), so the search index finds what to index again.
enum LibrarySchema {
  /// Every connection's set-up: the SQL functions the library's queries use.
  static var configuration: Configuration {
    var configuration = Configuration()
    configuration.prepareDatabase { db in
      db.add(function: authorMatches)
      db.add(function: categoryMatches)
    }
    return configuration
  }

  /// `affinity_author_matches(authors, text)`: whether a paper's authors (the JSON column) name
  /// one containing `text`, as ``PaperFilter/Condition/author(_:)`` decides.
  static let authorMatches = listFunction("affinity_author_matches", PaperFilter.names(_:contain:))

  /// `affinity_category_matches(categories, name)`: whether a paper's categories (the JSON
  /// column) include `name`, as ``PaperFilter/Condition/category(_:)`` decides.
  static let categoryMatches = listFunction(
    "affinity_category_matches", PaperFilter.categories(_:include:))

  /// An SQL function of a JSON array of strings (a column) and a text: `test` of them, false for
  /// a value that is not such an array.
  private static func listFunction(
    _ name: String, _ test: @escaping @Sendable ([String], String) -> Bool
  ) -> DatabaseFunction {
    DatabaseFunction(name, argumentCount: 2, pure: true) { values in
      guard let json = String.fromDatabaseValue(values[0]),
        let text = String.fromDatabaseValue(values[1]),
        let list = try? JSONDecoder().decode([String].self, from: Data(json.utf8))
      else { return false }
      return test(list, text)
    }
  }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: papers and their days") { db in
      try db.create(table: "paper") { table in
        table.primaryKey("id", .text)
        table.column("title", .text).notNull()
        table.column("authors", .jsonText).notNull()
        table.column("omitsAuthors", .boolean).notNull()
        table.column("sections", .jsonText).notNull()
      }
      try db.create(table: "appearance") { table in
        table.column("paperID", .text).notNull()
          .references("paper", onDelete: .cascade)
        table.column("day", .text).notNull()
        table.column("votes", .integer)
        table.primaryKey(["paperID", "day"])
      }
      try db.create(index: "appearance_day", on: "appearance", columns: ["day"])
    }
    migrator.registerMigration("v2: library identity and generation") { db in
      try db.create(table: "state") { table in
        table.primaryKey("id", .integer).check { $0 == 1 }
        table.column("libraryID", .text).notNull()
        table.column("generation", .integer).notNull()
      }
      try db.execute(
        sql: "INSERT INTO state (id, libraryID, generation) VALUES (1, ?, 0)",
        arguments: [UUID().uuidString])
    }
    migrator.registerMigration("v3: marks") { db in
      try db.create(table: "mark") { table in
        table.primaryKey("paperID", .text)
        table.column("mark", .text).notNull()
          .check { Mark.allCases.map(\.rawValue).contains($0) }
        table.column("day", .text).notNull()
      }
    }
    migrator.registerMigration("v4: categories") { db in
      try db.alter(table: "paper") { table in
        table.add(column: "categories", .jsonText).notNull().defaults(to: "[]")
      }
    }
    migrator.registerMigration("v5: text revisions") { db in
      try db.alter(table: "paper") { table in
        table.add(column: "revision", .integer).notNull().defaults(to: 0)
      }
      try db.create(index: "paper_revision", on: "paper", columns: ["revision"])
    }
    return migrator
  }
}
