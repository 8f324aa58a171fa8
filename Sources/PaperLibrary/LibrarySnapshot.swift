import GRDB
import PaperCorpus

/// The library in one consistent state, for reads too long to hold every paper in memory (such
/// as indexing a million papers): other processes may add papers meanwhile, unseen here.
///
/// ```swift
/// try library.withSnapshot { snapshot in
///   try snapshot.forEachBatch(of: 20_000) { papers in … }
/// }
/// ```
public struct LibrarySnapshot {
  let db: Database
  /// The stamp of this state.
  public let stamp: LibraryStamp

  /// Reads every paper in the library's order (see ``PaperLibrary/papers(matching:)``), a
  /// batch at a time; SQLite sorts them, so memory holds one batch.
  ///
  /// - Parameters:
  ///   - size: Papers per batch.
  ///   - body: Called with each batch, in order.
  /// - Throws: What `body` throws, or a database error.
  public func forEachBatch(of size: Int, _ body: ([Paper]) throws -> Void) throws {
    let rows = try PaperRow.fetchCursor(
      db,
      sql: """
        SELECT paper.* FROM paper
        LEFT JOIN (SELECT paperID, MIN(day) AS firstDay FROM appearance GROUP BY paperID) AS first
          ON first.paperID = paper.id
        ORDER BY first.firstDay IS NULL, first.firstDay,
          COALESCE((SELECT votes FROM appearance WHERE paperID = paper.id AND votes IS NOT NULL
            ORDER BY day DESC LIMIT 1), -1) DESC,
          paper.id
        """)
    var batch: [PaperRow] = []
    func flush() throws {
      guard !batch.isEmpty else { return }
      let days = Dictionary(
        grouping: try AppearanceRow.filter(batch.map(\.id).contains(Column("paperID")))
          .fetchAll(db),
        by: \.paperID)
      try body(batch.compactMap { StoredPaper(row: $0, days: days[$0.id] ?? []).paper })
      batch.removeAll(keepingCapacity: true)
    }
    while let row = try rows.next() {
      batch.append(row)
      if batch.count >= size { try flush() }
    }
    try flush()
  }
}

extension PaperLibrary {
  /// Runs `body` on the library in one consistent state (see ``LibrarySnapshot``).
  ///
  /// - Throws: A `LibraryError` when the library cannot be read; what `body` throws.
  public func withSnapshot<T>(_ body: (LibrarySnapshot) throws -> T) throws -> T {
    let result: Result<T, any Error> = try read { db in
      let snapshot = LibrarySnapshot(db: db, stamp: try stamp(in: db))
      return Result { try body(snapshot) }
    }
    switch result {
    case .success(let value): return value
    case .failure(let error as DatabaseError): return try read { _ in throw error }
    case .failure(let error): throw error
    }
  }
}
