import GRDB
import PaperCorpus

/// What a reader said of a paper.
public enum Mark: String, Sendable, Hashable, CaseIterable, Codable {
  /// Liked: recommendations are made for these papers.
  case liked
  /// Read: not recommended again.
  case read
  /// Hidden: never recommended.
  case hidden
}

/// A paper's mark, and the day it was given. A mark may name a paper the library does not have
/// yet; it applies once the paper is added.
public struct MarkedPaper: Sendable, Hashable, Codable {
  /// The paper.
  public var id: ArxivID
  /// The mark.
  public var mark: Mark
  /// The day it was marked.
  public var day: Day

  /// Creates a marked paper.
  public init(id: ArxivID, mark: Mark, day: Day) {
    self.id = id
    self.mark = mark
    self.day = day
  }
}

/// A row of the `mark` table (v3): one mark per paper.
struct MarkRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "mark"
  var paperID: String
  var mark: String
  var day: String
}

extension PaperLibrary {
  /// Marks papers, replacing any mark they had, in one transaction.
  ///
  /// - Parameters:
  ///   - ids: The papers; ones the library does not have yet are marked too.
  ///   - mark: The mark.
  ///   - day: The day of marking (today).
  /// - Returns: How many papers' marks changed.
  /// - Throws: `LibraryError.failed` or `.busy` when the write fails; nothing is then marked.
  @discardableResult
  public func mark(_ ids: [ArxivID], as mark: Mark, on day: Day) throws(LibraryError) -> Int {
    try write { db in
      var changed = 0
      for id in Set(ids) {
        let existing = try MarkRow.fetchOne(db, key: id.rawValue)
        guard existing?.mark != mark.rawValue else { continue }
        try MarkRow(paperID: id.rawValue, mark: mark.rawValue, day: day.description).save(db)
        changed += 1
      }
      return changed
    }
  }

  /// Removes papers' marks, in one transaction.
  ///
  /// - Parameter ids: The papers.
  /// - Returns: How many had a mark.
  /// - Throws: `LibraryError.failed` or `.busy` when the write fails; nothing is then unmarked.
  @discardableResult
  public func unmark(_ ids: [ArxivID]) throws(LibraryError) -> Int {
    try write { db in try MarkRow.deleteAll(db, keys: Set(ids).map(\.rawValue)) }
  }

  /// Every mark, by day marked, then id.
  ///
  /// - Parameter mark: Only marks of this kind; all by default.
  /// - Throws: `LibraryError.failed` when the read fails.
  public func marks(_ mark: Mark? = nil) throws(LibraryError) -> [MarkedPaper] {
    try read { db in
      var request = MarkRow.order(Column("day"), Column("paperID"))
      if let mark { request = request.filter(Column("mark") == mark.rawValue) }
      return try request.fetchAll(db).compactMap { row in
        guard let id = ArxivID(row.paperID), let mark = Mark(rawValue: row.mark),
          let day = Day(row.day)
        else { return nil }
        return MarkedPaper(id: id, mark: mark, day: day)
      }
    }
  }
}
