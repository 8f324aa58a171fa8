import PaperCorpus

/// Papers merged by id exactly as ``PaperLibrary`` merges them, kept in memory only: for papers
/// read from files for one command, without the cost of a database.
///
/// ```swift
/// var merged = MergedPapers()
/// merged.add(CorpusReader.read(file: "2024-06-18.md").papers)
/// merged.add(CorpusReader.read(file: "2024-06-19.md").papers)
/// merged.papers()  // what a library given both files would list
/// ```
public struct MergedPapers: Sendable {
  private var stored: [String: StoredPaper] = [:]

  /// No papers yet.
  public init() {}

  /// Adds papers, merging each with the paper of the same id (see ``PaperLibrary/add(_:)``).
  ///
  /// - Parameter papers: The papers, typically one file's.
  /// - Returns: How many were added, updated or already there unchanged.
  @discardableResult
  public mutating func add(_ papers: [Paper]) -> AddSummary {
    var summary = AddSummary()
    for paper in papers {
      switch stored[paper.id.rawValue]?.merge(paper) {
      case nil:
        stored[paper.id.rawValue] = StoredPaper(paper)
        summary.added += 1
      case let changes?:
        if changes.isEmpty { summary.unchanged += 1 } else { summary.updated += 1 }
      }
    }
    return summary
  }

  /// The papers that pass a filter, in the library's order (see
  /// ``PaperLibrary/papers(matching:)``).
  ///
  /// - Parameter filter: Which days to keep; all papers by default.
  /// - Returns: The papers, each with all its days and its latest known vote count.
  public func papers(matching filter: PaperFilter = PaperFilter()) -> [Paper] {
    stored.values.compactMap(\.paper).filter(filter.accepts).sortedAsLibrary()
  }
}
