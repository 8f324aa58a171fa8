import NGramVectorizer
import SimilarityCore

extension PaperIndex {
  /// Every paper's most similar other papers, with tiled matrix products.
  ///
  /// - Parameter k: Neighbours per paper.
  /// - Returns: One list per paper, in order: up to `k` papers (by position) with a positive
  ///   exact score, best first; ties rank the lower position first.
  /// - Complexity: O(papers² × candidate dimension / 2) arithmetic, O(papers × rescoring depth)
  ///   extra memory.
  func relatedForAll(count k: Int) -> [[Neighbor]] {
    let folded = Self.embedding(
      of: vectors, dimension: vectorizer.configuration.candidateSearchDimension)
    let depth = max(k, vectorizer.configuration.rescoringDepth)
    // Candidates ascending (the order they are scored in is free).
    let candidates = folded.nearestNeighborsOfEachRow(count: depth)
      .map { list in list.map(\.index).sorted() }
    let scores = exactScores(candidates: candidates)
    return zip(candidates, scores).map { list, scores in
      Neighbor.best(k, of: scores, where: { scores[$0] > 0 }).map {
        Neighbor(index: list[$0.index], score: $0.score)
      }
    }
  }

  /// The exact score of every paper's every candidate.
  private func exactScores(candidates: [[Int]]) -> [[Float]] {
    // Papers with the same lowest candidate (papers of one topic often share it) are scored one
    // after another, so they share most of their candidates.
    let order = candidates.indices.sorted {
      (candidates[$0].first ?? $0, $0) < (candidates[$1].first ?? $1, $1)
    }
    let scoredInOrder = SparseVector.innerProducts(
      in: vectors, queries: order, candidates: order.map { candidates[$0] },
      dimension: vectorizer.configuration.featureSpace)
    var scored = [[Float]](repeating: [], count: candidates.count)
    for (scoredPosition, position) in order.enumerated() {
      scored[position] = scoredInOrder[scoredPosition]
    }
    return scored
  }
}
