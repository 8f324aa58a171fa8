import NGramVectorizer
import PaperCorpus
import PaperLibrary
import SimilarityCore

/// One paper's or one text's related papers in a library, scored exactly against every paper
/// on the library's ``SearchIndex``.
///
/// A library file keeps its index beside it, one per model; opening finds the stored one
/// current (same model, same library stamp) or builds and stores it first. A library in memory
/// gets an index in memory. Only the query and the recommended papers are read from the library.
///
/// ```swift
/// let search = try LibrarySearch(library: try PaperLibrary(path: "library.sqlite"))
/// for match in try search.related(to: ArxivID("2406.11839")!, count: 5) {
///   print(match.rank, match.paper.id, match.score, match.paper.title)
/// }
/// ```
public struct LibrarySearch: Sendable {
  /// The library searched.
  public let library: PaperLibrary
  /// Its index for the model in force.
  public let index: SearchIndex
  /// Whether opening found the stored index current, or built it.
  public let indexState: SearchIndex.State

  /// Opens a library's index, building it when it is missing or stale.
  ///
  /// - Parameters:
  ///   - library: The library.
  ///   - configuration: The vectorizer model.
  /// - Throws: `RecommendationError.emptyLibrary`, or a `LibraryError` when reading fails.
  public init(library: PaperLibrary, configuration: VectorizerConfiguration = .standard) throws {
    self.library = library
    (index, indexState) = try SearchIndex.current(for: library, configuration: configuration)
    guard index.paperCount > 0 else { throw RecommendationError.emptyLibrary }
  }

  /// The papers most similar to one of the library's papers.
  ///
  /// - Parameters:
  ///   - id: The paper read.
  ///   - k: How many to return; more than the candidates returns them all.
  ///   - filter: Which papers may be recommended (e.g. those of one day); the paper itself never
  ///     is.
  /// - Returns: Up to `k` recommendations with a positive score, best first; ties rank the
  ///   paper earlier in the library first.
  /// - Throws: `RecommendationError.unknownPaper`, or a `LibraryError` or `SearchIndexError`.
  /// - Complexity: O(Σ over the paper's features of the papers having them), on all cores.
  public func related(to id: ArxivID, count k: Int, filter: PaperFilter = PaperFilter()) throws
    -> [Recommendation]
  {
    guard let row = index.row(of: id), let paper = try library.paper(id: id) else {
      throw RecommendationError.unknownPaper(id)
    }
    let vector = index.vectorizer.vector(for: text(of: paper))
    return try best(k, for: vector, filter: filter, excluding: row)
  }

  /// The papers most similar to a free text.
  ///
  /// - Parameters:
  ///   - text: The query: words, an abstract, a title.
  ///   - k: How many to return.
  ///   - filter: Which papers may be returned; all by default.
  /// - Returns: Up to `k` recommendations, best first; none when no feature of the text occurs
  ///   in the library.
  /// - Throws: `RecommendationError.emptyQuery` for a text without words.
  public func search(_ text: String, count k: Int, filter: PaperFilter = PaperFilter()) throws
    -> [Recommendation]
  {
    guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
      throw RecommendationError.emptyQuery
    }
    return try best(k, for: index.vectorizer.vector(for: text), filter: filter, excluding: nil)
  }

  /// Why a paper was recommended for another: the terms they share that weigh most.
  ///
  /// - Parameters:
  ///   - query: The paper read.
  ///   - recommended: A paper recommended for it.
  ///   - limit: The most terms to return.
  /// - Returns: Up to `limit` terms, largest share first.
  public func explanation(of query: Paper, and recommended: Paper, limit: Int = 5) -> [SharedTerm] {
    explanation(ofText: text(of: query), and: recommended, limit: limit)
  }

  /// Why a paper matches a free text; see ``explanation(of:and:limit:)``.
  public func explanation(ofQuery text: String, and recommended: Paper, limit: Int = 5)
    -> [SharedTerm]
  {
    explanation(ofText: text, and: recommended, limit: limit)
  }

  private func explanation(ofText text: String, and recommended: Paper, limit: Int)
    -> [SharedTerm]
  {
    let vectorizer = index.vectorizer
    return SharedTerm.strongest(
      of: vectorizer.sharedTerms(
        between: vectorizer.vector(for: text),
        and: vectorizer.vector(for: self.text(of: recommended)),
        namingFrom: text),
      limit: limit)
  }

  private func text(of paper: Paper) -> String {
    PaperIndex.text(of: paper, titleRepeats: index.vectorizer.configuration.titleRepeats)
  }

  /// The `k` best papers for a vector, as recommendations read from the library.
  private func best(_ k: Int, for vector: SparseVector, filter: PaperFilter, excluding row: Int?)
    throws -> [Recommendation]
  {
    guard vector.count > 0 else { return [] }
    let scores = try index.scores(of: vector)
    var isCandidate = [Bool](repeating: true, count: index.paperCount)
    if let ids = try library.ids(matching: filter) {
      isCandidate = [Bool](repeating: false, count: index.paperCount)
      for id in ids { if let row = index.row(of: id) { isCandidate[row] = true } }
    }
    if let row { isCandidate[row] = false }
    let neighbors = Neighbor.best(k, of: scores, where: { isCandidate[$0] && scores[$0] > 0 })
    let ids = neighbors.compactMap { index.id(ofRow: $0.index) }
    let papers = try library.papers(ids: ids)
    guard papers.count == neighbors.count else {
      throw SearchIndexError.damaged(path: index.location)
    }
    return zip(neighbors, papers).enumerated().map { offset, pair in
      Recommendation(rank: offset + 1, score: pair.0.score, paper: pair.1, row: pair.0.index)
    }
  }
}
