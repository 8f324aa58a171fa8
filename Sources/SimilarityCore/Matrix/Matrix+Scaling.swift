extension Matrix {
  /// Classical multidimensional scaling of a similarity matrix (Torgerson): points in
  /// `dimensions` dimensions whose distances approximate those the similarities imply.
  ///
  /// ```swift
  /// let places = cosines.classicalScaling()  // n × 2, one row per item
  /// ```
  ///
  /// For unit vectors with cosines `C`, squared distances are `2 − 2C`, and the double-centred
  /// matrix `−½ J D² J` is `J C J` (`J = I − 11ᵀ/n`); its top eigenvectors scaled by the square
  /// roots of their eigenvalues (`LAPACKE_ssyevd`, on one thread so the result does not depend
  /// on the thread count) are the coordinates. Each axis is signed so that its largest
  /// coordinate is positive, so equal input gives equal output.
  ///
  /// - Parameter dimensions: The number of coordinates per item.
  /// - Returns: One row per item; zero columns where the similarities have no more structure.
  /// - Throws: `LinearAlgebraError` when the decomposition fails.
  /// - Precondition: The matrix is square.
  /// - Complexity: O(`n³`) time, O(`n²`) memory: for small matrices (a day's papers, group
  ///   centres).
  public func classicalScaling(dimensions: Int = 2) throws(LinearAlgebraError) -> Matrix {
    precondition(rows == columns, "Scaling needs a square similarity matrix")
    let n = rows
    var centred = self
    let rowMeans = (0..<n).map { row in self.row(row).reduce(0, +) / Float(Swift.max(1, n)) }
    let mean = rowMeans.reduce(0, +) / Float(Swift.max(1, n))
    for i in 0..<n {
      for j in 0..<n { centred[i, j] = self[i, j] - rowMeans[i] - rowMeans[j] + mean }
    }
    let decomposition = try BLASSettings.withSingleThreadedBLAS {
      () throws(LinearAlgebraError) in try centred.symmetricEigendecomposition()
    }
    var places = Matrix(rows: n, columns: dimensions)
    for (column, index) in (0..<n).reversed().prefix(dimensions).enumerated() {
      let scale = Swift.max(0, decomposition.values[index]).squareRoot()
      let values = (0..<n).map { decomposition.vectors[$0, index] * scale }
      let largest = values.max { abs($0) < abs($1) } ?? 0
      let sign: Float = largest < 0 ? -1 : 1
      for row in 0..<n { places[row, column] = sign * values[row] }
    }
    return places
  }
}
