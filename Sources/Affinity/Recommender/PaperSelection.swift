import PaperCorpus
import PaperLibrary

/// Which papers a question over many papers is about.
///
/// ```swift
/// let day = PaperSelection.matching(PaperFilter(date: Day("2024-06-18")))
/// let two = PaperSelection.ids([ArxivID("2406.11839")!, ArxivID("2406.11827")!])
/// ```
public enum PaperSelection: Sendable, Hashable {
  /// The papers that pass a filter, in the library's order.
  case matching(PaperFilter)
  /// These papers, in this order, each at most once.
  case ids([ArxivID])

  /// Every paper.
  public static let all = PaperSelection.matching(PaperFilter())

  /// The selected papers' positions in a library's papers.
  ///
  /// - Throws: `RecommendationError.emptyLibrary` for no papers at all, `.noPapersSelected`
  ///   when the selection is empty, `.unknownPaper` or `.repeatedPaper` for a bad id.
  func rows(in library: [Paper]) throws(RecommendationError) -> [Int] {
    guard !library.isEmpty else { throw .emptyLibrary }
    switch self {
    case .matching(let filter):
      let rows = library.indices.filter { filter.accepts(library[$0]) }
      if rows.isEmpty, let (condition, among) = filter.emptyingCondition(of: library) {
        throw .noPapersSelected(emptiedBy: condition, among: among)
      }
      guard !rows.isEmpty else { throw .noPapersSelected() }
      return rows
    case .ids(let ids):
      let position = Dictionary(
        library.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
      var seen: Set<Int> = []
      let rows = try ids.map { id throws(RecommendationError) in
        guard let row = position[id] else {
          throw .unknownPaper(id, closest: id.closest(among: library.map(\.id)))
        }
        guard seen.insert(row).inserted else { throw .repeatedPaper(id) }
        return row
      }
      guard !rows.isEmpty else { throw .noPapersSelected() }
      return rows
    }
  }
}
