import SimilarityCore
import Testing

@Suite struct MatrixTests {
  @Test func elementsAreRowMajor() {
    let m = Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
    #expect(m[0, 2] == 3)
    #expect(m[1, 0] == 4)
    #expect(Array(m.row(1)) == [4, 5, 6])
  }

  @Test func transposeSwapsIndices() {
    let m = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])
    #expect(m.transposed() == Matrix(rowArrays: [[1, 4], [2, 5], [3, 6]]))
  }

  @Test func identityHasOnesOnTheDiagonal() {
    #expect(Matrix.identity(2) == Matrix(rowArrays: [[1, 0], [0, 1]]))
  }

  @Test func finitenessSeesNaNAndInfinity() {
    #expect(Matrix(rowArrays: [[1, 2]]).isFinite)
    #expect(!Matrix(rowArrays: [[1, .nan]]).isFinite)
    #expect(!Matrix(rowArrays: [[-.infinity, 0]]).isFinite)
  }
}
