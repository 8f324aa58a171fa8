import Foundation
import GRDB
import PaperCorpus

/// The papers a user has added, kept across days in an SQLite file.
///
/// ```swift
/// let library = try PaperLibrary(path: "library.sqlite")
/// let summary = try library.add(CorpusReader.read(file: "2024-06-18.md").papers)
/// let june = try library.papers(matching: PaperFilter(since: Day("2024-06-01")))
/// ```
/// A paper listed on several days keeps every day; adding the same papers again changes
/// nothing; each ``add(_:)`` is one transaction, so a failure leaves the library as it was.
///
/// Several processes may use one library file at once: it is kept in SQLite's write-ahead-log
/// mode, so reading never waits for a writer, and a writer waits up to ``writeWait`` for another
/// to finish before it gives up with ``LibraryError/busy(path:)``.
public final class PaperLibrary: Sendable {
  /// Where the library lives: a file path, or `:memory:` for an in-memory library.
  public let path: String
  private let database: any DatabaseWriter

  /// How long a write waits for another process's write to finish.
  public static let writeWait: TimeInterval = 60

  /// Opens the library at `path`, creating the file and its folder if needed, and brings its
  /// schema up to date.
  ///
  /// - Parameter path: The SQLite file.
  /// - Throws: `LibraryError.cannotOpen` when the file cannot be created or is not a library,
  ///   `LibraryError.newerSchema` when a newer Affinity wrote it.
  public convenience init(path: String) throws(LibraryError) {
    let folder = (path as NSString).deletingLastPathComponent
    // A file where a folder of the path should be: say so, rather than the system's error.
    var ancestor = folder
    while !ancestor.isEmpty, ancestor != "/" {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder) {
        if !isFolder.boolValue {
          throw .cannotOpen(path: path, reason: "\(ancestor) is a file, not a folder")
        }
        break
      }
      ancestor = (ancestor as NSString).deletingLastPathComponent
    }
    do {
      if !folder.isEmpty {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true)
      }
      var configuration = LibrarySchema.configuration
      configuration.busyMode = .timeout(Self.writeWait)
      try self.init(path: path, database: DatabasePool(path: path, configuration: configuration))
    } catch let error as LibraryError {
      throw error
    } catch {
      throw .cannotOpen(path: path, reason: Self.reason(error))
    }
  }

  /// Creates an empty library in memory: the same behaviour, nothing stored.
  ///
  /// - Throws: `LibraryError.cannotOpen` if SQLite cannot start.
  public static func inMemory() throws(LibraryError) -> PaperLibrary {
    do {
      return try PaperLibrary(
        path: ":memory:", database: DatabaseQueue(configuration: LibrarySchema.configuration))
    } catch let error as LibraryError {
      throw error
    } catch {
      throw .cannotOpen(path: ":memory:", reason: Self.reason(error))
    }
  }

  private init(path: String, database: any DatabaseWriter) throws {
    self.path = path
    self.database = database
    let migrator = LibrarySchema.migrator
    if try database.read({ try migrator.hasBeenSuperseded($0) }) {
      throw LibraryError.newerSchema(path: path)
    }
    try migrator.migrate(database)
  }

  /// Adds papers in one transaction, merging each with the paper of the same id.
  ///
  /// Merging keeps every day a paper was listed on, takes each day's vote count from the latest
  /// listing of that day, and takes title, authors and summary from the given paper unless it
  /// is dated before the newest day already stored.
  ///
  /// - Parameter papers: The papers, typically one file's.
  /// - Returns: How many were added, updated or already there unchanged.
  /// - Throws: `LibraryError.failed` when the write fails; the library is then unchanged.
  /// - Complexity: O(*n* log *N*) for *n* papers into a library of *N*.
  @discardableResult
  public func add(_ papers: [Paper]) throws(LibraryError) -> AddSummary {
    try add { add in try add(papers) }
  }

  /// Adds papers that arrive in parts (a large file read a part at a time) in one
  /// transaction, so that only a part is in memory and a failure leaves the library as it was.
  ///
  /// ```swift
  /// try library.add { add in
  ///   try CorpusReader.forEachPart(of: .file(path)) { try add($0.result.papers) }
  /// }
  /// ```
  ///
  /// - Parameter parts: Calls its argument with each part's papers, in order.
  /// - Returns: How many were added, updated or already there unchanged.
  /// - Throws: `LibraryError.failed` or `.busy` when the write fails, and what `parts` throws
  ///   (as `.failed`); the library is then unchanged.
  @discardableResult
  public func add(parts: (_ add: ([Paper]) throws -> Void) throws -> Void) throws(LibraryError)
    -> AddSummary
  {
    try write { db in
      var summary = AddSummary()
      let revision = try stamp(in: db).generation + 1
      try parts { papers in
        // Ids repeated in a part merge in order, as if added one by one.
        var stored = try Self.storedPapers(ids: papers.map(\.id.rawValue), in: db)
        for paper in papers {
          try Self.merge(
            paper, into: db, stored: &stored, revision: revision, summary: &summary)
        }
      }
      if summary.added + summary.updated > 0 {
        try db.execute(sql: "UPDATE state SET generation = generation + 1")
      }
      return summary
    }
  }

  /// The stored papers among `ids`, read a few hundred at a time (not one query per paper).
  private static func storedPapers(ids: [String], in db: Database) throws -> [String: StoredPaper] {
    var stored: [String: StoredPaper] = [:]
    let unique = Array(Set(ids))
    for start in stride(from: 0, to: unique.count, by: 500) {
      let batch = Array(unique[start..<min(unique.count, start + 500)])
      for row in try PaperRow.fetchAll(db, keys: batch) {
        stored[row.id] = StoredPaper(row: row, days: [])
      }
      for day in try AppearanceRow.filter(batch.contains(Column("paperID"))).fetchAll(db) {
        stored[day.paperID]?.days.append(day)
      }
    }
    return stored
  }

  /// Merges one paper (see ``StoredPaper/merge(_:)``) and writes what changed.
  private static func merge(
    _ paper: Paper, into db: Database, stored: inout [String: StoredPaper], revision: Int,
    summary: inout AddSummary
  ) throws {
    guard let changes = stored[paper.id.rawValue]?.merge(paper, revision: revision) else {
      let entry = StoredPaper(paper, revision: revision)
      try entry.row.insert(db)
      for day in entry.days { try day.insert(db) }
      stored[entry.row.id] = entry
      summary.added += 1
      return
    }
    for day in changes.insertedDays { try day.insert(db) }
    for day in changes.updatedDays { try day.update(db) }
    if changes.rowChanged, let entry = stored[paper.id.rawValue] { try entry.row.update(db) }
    if changes.isEmpty { summary.unchanged += 1 } else { summary.updated += 1 }
  }

  /// The papers that pass a filter, ordered by first day, then votes (most first), then id.
  ///
  /// - Parameter filter: Which days to keep; all papers by default.
  /// - Returns: The papers, each with all its days and its latest known vote count.
  /// - Throws: `LibraryError.failed` when the read fails.
  /// - Complexity: O(*N* log *N*) for a library of *N* papers.
  public func papers(matching filter: PaperFilter = PaperFilter()) throws(LibraryError) -> [Paper] {
    try read { db in try Self.allPapers(in: db) }
      .filter(filter.accepts).sortedAsLibrary()
  }

  private static func allPapers(in db: Database) throws -> [Paper] {
    let appearances = Dictionary(grouping: try AppearanceRow.fetchAll(db), by: \.paperID)
    return try PaperRow.fetchAll(db).compactMap { row in
      StoredPaper(row: row, days: appearances[row.id] ?? []).paper
    }
  }

  /// The paper with an id, or `nil` if the library does not have it.
  ///
  /// - Parameter id: The arXiv id.
  /// - Returns: The paper with all its days, or `nil`.
  /// - Throws: `LibraryError.failed` when the read fails.
  public func paper(id: ArxivID) throws(LibraryError) -> Paper? { try papers(ids: [id]).first }

  /// The papers with these ids, in the order given; ids the library does not have are left out.
  ///
  /// - Parameter ids: arXiv ids.
  /// - Returns: The papers, each with all its days.
  /// - Throws: `LibraryError.failed` when the read fails.
  /// - Complexity: O(*n* log *N*) for *n* ids in a library of *N* papers.
  public func papers(ids: [ArxivID]) throws(LibraryError) -> [Paper] {
    let keys = ids.map(\.rawValue)
    return try read { db in
      let rows = Dictionary(
        try PaperRow.fetchAll(db, keys: keys).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }
      )
      let appearances = Dictionary(
        grouping: try AppearanceRow.filter(keys.contains(Column("paperID"))).fetchAll(db),
        by: \.paperID)
      return keys.compactMap { key in
        rows[key].flatMap { StoredPaper(row: $0, days: appearances[key] ?? []).paper }
      }
    }
  }

  /// The ids of the papers that pass a filter, found by SQLite (the same rule as
  /// ``PaperFilter/accepts(_:)``, without reading the papers).
  ///
  /// - Parameter filter: Which papers to keep.
  /// - Returns: The ids, or `nil` for a filter that passes every paper.
  /// - Throws: `LibraryError.failed` when the read fails.
  public func ids(matching filter: PaperFilter) throws(LibraryError) -> Set<ArxivID>? {
    var clauses: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    for condition in filter.conditions {
      switch condition {
      case .days(let date, let since, let until):
        var days: [String] = []
        for (bound, comparison) in [(date, "="), (since, ">="), (until, "<=")] {
          guard let bound else { continue }
          days.append("a.day \(comparison) ?")
          arguments.append(bound.description)
        }
        clauses.append(
          "EXISTS (SELECT 1 FROM appearance a WHERE a.paperID = paper.id AND "
            + days.joined(separator: " AND ") + ")")
      case .category(let name):
        clauses.append("\(LibrarySchema.categoryMatches.name)(paper.categories, ?)")
        arguments.append(name)
      case .author(let text):
        clauses.append("\(LibrarySchema.authorMatches.name)(paper.authors, ?)")
        arguments.append(text)
      case .minimumVotes(let minimum):
        clauses.append(
          "(SELECT a.votes FROM appearance a WHERE a.paperID = paper.id AND a.votes IS NOT NULL "
            + "ORDER BY a.day DESC LIMIT 1) >= ?")
        arguments.append(minimum)
      }
    }
    guard !clauses.isEmpty else { return nil }
    return try read { db in
      Set(
        try String.fetchAll(
          db, sql: "SELECT id FROM paper WHERE " + clauses.joined(separator: " AND "),
          arguments: StatementArguments(arguments)
        ).compactMap(ArxivID.init))
    }
  }

  /// The library's current stamp: its identity, generation and number of papers.
  ///
  /// - Throws: `LibraryError.failed` when the read fails.
  public func stamp() throws(LibraryError) -> LibraryStamp {
    try read { db in try stamp(in: db) }
  }

  /// Every paper and the stamp of exactly that state, read together while other processes may
  /// be adding papers.
  ///
  /// - Returns: The papers in the library's order (see ``papers(matching:)``), and their stamp.
  /// - Throws: `LibraryError.failed` when the read fails.
  public func snapshot() throws(LibraryError) -> (papers: [Paper], stamp: LibraryStamp) {
    try read { db in (try Self.allPapers(in: db).sortedAsLibrary(), try stamp(in: db)) }
  }

  /// The ids of the papers whose title or summary changed (or that arrived) after a
  /// generation, and the stamp of exactly that state: what a search index of that generation
  /// must index again. Ids only, so that a million changes fit in memory.
  ///
  /// - Parameter generation: The generation the caller has seen.
  /// - Returns: The ids, sorted, and the stamp.
  /// - Throws: `LibraryError.failed` when the read fails.
  public func changes(since generation: Int) throws(LibraryError) -> (
    ids: [ArxivID], stamp: LibraryStamp
  ) {
    try read { db in
      let ids = try String.fetchAll(
        db, sql: "SELECT id FROM paper WHERE revision > ? ORDER BY id", arguments: [generation])
      return (ids.compactMap(ArxivID.init), try stamp(in: db))
    }
  }

  func stamp(in db: Database) throws -> LibraryStamp {
    guard let state = try Row.fetchOne(db, sql: "SELECT libraryID, generation FROM state") else {
      throw LibraryError.failed(path: path, reason: "the library has lost its state row")
    }
    return LibraryStamp(
      libraryID: state["libraryID"], generation: state["generation"],
      paperCount: try PaperRow.fetchCount(db))
  }

  /// Counts of papers and days, and the schema version.
  ///
  /// - Throws: `LibraryError.failed` when the read fails.
  public func statistics() throws(LibraryError) -> LibraryStatistics {
    try read { db in
      LibraryStatistics(
        paperCount: try PaperRow.fetchCount(db),
        dayCount: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT day) FROM appearance") ?? 0,
        firstDay: try String.fetchOne(db, sql: "SELECT MIN(day) FROM appearance"),
        lastDay: try String.fetchOne(db, sql: "SELECT MAX(day) FROM appearance"),
        schemaVersion: try LibrarySchema.migrator.appliedIdentifiers(db).count)
    }
  }

  /// Reads in one consistent state, turning any failure into a `LibraryError`.
  func read<T>(_ query: (Database) throws -> T) throws(LibraryError) -> T {
    try perform { try $0.read(query) }
  }

  /// Writes in one transaction, turning any failure into a `LibraryError`.
  func write<T>(_ update: (Database) throws -> T) throws(LibraryError) -> T {
    try perform { try $0.write(update) }
  }

  /// Runs a database operation, turning any failure into a `LibraryError.failed`.
  private func perform<T>(_ operation: (any DatabaseWriter) throws -> T) throws(LibraryError) -> T {
    do {
      return try operation(database)
    } catch let error as LibraryError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
      throw .busy(path: path)
    } catch {
      throw .failed(path: path, reason: Self.reason(error))
    }
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      if error.resultCode == .SQLITE_NOTADB {
        return "the file is not an SQLite database"
      }
      return error.message ?? "\(error.resultCode)"
    }
    return "\(error)"
  }
}
