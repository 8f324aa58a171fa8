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

  init(_ paper: Paper) {
    id = paper.id.rawValue
    title = paper.title
    authors = paper.authors
    omitsAuthors = paper.omitsAuthors
    sections = paper.sections
    categories = paper.categories
  }
}

/// A row of the `appearance` table: a paper listed on a day.
struct AppearanceRow: Codable, Equatable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "appearance"
  var paperID: String
  var day: String
  var votes: Int?
}
