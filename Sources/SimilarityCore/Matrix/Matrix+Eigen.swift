/// The eigenvalues and eigenvectors of a real symmetric matrix.
///
/// `vectors` holds one unit eigenvector per **column**, in the order of `values`
/// (ascending). Each eigenvector is defined up to its sign.
public struct SymmetricEigendecomposition: Sendable, Equatable {
  /// The eigenvalues, in ascending order.
  public let values: [Float]
  /// The orthonormal eigenvectors, one per column; column `i` belongs to `values[i]`.
  public let vectors: Matrix
}

extension Matrix {
  /// The eigenvalues and eigenvectors of this symmetric matrix.
  ///
  /// ```swift
  /// let m = Matrix(rowArrays: [[2, 1], [1, 2]])
  /// let e = try m.symmetricEigendecomposition()
  /// e.values  // [1, 3]; eigenvectors (1, -1)/√2 and (1, 1)/√2
  /// ```
  ///
  /// Computed with `LAPACKE_ssyevd` (divide and conquer) on a copy; only the upper triangle is
  /// read, so a matrix that is not exactly symmetric is treated as its upper triangle mirrored.
  ///
  /// - Returns: The decomposition; a 0×0 matrix gives an empty one.
  /// - Throws: `LinearAlgebraError.nonFiniteInput` when an element is NaN or infinite, and
  ///   `LinearAlgebraError.didNotConverge` when LAPACK reports failure.
  /// - Precondition: The matrix is square.
  /// - Complexity: O(`n³`) for an `n`×`n` matrix.
  public func symmetricEigendecomposition() throws(LinearAlgebraError)
    -> SymmetricEigendecomposition
  {
    precondition(
      rows == columns, "Eigendecomposition needs a square matrix, got \(rows)×\(columns)")
    guard isFinite else { throw .nonFiniteInput(routine: "LAPACKE_ssyevd") }
    var vectors = self
    var values = [Float](repeating: 0, count: rows)
    if rows > 0 {
      try LinearAlgebra.symmetricEigen(&vectors.elements, order: rows, values: &values)
    }
    return SymmetricEigendecomposition(values: values, vectors: vectors)
  }
}
