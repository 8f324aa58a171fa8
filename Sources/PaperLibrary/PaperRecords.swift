import GRDB
import PaperCorpus

/// A row of the `paper` table.
struct PaperRow: Codable, Equatable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "paper"
  var id: String
  var title: String
  var authors: [String]
  var omitsAuthors: Bool
  var sections: [SummarySection]
  var categories: [String]
  /// The library generation whose addition last changed the paper's text (title or summary),
  /// for the search index to find what to index again.
  var revision: Int

  init(_ paper: Paper, revision: Int = 0) {
    id = paper.id.rawValue
    title = paper.title
    authors = paper.authors
    omitsAuthors = paper.omitsAuthors
    sections = paper.sections
    categories = paper.categories
    self.revision = revision
  }
}

/// A row of the `appearance` table: a paper listed on a day.
struct AppearanceRow: Codable, Equatable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "appearance"
  var paperID: String
  var day: String
  var votes: Int?
}
