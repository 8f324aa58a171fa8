import Dispatch

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
  /// - Complexity: O(`rows * columns + rows * log k`).
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
    var selection = TopKSelection(capacity: k)
    for (index, score) in scores.enumerated() where isCandidate(index) {
      selection.offer(index, score)
    }
    return selection.sorted()
  }

  /// For every row of `queries`, the `k` rows of `self` with the largest inner product.
  ///
  /// Scores are computed tile by tile (`queryTile` × `corpusTile` with `cblas_sgemm`) and fed
  /// to a bounded heap per query, so memory stays at one tile per core, never
  /// `queries.rows × rows`. Query tiles run on all cores with BLAS at one thread each (the
  /// process-wide setting is restored afterwards).
  ///
  /// - Parameters:
  ///   - queries: One query per row, `columns` wide.
  ///   - k: Neighbours per query; more than the candidates returns them all.
  ///   - excludingSameIndex: Skip row `i` of `self` for query `i` (for all-pairs on one matrix).
  ///   - queryTile: Queries per tile.
  ///   - corpusTile: Corpus rows per tile.
  /// - Returns: One list per query, best first; ties rank the lower row first.
  /// - Precondition: `queries.columns == columns`, `k >= 0`, tiles positive.
  /// - Complexity: O(`queries.rows * rows * columns`) arithmetic, O(tile) extra memory.
  public func nearestNeighbors(
    ofRows queries: Matrix, count k: Int, excludingSameIndex: Bool = false,
    queryTile: Int = 256, corpusTile: Int = 4096
  ) -> [[Neighbor]] {
    precondition(
      queries.columns == columns, "Queries have \(queries.columns) columns, rows have \(columns)")
    precondition(k >= 0 && queryTile > 0 && corpusTile > 0, "k and tiles must be positive")
    var results = [[Neighbor]](repeating: [], count: queries.rows)
    guard queries.rows > 0, rows > 0, k > 0 else { return results }
    let tileCount = (queries.rows + queryTile - 1) / queryTile
    BLASSettings.withSingleThreadedBLAS {
      results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        DispatchQueue.concurrentPerform(iterations: tileCount) { tile in
          let first = tile * queryTile
          let count = min(queryTile, queries.rows - first)
          let lists = neighborsOfTile(
            queries, first: first, count: count, k: k, excludingSameIndex: excludingSameIndex,
            corpusTile: corpusTile)
          for (offset, list) in lists.enumerated() { output[first + offset] = list }
        }
      }
    }
    return results
  }

  private func neighborsOfTile(
    _ queries: Matrix, first: Int, count: Int, k: Int, excludingSameIndex: Bool, corpusTile: Int
  ) -> [[Neighbor]] {
    var selections = (0..<count).map { _ in TopKSelection(capacity: k) }
    var scores = [Float](repeating: 0, count: count * min(corpusTile, rows))
    var start = 0
    while start < rows {
      let width = min(corpusTile, rows - start)
      if columns > 0 {
        LinearAlgebra.multiply(
          queries.elements, offset: first * columns, rows: count, inner: columns, transposed: false,
          leadingDimension: columns, by: elements, offset: start * columns, columns: width,
          transposed: true, leadingDimension: columns, into: &scores)
      }
      for query in 0..<count {
        let base = query * width
        let own = excludingSameIndex ? first + query : -1
        for column in 0..<width where start + column != own {
          selections[query].offer(start + column, scores[base + column])
        }
      }
      start += width
    }
    return selections.map { $0.sorted() }
  }
}
