import NGramVectorizer
import PaperCorpus
import PaperLibrary
import SimilarityCore

extension Recommender {
  /// The papers most similar to one paper.
  ///
  /// - Parameters:
  ///   - id: The paper read.
  ///   - k: How many to return; more than there are returns them all.
  ///   - filter: Which papers may be recommended (e.g. those of one day); the paper itself never
  ///     is.
  ///   - explained: Whether to name the shared terms behind each score.
  /// - Returns: Up to `k` recommendations with a positive score, best first; ties rank the
  ///   paper earlier in the library first.
  /// - Throws: `RecommendationError.unknownPaper`, `.emptyLibrary`, or `.noPapersSelected` when
  ///   no paper passes the filter; a `LibraryError` or `SearchIndexError`.
  /// - Complexity: O(Σ over the paper's features of the papers having them), on all cores.
  public func related(
    to id: ArxivID, count k: Int, filter: PaperFilter = PaperFilter(), explained: Bool = false
  ) throws -> [Recommendation] {
    try related(to: ReadingProfile(liked: [id]), count: k, filter: filter, explained: explained)
      .map { recommendation in
        var recommendation = recommendation
        recommendation.closeTo = nil  // the paper asked about, every time
        return recommendation
      }
  }

  /// The papers a reading profile scores best (see ``ReadingProfile``).
  ///
  /// - Parameters:
  ///   - profile: The papers liked and disliked.
  ///   - k: How many to return.
  ///   - filter: Which papers may be recommended; the profile's own papers never are.
  ///   - excluded: Papers not to recommend either (e.g. those already read).
  ///   - explained: Whether to name, for each recommendation, the shared terms behind its
  ///     score and the liked papers it is closest to.
  /// - Returns: Up to `k` recommendations with a positive score, best first.
  /// - Throws: `RecommendationError.unknownPaper` or `.repeatedPaper` for a bad profile,
  ///   `.emptyLibrary`, `.noPapersSelected`; a `LibraryError` or `SearchIndexError`.
  /// - Complexity: O(Σ over the profile's features of the papers having them), on all cores.
  public func related(
    to profile: ReadingProfile, count k: Int, filter: PaperFilter = PaperFilter(),
    excluding excluded: Set<ArxivID> = [], explained: Bool = false
  ) throws -> [Recommendation] {
    var seen: Set<ArxivID> = []
    for id in profile.papers where !seen.insert(id).inserted {
      throw RecommendationError.repeatedPaper(id)
    }
    return try withSearchIndex { index in
      guard index.paperCount > 0 else { throw RecommendationError.emptyLibrary }
      let papers = try source.papers(ids: profile.papers)
      for id in profile.papers
      where index.row(of: id) == nil || !papers.contains(where: { $0.id == id }) {
        throw RecommendationError.unknownPaper(id, closest: try closestID(to: id))
      }
      let texts = papers.map { $0.text(for: configuration) }
      let vectors = texts.map { index.vector(for: $0) }
      let liked = profile.liked.count
      let query = Query(
        text: texts[..<liked].joined(separator: "\n"),
        vector: ReadingProfile.vector(
          liked: Array(vectors[..<liked]), disliked: Array(vectors[liked...])))
      var recommendations = try best(
        k, for: query, in: index, filter: filter,
        excluding: Set(profile.papers).union(excluded), explained: explained)
      if explained {
        for position in recommendations.indices {
          let vector = index.vector(
            for: recommendations[position].paper.text(for: configuration))
          recommendations[position].closeTo = Self.closest(
            of: Array(zip(profile.liked, vectors)), to: vector)
        }
      }
      return recommendations
    }
  }

  /// The liked papers a recommendation is closest to: the closest, and any others at least
  /// half as close, at most three, closest first.
  private static func closest(of liked: [(ArxivID, SparseVector)], to vector: SparseVector)
    -> [ArxivID]
  {
    let scored = liked.map { ($0.0, $0.1.dot(vector)) }.sorted { $0.1 > $1.1 }
    guard let best = scored.first?.1, best > 0 else { return [] }
    return scored.prefix(3).filter { $0.1 >= best / 2 }.map(\.0)
  }

