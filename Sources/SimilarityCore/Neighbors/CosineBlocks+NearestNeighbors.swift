extension CosineBlocks {
  /// For every row, the `k` other rows with the largest positive cosine, from the matrix's
  /// lower triangle: each pair is read once and offered to both of its rows.
  ///
  /// ```swift
  /// let lists = cosines.nearestPositiveNeighborsOfEachRow(count: 10)  // lists[i]: row i's ten
  /// ```
  ///
  /// Blocks come as ``forEachCosineBlock(_:elementBudget:_:)`` computes them; each row keeps
  /// its candidates by batch selection (``RowCandidates``), so memory is one block and
  /// `rows × 2k` candidates, never `rows × rows`.
  ///
  /// - Parameters:
  ///   - k: Neighbours per row; more than the rows with a positive cosine returns them all.
  ///   - elementBudget: The most values one block may hold.
  /// - Returns: One list per row, best first; ties rank the lower row first; a row is never its
  ///   own neighbour, and zero, negative and NaN cosines are never listed.
  /// - Precondition: `k >= 0`.
  /// - Complexity: The arithmetic of the lower triangle, and O(`rows²` / 2) offers.
  public func nearestPositiveNeighborsOfEachRow(count k: Int, elementBudget: Int = 1 << 22)
    -> [[Neighbor]]
  {
    precondition(k >= 0, "k must not be negative")
    let capacity = min(k, rows - 1)
    guard capacity > 0 else { return Array(repeating: [], count: rows) }
    var candidates = RowCandidates(
      rows: rows, capacity: capacity, minimumScore: .leastNonzeroMagnitude)
    candidates.withPointers { candidates in
      forEachCosineBlock(.lowerTriangle, elementBudget: elementBudget) { block in
        block.values.withUnsafeBufferPointer { values in
          let thresholds = candidates.thresholds
          for row in block.rows {
            let start = (row - block.rows.lowerBound) * block.columns
            for column in 0..<row {
              let score = values[start + column]
              // Most scores are below both rows' thresholds: one test turns them away.
              guard score >= min(thresholds[row], thresholds[column]) else { continue }
              candidates.offer(row: row, index: column, score: score)
              candidates.offer(row: column, index: row, score: score)
            }
          }
        }
      }
    }
    return (0..<rows).map { RowCandidates.best(capacity, of: Array(candidates.keys(of: $0))) }
  }
}
