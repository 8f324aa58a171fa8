extension Matrix {
  /// The mean silhouette of a clustering (Rousseeuw, 1987), with distance `1 − similarity`,
  /// this matrix being the rows' similarities.
  ///
  /// ```swift
  /// cosines.silhouette(of: clustering)  // in -1...1; higher is better separated
  /// ```
  ///
  /// A row's silhouette is `(b − a) / max(a, b)`, `a` its mean distance to the other members of
  /// its cluster and `b` the least mean distance to another cluster; rows of one-row clusters
  /// count 0 (as in scikit-learn). Every row's similarity sum per cluster is one `cblas_sgemm`
  /// with the cluster indicator matrix.
  ///
  /// - Parameter clustering: A clustering of the rows.
  /// - Returns: The mean over rows; 0 for fewer than 2 clusters.
  /// - Precondition: The matrix is square with one row per assignment.
  /// - Complexity: O(`n² × clusters`).
  public func silhouette(of clustering: Clustering) -> Float {
    precondition(rows == columns && rows == clustering.assignments.count, "One row per assignment")
    let k = clustering.count
    guard k >= 2, rows > 0 else { return 0 }
    var indicator = Matrix(rows: rows, columns: k)
    var sizes = [Int](repeating: 0, count: k)
    for (row, cluster) in clustering.assignments.enumerated() {
      indicator[row, cluster] = 1
      sizes[cluster] += 1
    }
    let sums = multiplied(by: indicator)
    var total: Float = 0
    for row in 0..<rows {
      let own = clustering.assignments[row]
      guard sizes[own] > 1 else { continue }
      let a = 1 - (sums[row, own] - self[row, row]) / Float(sizes[own] - 1)
      var b = Float.infinity
      for cluster in 0..<k where cluster != own {
        b = min(b, 1 - sums[row, cluster] / Float(sizes[cluster]))
      }
      let scale = max(a, b)
      if scale > 0 { total += (b - a) / scale }
    }
    return total / Float(rows)
  }

  /// The eigenvalues of the normalised affinity `D^−½ A D^−½`, largest first, where `A` is this
  /// similarity matrix with negative values and the diagonal set to 0 and `D` its row sums:
  /// a gap after the `k`-th eigenvalue suggests `k` well-separated groups (von Luxburg, "A
  /// tutorial on spectral clustering", 2007).
  ///
  /// Computed with `LAPACKE_ssyevd`.
  ///
  /// - Returns: `n` eigenvalues in `-1...1`, descending.
  /// - Throws: `LinearAlgebraError` for non-finite similarities or when LAPACK fails.
  /// - Precondition: The matrix is square.
  /// - Complexity: O(`n³`).
  public func normalizedAffinitySpectrum() throws(LinearAlgebraError) -> [Float] {
    precondition(rows == columns, "The spectrum needs a square similarity matrix")
    var affinity = self
    for index in affinity.elements.indices {
      affinity.elements[index] = max(0, affinity.elements[index])
    }
    for row in 0..<rows { affinity[row, row] = 0 }
    let degree = (0..<rows).map { row in affinity.row(row).reduce(0, +) }
    for row in 0..<rows {
      for column in 0..<rows {
        let scale = (degree[row] * degree[column]).squareRoot()
        affinity[row, column] = scale > 0 ? affinity[row, column] / scale : 0
      }
    }
    return try affinity.symmetricEigendecomposition().values.reversed()
  }
}
