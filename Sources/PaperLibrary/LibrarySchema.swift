import Foundation
import GRDB

/// The library's tables, as a list of migrations. Never edit a shipped migration: add one.
///
/// - `paper`: one row per arXiv id, with the newest listing's title, authors and summary
///   (`authors` and `sections` as JSON).
/// - `appearance`: one row per paper and day it was listed on, with that day's votes.
/// - `state` (v2): one row: the library's random identity and its generation, the number of
///   additions that changed its papers (see ``LibraryStamp``).
enum LibrarySchema {
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
    return migrator
  }
}
