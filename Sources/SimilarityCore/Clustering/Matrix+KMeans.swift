extension Matrix {
  /// Spherical k-means of the rows (unit vectors; similarity is the inner product).
  ///
  /// ```swift
  /// let clustering = embedding.sphericalKMeans(clusters: 20, seed: 1)
  /// clustering.assignments[0]  // row 0's cluster
  /// ```
  ///
  /// Seeded k-means++ picks the first centres (Arthur and Vassilvitskii, 2007, with `1 − cosine`
  /// as the distance), then Lloyd iterations assign every row to its most similar centre and
  /// move each centre to its members' normalised mean, until no row moves. Similarities come
  /// from `cblas_sgemm` on all cores, and only for the rows whose cluster may have changed (see
  /// `BoundedLloyd`). An emptied cluster restarts at the row least similar to its centre. Of
  /// `restarts` runs the one with the highest total similarity is kept.
  ///
  /// With more than 256 rows per cluster, each run starts from a seeded sample of that size:
  /// k-means++ and Lloyd on the sample give the starting centres (as FAISS trains on at most 256
  /// rows per centroid), and Lloyd on all rows then needs few full passes. Smaller inputs, such
  /// as a day's papers, are clustered from all rows.
  ///
  /// - Parameters:
  ///   - k: The number of clusters, at least 1; more than the rows gives one per row.
  ///   - seed: Fixes the initialisation; the same rows and seed give the same clustering.
  ///   - restarts: Independent runs, the best kept.
  ///   - maximumIterations: Lloyd iterations per run at most.
  /// - Returns: The clustering (clusters numbered by first appearance).
  /// - Precondition: `k >= 1`, `restarts >= 1`.
  /// - Complexity: O(`restarts × iterations × rows × k × columns`) at most; O(`rows × k`)
  ///   memory for the bounds.
  public func sphericalKMeans(
    clusters k: Int, seed: UInt64, restarts: Int = 4, maximumIterations: Int = 100
  ) -> Clustering {
    precondition(k >= 1 && restarts >= 1, "k and restarts must be at least 1")
    guard rows > 0 else { return Clustering(assignments: []) }
    let k = min(k, rows)
    var generator = SeededGenerator(seed: seed)
    var best: (assignments: [Int], objective: Float)?
    BLASSettings.withSingleThreadedBLAS {
      for _ in 0..<restarts {
        var run = BoundedLloyd(data: self, centres: seeds(k, using: &generator))
        run.run(maximumIterations: maximumIterations)
        let objective = run.objective()
        if best == nil || objective > (best?.objective ?? 0) { best = (run.assignments, objective) }
      }
    }
    return Clustering(assignments: best?.assignments ?? [])
  }

  /// The rows per cluster above which a run starts from a sample of this size.
  static let sampleRowsPerCluster = 256

  /// The starting centres: k-means++ on all rows or, for large inputs, k-means++ and Lloyd on a
  /// seeded sample.
  private func seeds(_ k: Int, using generator: inout SeededGenerator) -> Matrix {
    let limit = k * Self.sampleRowsPerCluster
    guard rows > limit else { return plusPlusCentres(k, using: &generator) }
    var indices = Array(0..<rows)
    for position in 0..<limit {
      indices.swapAt(position, position + Int(generator.next() % UInt64(rows - position)))
    }
    let sample = selectingRows(Array(indices[0..<limit]))
    var lloyd = BoundedLloyd(data: sample, centres: sample.plusPlusCentres(k, using: &generator))
    lloyd.run(maximumIterations: 100)
    return lloyd.centres
  }

  /// k-means++ seeding: the first centre uniformly, each next one with probability proportional
  /// to its distance `1 − cosine` from the nearest centre chosen so far.
  private func plusPlusCentres(_ k: Int, using generator: inout SeededGenerator) -> Matrix {
    var chosen = [Int(generator.next() % UInt64(rows))]
    var nearest = [Float](repeating: .infinity, count: rows)
    while chosen.count < k {
      let centre = Array(row(chosen[chosen.count - 1]))
      var scores = [Float](repeating: 0, count: rows)
      LinearAlgebra.multiply(elements, rows: rows, columns: columns, by: centre, into: &scores)
      var total: Float = 0
      for index in 0..<rows {
        nearest[index] = min(nearest[index], max(0, 1 - scores[index]))
        total += nearest[index]
      }
      var target = generator.nextUnitFloat() * total
      var pick = (0..<rows).first { !chosen.contains($0) } ?? 0
      if total > 0 {
        for index in 0..<rows where nearest[index] > 0 {
          target -= nearest[index]
          pick = index
          if target <= 0 { break }
        }
      }
      chosen.append(pick)
    }
    return selectingRows(chosen)
  }
}
