import SimilarityCore

extension PaperIndex {
  /// Every paper's most similar other papers, exactly: the lower triangle of the papers' exact
  /// cosines (``SparseCosines``), each pair offered to both of its papers.
  ///
  /// - Parameter k: Neighbours per paper.
  /// - Returns: One list per paper, in order: up to `k` papers (by position) with a positive
  ///   score, best first; ties rank the lower position first.
  /// - Complexity: O(Σ over features of (papers having it)² / 2) arithmetic, O(papers × k)
  ///   extra memory besides one block of scores.
  func relatedForAll(count k: Int) -> [[Neighbor]] {
    SparseCosines(vectors).nearestPositiveNeighborsOfEachRow(count: k)
  }
}
