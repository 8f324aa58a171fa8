import PaperCorpus
import PaperLibrary

/// Where a ``Recommender``'s papers live: a library (a file, or SQLite in memory), or papers
/// read from files for one command, already merged as a library merges them.
enum PaperSource {
  case library(PaperLibrary)
  case papers([Paper], position: [ArxivID: Int])

  init(papers: [Paper]) {
    self = .papers(
      papers,
      position: Dictionary(papers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min))
  }

  /// Every paper, in the library's order.
  func allPapers() throws -> [Paper] {
    switch self {
    case .library(let library): try library.papers()
    case .papers(let papers, _): papers
    }
  }

  /// The papers that pass a filter, in the library's order.
  func papers(matching filter: PaperFilter) throws -> [Paper] {
    switch self {
    case .library(let library): try library.papers(matching: filter)
    case .papers(let papers, _): papers.filter(filter.accepts)
    }
  }

  /// The papers with these ids, in the order given; unknown ids are left out.
  func papers(ids: [ArxivID]) throws -> [Paper] {
    switch self {
    case .library(let library): try library.papers(ids: ids)
    case .papers(let papers, let position): ids.compactMap { position[$0].map { papers[$0] } }
    }
  }

  /// The ids of the papers that pass a filter; `nil` for a filter that passes every paper.
  func ids(matching filter: PaperFilter) throws -> Set<ArxivID>? {
    switch self {
    case .library(let library): return try library.ids(matching: filter)
    case .papers(let papers, _):
      guard filter != PaperFilter() else { return nil }
      return Set(papers.lazy.filter(filter.accepts).map(\.id))
    }
  }
}
