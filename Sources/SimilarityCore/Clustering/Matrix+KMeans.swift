extension Matrix {
  /// Spherical k-means of the rows (unit vectors; similarity is the inner product).
  ///
  /// ```swift
  /// let clustering = embedding.sphericalKMeans(clusters: 20, seed: 1)
  /// clustering.assignments[0]  // row 0's cluster
  /// ```
  ///
  /// Seeded k-means++ picks the first centres (Arthur and Vassilvitskii, 2007, with `1 − cosine`
  /// as the distance), then Lloyd iterations assign every row to its most similar centre — the
  /// similarities of all rows to all centres are one `cblas_sgemm` — and move each centre to its
  /// members' normalised mean, until no row moves. An emptied cluster restarts at the row least
  /// similar to its centre. Of `restarts` runs the one with the highest total similarity is kept.
  ///
  /// - Parameters:
  ///   - k: The number of clusters, at least 1; more than the rows gives one per row.
  ///   - seed: Fixes the initialisation; the same rows and seed give the same clustering.
  ///   - restarts: Independent runs, the best kept.
  ///   - maximumIterations: Lloyd iterations per run at most.
  /// - Returns: The clustering (clusters numbered by first appearance).
  /// - Precondition: `k >= 1`, `restarts >= 1`.
  /// - Complexity: O(`restarts × iterations × rows × k × columns`).
  public func sphericalKMeans(
    clusters k: Int, seed: UInt64, restarts: Int = 4, maximumIterations: Int = 100
  ) -> Clustering {
    precondition(k >= 1 && restarts >= 1, "k and restarts must be at least 1")
    guard rows > 0 else { return Clustering(assignments: []) }
    let k = min(k, rows)
    var generator = SeededGenerator(seed: seed)
    var best: (assignments: [Int], objective: Float)?
    for _ in 0..<restarts {
      let run = lloyd(
        from: plusPlusCentres(k, using: &generator), maximumIterations: maximumIterations)
      if best == nil || run.objective > (best?.objective ?? 0) { best = run }
    }
    return Clustering(assignments: best?.assignments ?? [])
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

  /// Lloyd iterations from the given centres.
  private func lloyd(from initial: Matrix, maximumIterations: Int)
    -> (assignments: [Int], objective: Float)
  {
    let k = initial.rows
    var centres = initial
    var assignments = [Int](repeating: -1, count: rows)
    var best = [Float](repeating: 0, count: rows)
    var scores = [Float](repeating: 0, count: rows * k)
    for _ in 0..<maximumIterations {
      LinearAlgebra.multiply(
        elements, rows: rows, inner: columns, transposed: false, leadingDimension: columns,
        by: centres.elements, columns: k, transposed: true, leadingDimension: columns,
        into: &scores)
      var moved = false
      for index in 0..<rows {
        var cluster = 0
        for candidate in 1..<max(1, k)
        where scores[index * k + candidate] > scores[index * k + cluster] {
          cluster = candidate
        }
        best[index] = scores[index * k + cluster]
        if assignments[index] != cluster {
          assignments[index] = cluster
          moved = true
        }
      }
      centres = updatedCentres(assignments, count: k, similarities: best)
      if !moved { break }
    }
    return (assignments, best.reduce(0, +))
  }

  /// Each cluster's normalised mean; an empty cluster takes the row least similar to its own
  /// centre (which is then taken from its cluster at the next assignment).
  private func updatedCentres(_ assignments: [Int], count k: Int, similarities: [Float]) -> Matrix {
    var centres = Matrix(rows: k, columns: columns)
    var sizes = [Int](repeating: 0, count: k)
    for (index, cluster) in assignments.enumerated() {
      sizes[cluster] += 1
      let base = cluster * columns
      for (offset, value) in row(index).enumerated() { centres.elements[base + offset] += value }
    }
    var taken: Set<Int> = []
    for cluster in 0..<k {
      let base = cluster * columns
      if sizes[cluster] == 0 {
        let outlier =
          (0..<rows).filter { !taken.contains($0) }
          .min {
            similarities[$0] < similarities[$1] || (similarities[$0] == similarities[$1] && $0 < $1)
          } ?? 0
        taken.insert(outlier)
        for (offset, value) in row(outlier).enumerated() { centres.elements[base + offset] = value }
      }
      let norm = centres.elements[base..<(base + columns)].reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0 { for column in base..<(base + columns) { centres.elements[column] /= norm } }
    }
    return centres
  }
}
