extension Matrix {
  /// The `k` rows with the largest inner product with `query`: cosine top-k for unit rows.
  ///
  /// ```swift
  /// let corpus = Matrix(rowArrays: [[1, 0], [0.6, 0.8], [0, 1]])
  /// corpus.nearestNeighbors(of: [1, 0], count: 2)  // rows 0 (1.0) and 1 (0.6)
  /// ```
  ///
  /// Scores come from one `cblas_sgemv`. Ties rank the lower row first; NaN scores are skipped.
  ///
  /// - Parameters:
  ///   - query: A vector of `columns` values.
  ///   - k: How many neighbours to return; more than the candidates returns them all, 0 none.
  ///   - isCandidate: Which rows may be returned (e.g. not the query's own row); all by default.
  /// - Returns: Up to `k` neighbours, best first.
  /// - Precondition: `query.count == columns` and `k >= 0`.
  /// - Complexity: O(`rows * columns + k log k`).
  public func nearestNeighbors(
    of query: [Float], count k: Int, where isCandidate: (Int) -> Bool = { _ in true }
  ) -> [Neighbor] {
    precondition(query.count == columns, "Query has \(query.count) values, rows have \(columns)")
    precondition(k >= 0, "k must not be negative")
    guard rows > 0, k > 0 else { return [] }
    var scores = [Float](repeating: 0, count: rows)
    if columns > 0 {
      LinearAlgebra.multiply(elements, rows: rows, columns: columns, by: query, into: &scores)
    }
    return Neighbor.best(k, of: scores, where: isCandidate)
  }
}

extension Neighbor {
  /// The `k` best entries of a list of scores, by batch selection (``RowCandidates``).
  ///
  /// ```swift
  /// Neighbor.best(2, of: [0.2, 0.9, 0.5])  // indices 1 (0.9) and 2 (0.5)
  /// ```
  ///
  /// - Parameters:
  ///   - k: How many to return; more than the candidates returns them all, 0 none.
  ///   - scores: One score per index.
  ///   - isCandidate: Which indices may be returned; all by default.
  /// - Returns: Up to `k` neighbours, best first; ties rank the lower index first; NaN scores
  ///   are skipped.
  /// - Precondition: `k >= 0`.
  /// - Complexity: O(`scores.count + k log k`).
  public static func best(
    _ k: Int, of scores: [Float], where isCandidate: (Int) -> Bool = { _ in true }
  ) -> [Neighbor] {
    precondition(k >= 0, "k must not be negative")
    guard k > 0, !scores.isEmpty else { return [] }
    var candidates = RowCandidates(rows: 1, capacity: min(k, scores.count))
    candidates.withPointers { candidates in
      for (index, score) in scores.enumerated() where isCandidate(index) {
        candidates.offer(row: 0, index: index, score: score)
      }
    }
    return RowCandidates.best(candidates.capacity, of: Array(candidates.keys(of: 0)))
  }
}
