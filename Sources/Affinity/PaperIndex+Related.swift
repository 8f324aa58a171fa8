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
  /// - Complexity: O(rows² × candidate dimension / 2) arithmetic, O(rows × rescoring depth)
  ///   extra memory.
  public func relatedForAll(_ rows: [Int]? = nil, count k: Int) -> [[Recommendation]] {
    let rows = rows ?? Array(papers.indices)
    let subset = Self.embedding(
      of: rows.map { vectors[$0] }, dimension: vectorizer.configuration.candidateSearchDimension)
    let depth = max(k, vectorizer.configuration.rescoringDepth)
    // Candidates as positions in `rows`, ascending (the order they are scored in is free).
    let candidates = subset.nearestNeighborsOfEachRow(count: depth)
      .map { list in list.map(\.index).sorted() }
    let scores = exactScores(rows: rows, candidates: candidates)
    return zip(candidates, scores).map { list, scores in
      ranked(list.map { rows[$0] }, exactScores: scores, count: k)
    }
  }

  /// The exact score of every candidate (positions in `rows`).
  private func exactScores(rows: [Int], candidates: [[Int]]) -> [[Float]] {
    // Papers with the same lowest candidate (papers of one topic often share it) are scored one
    // after another, so they share most of their candidates.
    let order = candidates.indices.sorted {
      (candidates[$0].first ?? $0, $0) < (candidates[$1].first ?? $1, $1)
    }
    let scoredInOrder = SparseVector.innerProducts(
      in: vectors, queries: order.map { rows[$0] },
      candidates: order.map { position in candidates[position].map { rows[$0] } },
      dimension: vectorizer.configuration.featureSpace)
    var scored = [[Float]](repeating: [], count: candidates.count)
    for (scoredPosition, position) in order.enumerated() {
      scored[position] = scoredInOrder[scoredPosition]
    }
    return scored
  }

  /// The best `k` candidates (ascending rows) by their exact scores (positive ones only), as
  /// recommendations; ties rank the lower row first, as they rank the earlier position.
  private func ranked(_ candidates: [Int], exactScores: [Float], count k: Int) -> [Recommendation] {
    recommendations(
      Neighbor.best(k, of: exactScores, where: { exactScores[$0] > 0 }).map {
        Neighbor(index: candidates[$0.index], score: $0.score)
      })
  }

  /// Neighbours, best first, as numbered recommendations.
  private func recommendations(_ neighbors: some Sequence<Neighbor>) -> [Recommendation] {
    neighbors.enumerated().map { offset, neighbor in
      Recommendation(
        rank: offset + 1, score: neighbor.score, paper: papers[neighbor.index], row: neighbor.index)
    }
  }
}