  /// The papers most similar to a free text.
  ///
  /// - Parameters:
  ///   - text: The query: words, an abstract, a title.
  ///   - k: How many to return.
  ///   - filter: Which papers may be returned; all by default.
  ///   - explained: Whether to name the shared terms behind each score.
  /// - Returns: Up to `k` recommendations, best first; none when no feature of the text occurs
  ///   among the papers.
  /// - Throws: `RecommendationError.emptyQuery` for a text without words, `.emptyLibrary`, or
  ///   `.noPapersSelected` when no paper passes the filter.
  public func search(
    _ text: String, count k: Int, filter: PaperFilter = PaperFilter(), explained: Bool = false
  ) throws -> [Recommendation] {
    guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
      throw RecommendationError.emptyQuery
    }
    return try withSearchIndex { index in
      guard index.paperCount > 0 else { throw RecommendationError.emptyLibrary }
      return try best(
        k, for: Query(text: text, vector: index.vector(for: text)), in: index,
        filter: filter, excluding: [], explained: explained)
    }
  }

  /// Every selected paper's most similar papers among the selected ones.
  ///
  /// - Parameters:
  ///   - selection: The papers to relate to each other.
  ///   - k: Recommendations per paper.
  ///   - explained: Whether to name the shared terms behind each score.
  /// - Returns: One entry per selected paper, in the selection's order, with up to `k`
  ///   recommendations as ``related(to:count:filter:explained:)`` ranks them.
  /// - Throws: `RecommendationError` for an empty or bad selection, or a `LibraryError`.
  /// - Complexity: O(papers² × candidate dimension / 2) arithmetic; see ``PaperIndex``.
  public func relatedForAll(
    of selection: PaperSelection = .all, count k: Int, explained: Bool = false
  ) throws -> [RelatedPapers] {
    let index = try paperIndex(of: selection, configuration: configuration)
    return zip(index.papers.indices, index.relatedForAll(count: k)).map { row, neighbors in
      RelatedPapers(
        paper: index.papers[row],
        recommendations: ranked(
          neighbors, papers: neighbors.map { index.papers[$0.index] },
          explaining: explained
            ? Query(text: index.papers[row].text(for: configuration), vector: index.vectors[row])
            : nil,
          vectorizer: index.vectorizer, vector: { index.vectors[neighbors[$0].index] }))
    }
  }

  /// The `k` best papers of the search index for a query, as recommendations read from the
  /// source, with their exact scores.
  ///
  /// The index's approximate scores (see ``SegmentedIndex/scores(of:leavingOut:)``) name the
  /// candidates, which are scored exactly from their texts. The answer is certain when no paper
  /// not scored exactly could, within the scores' tolerance, beat the k-th. Until it is: when
  /// at most ``SegmentedIndex/rescoringLimit`` papers could, they are scored exactly too; else,
  /// when lists were left out, enough of them are read that those left out could change a
  /// score by at most half as much (and half the k-th score), and the candidates are found
  /// again. Past that, the answer is the best of the first ``SegmentedIndex/rescoringLimit``
  /// candidates.
  private func best(
    _ k: Int, for query: Query, in index: SegmentedIndex, filter: PaperFilter,
    excluding excluded: Set<ArxivID>, explained: Bool
  ) throws -> [Recommendation] {
    guard query.vector.count > 0 else { return [] }
    var isCandidate = (0..<index.rowCount).map(index.isLive)
    if let ids = try source.ids(matching: filter) {
      guard !ids.isEmpty else { throw try emptySelection(for: filter) }
      isCandidate = [Bool](repeating: false, count: index.rowCount)
      for id in ids { if let row = index.row(of: id) { isCandidate[row] = true } }
    }
    for id in excluded { if let row = index.row(of: id) { isCandidate[row] = false } }
    var scores = try index.scores(of: query.vector, leavingOut: SegmentedIndex.pruningBudget)
    var known: [Int: (paper: Paper, score: Float)] = [:]
    var depth = k + SegmentedIndex.rescoringDepth
    var found: (neighbors: [Neighbor], papers: [Paper]) = ([], [])
    while true {
      let (values, tolerance) = (scores.values, scores.tolerance)
      let candidates = Neighbor.best(
        depth, of: values, where: { isCandidate[$0] && values[$0] + tolerance > 0 })
      found = try exactlyScored(
        k, of: candidates.map(\.index), for: query, in: index, known: &known)
      let kth = found.neighbors.count == k ? found.neighbors[k - 1].score : 0
      // The papers that could beat the k-th: every one is scored exactly, or the answer is not
      // certain.
      var contenders = 0
      for row in values.indices where isCandidate[row] && values[row] + tolerance >= kth {
        contenders += 1
      }
      if contenders <= depth { break }
      if contenders <= SegmentedIndex.rescoringLimit {
        depth = contenders
      } else if scores.isPruned {
        // Half as much, and at most half the k-th score, which a paper must come near.
        let budget = min(scores.leftOutBound, kth) / 2
        try index.readMore(of: &scores, downTo: budget < 0.01 ? 0 : budget)
      } else {
        break
      }
    }
    let papers = found.papers
    return ranked(
      found.neighbors, papers: papers, explaining: explained ? query : nil,
      vectorizer: index.vectorizer,
      vector: { [configuration] in index.vector(for: papers[$0].text(for: configuration)) })
  }

  /// The best `k` of some rows, scored exactly, best first (ties: the lower row).
  ///
  /// - Parameter known: Rows scored exactly already, with their papers; those scored here are
  ///   added.
  private func exactlyScored(
    _ k: Int, of rows: [Int], for query: Query, in index: SegmentedIndex,
    known: inout [Int: (paper: Paper, score: Float)]
  ) throws -> (neighbors: [Neighbor], papers: [Paper]) {
    let unknown = rows.filter { known[$0] == nil }
    let papers = try source.papers(ids: unknown.compactMap { index.id(ofRow: $0) })
    guard papers.count == unknown.count else {
      throw SearchIndexError.damaged(path: index.location)
    }
    for (row, paper) in zip(unknown, papers) {
      known[row] = (paper, query.vector.dot(index.vector(for: paper.text(for: configuration))))
    }
    let best = rows.map { Neighbor(index: $0, score: known[$0]!.score) }
      .filter { $0.score > 0 }.sorted { $0.ranks(before: $1) }.prefix(k)
    return (Array(best), best.map { known[$0.index]!.paper })
  }
}
