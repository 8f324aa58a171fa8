import SimilarityCore
import Testing

@Suite struct SymmetricEigendecompositionTests {
  @Test func twoByTwo() throws {
    // [[2, 1], [1, 2]]: det(M - λI) = (2-λ)² - 1 = 0 ⇒ λ = 1, 3;
    // eigenvectors (1, -1)/√2 for 1 and (1, 1)/√2 for 3.
    let decomposition = try Matrix(rowArrays: [[2, 1], [1, 2]]).symmetricEigendecomposition()
    #expect(isClose(decomposition.values[0], 1))
    #expect(isClose(decomposition.values[1], 3))
    let half = Float(0.5).squareRoot()
    let v = decomposition.vectors
    // Column 0 ∝ (1, -1), column 1 ∝ (1, 1); signs are free.
    #expect(isClose(abs(v[0, 0]), half) && isClose(v[1, 0], -v[0, 0]))
    #expect(isClose(abs(v[0, 1]), half) && isClose(v[1, 1], v[0, 1]))
  }

  @Test func diagonalMatrixHasSortedDiagonalAsEigenvalues() throws {
    let m = Matrix(rowArrays: [[5, 0, 0], [0, -2, 0], [0, 0, 3]])
    let decomposition = try m.symmetricEigendecomposition()
    #expect(zip(decomposition.values, [-2, 3, 5]).allSatisfy { isClose($0, $1) })
  }

  @Test func vectorsReconstructTheMatrix() throws {
    // V·diag(λ)·Vᵀ = M for a symmetric M.
    let m = Matrix(rowArrays: [[4, 1, 2], [1, 3, 0], [2, 0, 5]])
    let d = try m.symmetricEigendecomposition()
    var scaled = d.vectors
    for row in 0..<3 { for column in 0..<3 { scaled[row, column] *= d.values[column] } }
    #expect(isClose(scaled.multiplied(by: d.vectors, transposingOther: true), m, tolerance: 1e-4))
    // ...and Vᵀ·V = I.
    #expect(
      isClose(
        d.vectors.multiplied(by: d.vectors, transposingSelf: true), .identity(3), tolerance: 1e-5))
  }

  @Test func emptyMatrixHasNoEigenvalues() throws {
    let decomposition = try Matrix(rows: 0, columns: 0).symmetricEigendecomposition()
    #expect(decomposition.values.isEmpty)
  }

  @Test(arguments: [Float.nan, .infinity])
  func nonFiniteInputThrows(bad: Float) {
    let m = Matrix(rowArrays: [[1, bad], [bad, 1]])
    #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "LAPACKE_ssyevd")) {
      try m.symmetricEigendecomposition()
    }
  }

  @Test func lapackInfoBecomesATypedError() {
    #expect(
      LinearAlgebraError.illegalArgument(routine: "r", position: 4).description.contains(
        "argument 4"))
    #expect(
      LinearAlgebraError.didNotConverge(routine: "r", info: 2).description.contains(
        "did not converge"))
  }
}
