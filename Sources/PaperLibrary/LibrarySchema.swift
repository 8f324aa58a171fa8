import GRDB

/// The library's tables, as a list of migrations. Never edit a shipped migration: add one.
///
/// - `paper`: one row per arXiv id, with the newest listing's title, authors and summary
///   (`authors` and `sections` as JSON).
/// - `appearance`: one row per paper and day it was listed on, with that day's votes.
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
    return migrator
  }
}
