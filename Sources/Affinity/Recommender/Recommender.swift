import NGramVectorizer
import PaperCorpus
import PaperLibrary

/// Affinity's one entry point for questions about papers' similarity, by arXiv id: a paper's
/// related papers, papers like a text, every paper's related papers, exact similarity matrices,
/// embeddings and topic groups.
///
/// Every answer scores papers the same way: the exact cosine of their weighted n-gram vectors
/// (title, then summary; see ``NGramVectorizer``), with the document frequencies of all the
/// papers. Which engine computes it is the recommender's business: one paper's or one text's
/// related papers come from the search index (an inverted index, stored beside a library file,
/// read only where the query's features are); every paper's related papers from a dense fold
/// searched with BLAS and re-scored exactly; similarity matrices from sparse products.
///
/// ```swift
/// let recommender = Recommender(library: try PaperLibrary(path: "library.sqlite"))
/// for match in try recommender.related(to: ArxivID("2406.11839")!, count: 5, explained: true) {
///   print(match.rank, match.paper.id, match.score, match.sharedTerms ?? [])
/// }
/// ```
///
/// A recommender reads its source as it is when a question is asked; make a new one after the
/// library changes.
public final class Recommender {
  /// The vectorizer model in force.
  public let configuration: VectorizerConfiguration
  let source: PaperSource
  /// The search index, once a question needed it.
  private var searchIndex: SegmentedIndex?
  /// How the search index was found, once a question needed it.
  public private(set) var indexState: IndexState?
  /// Told how the search index was found each time the recommender opens it (at most twice:
  /// once, and again when a query finds it damaged and it is rebuilt), e.g. to say so.
  public var indexReport: (IndexState) -> Void = { _ in }
  /// Told how far bringing a library's search index up to date has got, batch by batch (for a
  /// large library, that takes minutes).
  public var indexProgress: (IndexProgress) -> Void = { _ in }

  /// A recommender over a library: papers and their search index are read when needed.
  ///
  /// - Parameters:
  ///   - library: The library (a file, or in memory).
  ///   - configuration: The vectorizer model.
  public init(library: PaperLibrary, configuration: VectorizerConfiguration = .standard) {
    source = .library(library)
    self.configuration = configuration
  }

  /// A recommender over papers in memory, e.g. read from digests for one command.
  ///
  /// - Parameters:
  ///   - papers: The papers, each once, in the library's order (as ``PaperLibrary/MergedPapers``
  ///     gives them); ties in score rank the earlier paper first.
  ///   - configuration: The vectorizer model.
  public init(papers: [Paper], configuration: VectorizerConfiguration = .standard) {
    source = PaperSource(papers: papers)
    self.configuration = configuration
  }

  /// The papers that pass a filter, in the library's order: by first day, then votes (most
  /// first), then id.
  ///
  /// - Throws: A `LibraryError` when the library cannot be read.
  public func papers(matching filter: PaperFilter = PaperFilter()) throws -> [Paper] {
    try source.papers(matching: filter)
  }

  /// Why no paper passes a filter: `.emptyLibrary` when there are no papers at all, else
  /// `.noPapersSelected` naming the condition that left none.
  ///
  /// - Throws: A `LibraryError` when the library cannot be read.
  public func emptySelection(for filter: PaperFilter) throws -> RecommendationError {
    let papers = try source.allPapers()
    guard !papers.isEmpty else { return .emptyLibrary }
    let emptied = filter.emptyingCondition(of: papers)
    return .noPapersSelected(emptiedBy: emptied?.condition, among: emptied?.among ?? 0)
  }

  /// The id of a paper that `id` nearly is, for a "did you mean" when there is no paper `id`
  /// (see ``PaperCorpus/ArxivID/closest(among:)``).
  ///
  /// - Returns: The nearest such id, or `nil`.
  /// - Throws: A `LibraryError` when the library cannot be read.
  public func closestID(to id: ArxivID) throws -> ArxivID? {
    id.closest(among: try source.allPapers().map(\.id))
  }

  /// The papers with these ids, in the order given; ids there is no paper for are left out.
  ///
  /// - Throws: A `LibraryError` when the library cannot be read.
  public func papers(ids: [ArxivID]) throws -> [Paper] { try source.papers(ids: ids) }

  /// Opens the search index that single queries use, building it when it is missing, stale
  /// or damaged (and storing it beside a library file, so that the next query is fast).
  ///
  /// - Returns: How the index was found.
  /// - Throws: A `LibraryError` when the library cannot be read.
  @discardableResult
  public func prepareSearchIndex() throws -> IndexState {
    _ = try openSearchIndex()
    return indexState ?? .current
  }

  /// Builds a library's search index from all its papers (what merging every segment gives),
  /// whatever is stored, and stores it.
  ///
  /// - Returns: How it went: `.built`, or `.builtNotStored`.
  /// - Throws: A `LibraryError` when the library cannot be read.
  @discardableResult
  public func rebuildSearchIndex() throws -> IndexState {
    searchIndex = nil
    _ = try openSearchIndex(rebuilding: true)
    return indexState ?? .current
  }

  /// The number of segments of the search index, once opened.
  public var searchIndexSegments: Int? { searchIndex?.segments.count }

  /// The search index, opened (and brought up to date) on first use; rebuilt when `damage`
  /// says a query found it damaged, or when `rebuilding`.
  func openSearchIndex(replacing damage: SearchIndexError? = nil, rebuilding: Bool = false)
    throws -> SegmentedIndex
  {
    if let searchIndex, damage == nil { return searchIndex }
    let index: SegmentedIndex
    let state: IndexState
    switch source {
    case .library(let library):
      (index, state) = try SegmentedIndex.current(
        for: library, configuration: configuration, replacing: damage, rebuilding: rebuilding,
        progress: indexProgress)
    case .papers(let papers, _):
      if let damage { throw damage }  // built in memory by this process: nothing to repair
      index = SegmentedIndex(
        SearchIndex.build(papers: papers, configuration: configuration).index)
      state = .built(papers: papers.count)
    }
    searchIndex = index
    indexState = state
    indexReport(state)
    return index
  }

  /// Runs a question on the search index; when the index turns out to be damaged, it is
  /// rebuilt from the library and the question asked again, so the answer is always the one a
  /// sound index gives.
  func withSearchIndex<T>(_ question: (SegmentedIndex) throws -> T) throws -> T {
    do {
      return try question(try openSearchIndex())
    } catch let damage as SearchIndexError {
      guard case .damaged = damage else { throw damage }
      return try question(try openSearchIndex(replacing: damage))
    }
  }

  /// Some of the papers vectorised together (for every paper's related papers, similarity
  /// matrices, topics), with the document frequencies of all of them.
  ///
  /// - Parameters:
  ///   - selection: Which papers.
  ///   - configuration: The model (the recommender's, or its topic weighting).
  /// - Returns: The selected papers, vectorised.
  /// - Throws: `RecommendationError` for an empty or bad selection.
  func paperIndex(of selection: PaperSelection, configuration: VectorizerConfiguration)
    throws -> PaperIndex
  {
    let library = try source.allPapers()
    let rows = try selection.rows(in: library)
    return PaperIndex(library: library, keeping: rows, configuration: configuration)
  }
}
