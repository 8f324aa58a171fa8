import NGramVectorizer
import PaperCorpus
import SimilarityCore

extension PaperIndex {
  /// The papers most similar to one of the index's papers.
  ///
  /// - Parameters:
  ///   - id: The paper read.
  ///   - k: How many to return; more than the candidates returns them all.
  ///   - isCandidate: Which rows may be recommended (e.g. papers of one day); all by default.
  ///     The paper itself never is.
  /// - Returns: Up to `k` recommendations, best first; ties by index order.
  /// - Throws: `RecommendationError.unknownPaper`.
  /// - Complexity: O(total number of features), on all cores.
  public func related(
    to id: ArxivID, count k: Int, where isCandidate: @escaping (Int) -> Bool = { _ in true }
  ) throws(RecommendationError) -> [Recommendation] {
    guard let row = row(of: id) else { throw .unknownPaper(id) }
    return best(k, againstEveryPaper: vectors[row], where: { $0 != row && isCandidate($0) })
  }

  /// Every paper's most similar papers among `rows`, with tiled matrix products.
  ///
  /// - Parameters:
  ///   - rows: The papers to relate to each other (all by default).
  ///   - k: Neighbours per paper.
  /// - Returns: One list per entry of `rows`, in that order.
  /// - Complexity: O(rows² × embedding dimension / 2) arithmetic, O(rows × rescoring depth)
  ///   extra memory.
  public func relatedForAll(_ rows: [Int]? = nil, count k: Int) -> [[Recommendation]] {
    let rows = rows ?? Array(papers.indices)
    let subset = Self.embedding(
      of: rows.map { vectors[$0] }, dimension: vectorizer.configuration.embeddingDimension)
    let depth = max(k, vectorizer.configuration.rescoringDepth)
    let candidates = subset.nearestNeighborsOfEachRow(count: depth)
      .map { list in list.map { rows[$0.index] } }
    let scores = SparseVector.innerProducts(
      in: vectors, queries: rows, candidates: candidates,
      dimension: vectorizer.configuration.featureSpace)
    return zip(candidates, scores).map { ranked($0, exactScores: $1, count: k) }
  }

  /// The papers most similar to a free text.
  ///
  /// - Parameters:
  ///   - text: The query: words, an abstract, a title.
  ///   - k: How many to return.
  ///   - isCandidate: Which rows may be returned; all by default.
  /// - Returns: Up to `k` recommendations, best first; none when no word of the text occurs in
  ///   the library.
  /// - Throws: `RecommendationError.emptyQuery` for a text without words.
  public func search(
    _ text: String, count k: Int, where isCandidate: @escaping (Int) -> Bool = { _ in true }
  ) throws(RecommendationError) -> [Recommendation] {
    guard text.contains(where: { $0.isLetter || $0.isNumber }) else { throw .emptyQuery }
    let vector = vectorizer.vector(for: text)
    guard vector.count > 0 else { return [] }
    return best(k, againstEveryPaper: vector, where: isCandidate)
  }

  /// The `k` papers most similar to a vector, scored exactly against every paper.
  private func best(
    _ k: Int, againstEveryPaper query: SparseVector, where isCandidate: (Int) -> Bool
  ) -> [Recommendation] {
    let scores = query.innerProducts(
      with: vectors, dimension: vectorizer.configuration.featureSpace)
    return recommendations(
      Neighbor.best(k, of: scores, where: { isCandidate($0) && scores[$0] > 0 }))
  }

  /// The best `k` candidates by their exact scores (positive ones only), as recommendations.
  private func ranked(_ candidates: [Int], exactScores: [Float], count k: Int) -> [Recommendation] {
    recommendations(
      zip(candidates, exactScores).map { Neighbor(index: $0, score: $1) }
        .filter { $0.score > 0 }
        .sorted { $0.ranks(before: $1) }
        .prefix(k))
  }

  /// Neighbours, best first, as numbered recommendations.
  private func recommendations(_ neighbors: some Sequence<Neighbor>) -> [Recommendation] {
    neighbors.enumerated().map { offset, neighbor in
      Recommendation(
        rank: offset + 1, score: neighbor.score, paper: papers[neighbor.index], row: neighbor.index)
    }
  }
}
