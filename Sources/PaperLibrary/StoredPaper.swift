import PaperCorpus

/// A paper as the library keeps it: its row (title, authors, summary) and the days it was listed
/// on, each with that day's votes. The merge rule lives here, once, for the library file and
/// for papers merged in memory (``MergedPapers``).
struct StoredPaper: Equatable {
  var row: PaperRow
  /// The listings, in the order they were first added.
  var days: [AppearanceRow]

  /// What a merge changed, for the library to write.
  struct Changes {
    var insertedDays: [AppearanceRow] = []
    var updatedDays: [AppearanceRow] = []
    var rowChanged = false
    /// Whether the title or summary changed (the search index must index the paper again).
    var textChanged = false

    var isEmpty: Bool { insertedDays.isEmpty && updatedDays.isEmpty && !rowChanged }
  }

  /// A paper seen for the first time: every day it lists, with its votes.
  ///
  /// - Parameters:
  ///   - paper: The paper.
  ///   - revision: The generation of the library that adds it.
  init(_ paper: Paper, revision: Int = 0) {
    let row = PaperRow(paper, revision: revision)
    self.row = row
    days = paper.dates.map {
      AppearanceRow(paperID: row.id, day: $0.description, votes: paper.votes)
    }
  }

  init(row: PaperRow, days: [AppearanceRow]) {
    self.row = row
    self.days = days
  }

  /// Merges a listing of the same paper: every day is kept, a day's votes come from the latest
  /// listing of that day, and the text comes from `paper` unless it is dated before the newest
  /// day already kept.
  ///
  /// - Parameters:
  ///   - paper: A paper with this one's id.
  ///   - revision: The generation of the library that adds it, recorded when the text changes.
  /// - Returns: What changed.
  mutating func merge(_ paper: Paper, revision: Int = 0) -> Changes {
    var row = PaperRow(paper, revision: self.row.revision)
    // A listing without categories (a digest) keeps those another source gave.
    if row.categories.isEmpty { row.categories = self.row.categories }
    var changes = Changes()
    let newestKept = days.map(\.day).max() ?? ""
    for day in paper.dates {
      let appearance = AppearanceRow(paperID: row.id, day: day.description, votes: paper.votes)
      if let existing = days.firstIndex(where: { $0.day == appearance.day }) {
        if days[existing].votes != appearance.votes {
          days[existing] = appearance
          changes.updatedDays.append(appearance)
        }
      } else {
        days.append(appearance)
        changes.insertedDays.append(appearance)
      }
    }
    let isOlder = paper.dates.last.map { $0.description < newestKept } ?? false
    if !isOlder, self.row != row {
      changes.textChanged = self.row.title != row.title || self.row.sections != row.sections
      if changes.textChanged { row.revision = revision }
      self.row = row
      changes.rowChanged = true
    }
    return changes
  }

  /// The paper with all its days, its votes from the latest day that gave some; `nil` if the
  /// stored id is not an arXiv id.
  var paper: Paper? {
    guard let id = ArxivID(row.id) else { return nil }
    let days = days.sorted { $0.day < $1.day }
    return Paper(
      id: id, title: row.title, authors: row.authors, omitsAuthors: row.omitsAuthors,
      dates: days.compactMap { Day($0.day) },
      votes: days.last(where: { $0.votes != nil })?.votes, sections: row.sections,
      categories: row.categories)
  }
}

extension [Paper] {
  /// The library's order: by first day, then votes (most first), then id; papers without a day
  /// come last.
  func sortedAsLibrary() -> [Paper] {
    sorted { a, b in
      if a.firstDate != b.firstDate {
        guard let first = a.firstDate else { return false }
        guard let second = b.firstDate else { return true }
        return first < second
      }
      if a.votes != b.votes { return (a.votes ?? -1) > (b.votes ?? -1) }
      return a.id < b.id
    }
  }
}
