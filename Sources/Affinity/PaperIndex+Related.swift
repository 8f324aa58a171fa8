import NGramVectorizer
import PaperCorpus
import SimilarityCore

extension PaperIndex {
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
