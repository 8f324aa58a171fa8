import Dispatch
import Parallel

extension Matrix {
  /// For every row, the `k` other rows with the largest inner product: all-pairs cosine top-k
  /// for unit rows.
  ///
  /// ```swift
  /// let lists = embedding.nearestNeighborsOfEachRow(count: 10)  // lists[i]: row i's ten
  /// ```
  ///
  /// The rows are cut into tiles; each pair of tiles is multiplied once (`cblas_sgemm`,
  /// `E_I·E_Jᵀ` for `J ≤ I`) and each score is offered to both rows' candidates, so the
  /// arithmetic is half of the full product. Most offers are turned away by comparing with the
  /// two rows' thresholds. Tile pairs run on all cores with BLAS at one thread each (the
  /// process-wide setting is restored afterwards); each core keeps its own candidates
  /// (``RowCandidates``), merged at the end. Memory: one tile product and `rows × 2k` candidates
  /// per core, never `rows × rows`.
  ///
  /// - Parameters:
  ///   - k: Neighbours per row; more than the other rows returns them all.
  ///   - tile: Rows per tile.
  /// - Returns: One list per row, best first; ties rank the lower row first; a row is never its
  ///   own neighbour and NaN scores are skipped.
  /// - Precondition: `k >= 0` and `tile > 0`.
  /// - Complexity: O(`rows² × columns / 2`) arithmetic.
  public func nearestNeighborsOfEachRow(count k: Int, tile: Int = 1024) -> [[Neighbor]] {
    precondition(k >= 0 && tile > 0, "k must not be negative and the tile must be positive")
    let capacity = min(k, rows - 1)
    guard capacity > 0 else { return Array(repeating: [], count: rows) }
    let tiles = (rows + tile - 1) / tile
    let pairs = (0..<tiles).flatMap { i in (0...i).map { j in (i, j) } }
    let workers = min(pairs.count, max(1, BLASSettings.processorCount))
    var candidates = [RowCandidates?](repeating: nil, count: workers)
    BLASSettings.withSingleThreadedBLAS {
      candidates.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          var own = RowCandidates(rows: rows, capacity: capacity)
          var scores = [Float](repeating: 0, count: min(tile, rows) * min(tile, rows))
          own.withPointers { candidates in
            for pair in stride(from: worker, to: pairs.count, by: workers) {
              offerTilePair(pairs[pair], tile: tile, scores: &scores, to: candidates)
            }
          }
          output[worker] = own
        }
      }
    }
    return Self.merged(candidates.compactMap { $0 }, capacity: capacity)
  }

  /// Multiplies tile `I` by tile `J` and offers every score to the candidates of both of its
  /// rows (only to the row's own on the diagonal, where each pair appears twice).
  private func offerTilePair(
    _ pair: (Int, Int), tile: Int, scores: inout [Float], to candidates: RowCandidates.Pointers
  ) {
    let (firstRow, firstColumn) = (pair.0 * tile, pair.1 * tile)
    let height = min(tile, rows - firstRow)
    let width = min(tile, rows - firstColumn)
    if columns > 0 {
      LinearAlgebra.multiply(
        elements, offset: firstRow * columns, rows: height, inner: columns, transposed: false,
        leadingDimension: columns, by: elements, offset: firstColumn * columns, columns: width,
        transposed: true, leadingDimension: columns, into: &scores)
    }
    let diagonal = pair.0 == pair.1
    let thresholds = UnsafeRawBufferPointer(candidates.thresholds)
    scores.withUnsafeBytes { products in
      for r in 0..<height {
        let row = firstRow + r
        let rowStart = r * width
        // A vector pass over each run of columns finds whether any score may be kept;
        // only such runs are offered one score at a time.
        for run in stride(from: 0, to: width, by: Self.offerRun) {
          let end = min(width, run + Self.offerRun)
          let rowThreshold = SIMD4(repeating: candidates.thresholds[row])
          var passes = SIMDMask<SIMD4<Int32>>(repeating: end - run < Self.offerRun)
          var c = run
          while c &+ 4 <= end {
            let values = products.loadUnaligned(
              fromByteOffset: (rowStart &+ c) &* 4, as: SIMD4<Float>.self)
            passes .|= values .>= rowThreshold
            if !diagonal {
              passes .|= values
                .>= thresholds.loadUnaligned(
                  fromByteOffset: (firstColumn &+ c) &* 4, as: SIMD4<Float>.self)
            }
            c &+= 4
          }
          guard any(passes) else { continue }
          for c in run..<end {
            let column = firstColumn + c
            let score = products.load(fromByteOffset: (rowStart + c) * 4, as: Float.self)
            if column != row { candidates.offer(row: row, index: column, score: score) }
            if !diagonal { candidates.offer(row: column, index: row, score: score) }
          }
        }
      }
    }
  }

  /// Columns checked together before their scores are offered one by one.
  private static let offerRun = 32

  /// Each row's best `capacity` candidates over all cores', best first.
  private static func merged(_ candidates: [RowCandidates], capacity: Int) -> [[Neighbor]] {
    Parallel.mapChunks(of: candidates[0].rows, size: 4096) { chunk in
      chunk.map { row in
        RowCandidates.best(capacity, of: candidates.flatMap { $0.keys(of: row) })
      }
    }
  }
}
