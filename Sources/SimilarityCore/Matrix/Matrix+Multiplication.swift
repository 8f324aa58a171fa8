extension Matrix {
  /// The matrix product `op(self) × op(other)`, where `op` optionally transposes.
  ///
  /// ```swift
  /// let a = Matrix(rowArrays: [[1, 2], [3, 4]])
  /// a.multiplied(by: a, transposingOther: true)  // a × aᵀ = [[5, 11], [11, 25]]
  /// ```
  ///
  /// Computed with `cblas_sgemm` in single precision; transposes are free (no copy is made).
  ///
  /// - Parameters:
  ///   - other: The right-hand factor.
  ///   - transposingSelf: Use `selfᵀ` as the left-hand factor.
  ///   - transposingOther: Use `otherᵀ` as the right-hand factor.
  /// - Returns: An `m`×`n` matrix, where `m` is the row count of `op(self)` and `n` the column
  ///   count of `op(other)`. Empty inner dimensions give a matrix of zeros.
  /// - Precondition: The inner dimensions agree.
  /// - Complexity: O(`m * n * k`) for inner dimension `k`.
  public func multiplied(
    by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false
  ) -> Matrix {
    let (m, k) = transposingSelf ? (columns, rows) : (rows, columns)
    let (otherK, n) = transposingOther ? (other.columns, other.rows) : (other.rows, other.columns)
    precondition(k == otherK, "Inner dimensions differ: \(m)×\(k) times \(otherK)×\(n)")
    var product = Matrix(rows: m, columns: n)
    guard m > 0, n > 0, k > 0 else { return product }
    LinearAlgebra.multiply(
      self.elements, rows: m, inner: k, transposed: transposingSelf, leadingDimension: columns,
      by: other.elements, columns: n, transposed: transposingOther,
      leadingDimension: other.columns,
      into: &product.elements)
    return product
  }

  /// Adds `block × blockᵀ` to this square matrix: accumulates a Gram matrix slice by slice.
  ///
  /// ```swift
  /// var gram = Matrix(rows: 2, columns: 2)
  /// gram.addGram(of: Matrix(rowArrays: [[1, 0], [1, 1]]))  // [[1, 1], [1, 2]]
  /// ```
  ///
  /// Computed with `cblas_sgemm` (beta 1), in place.
  ///
  /// - Parameter block: One row per row of `self`.
  /// - Precondition: `self` is square with `block.rows` rows.
  /// - Complexity: O(`rows² × block.columns`).
  public mutating func addGram(of block: Matrix) {
    precondition(
      rows == columns && rows == block.rows, "Gram of \(block.rows) rows into \(rows)×\(columns)")
    guard rows > 0, block.columns > 0 else { return }
    LinearAlgebra.multiply(
      block.elements, rows: rows, inner: block.columns, transposed: false,
      leadingDimension: block.columns, by: block.elements, columns: rows, transposed: true,
      leadingDimension: block.columns, into: &elements, adding: true)
  }
}
