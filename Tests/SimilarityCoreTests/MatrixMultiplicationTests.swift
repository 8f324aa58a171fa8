import SimilarityCore
import Testing

@Suite struct MatrixMultiplicationTests {
  // a = [[1, 2, 3], [4, 5, 6]] (2×3), b = [[7, 8], [9, 10], [11, 12]] (3×2)
  let a = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])
  let b = Matrix(rowArrays: [[7, 8], [9, 10], [11, 12]])

  @Test func productOfRectangularMatrices() {
    // Row 0: 1·7+2·9+3·11 = 58, 1·8+2·10+3·12 = 64
    // Row 1: 4·7+5·9+6·11 = 139, 4·8+5·10+6·12 = 154
    #expect(isClose(a.multiplied(by: b), Matrix(rowArrays: [[58, 64], [139, 154]])))
  }

  @Test func transposingTheRightFactorGivesTheGramMatrix() {
    // a·aᵀ: [1,2,3]·[1,2,3] = 14, [1,2,3]·[4,5,6] = 32, [4,5,6]·[4,5,6] = 77
    #expect(
      isClose(
        a.multiplied(by: a, transposingOther: true), Matrix(rowArrays: [[14, 32], [32, 77]])))
  }

  @Test func transposingTheLeftFactor() {
    // aᵀ·a is 3×3: entry (i, j) = a[0,i]·a[0,j] + a[1,i]·a[1,j]
    let expected = Matrix(rowArrays: [[17, 22, 27], [22, 29, 36], [27, 36, 45]])
    #expect(isClose(a.multiplied(by: a, transposingSelf: true), expected))
  }

  @Test func transposingBothEqualsTransposeOfTheProduct() {
    // bᵀ·aᵀ = (a·b)ᵀ
    let product = b.multiplied(by: a, transposingSelf: true, transposingOther: true)
    #expect(isClose(product, Matrix(rowArrays: [[58, 139], [64, 154]])))
  }

  @Test func identityIsNeutral() {
    #expect(isClose(Matrix.identity(2).multiplied(by: a), a))
  }

  @Test func emptyInnerDimensionGivesZeros() {
    let left = Matrix(rows: 2, columns: 0)
    let right = Matrix(rows: 0, columns: 3)
    #expect(left.multiplied(by: right) == Matrix(rows: 2, columns: 3))
  }

  @Test(arguments: [1, 7, 64, 129])
  func largerProductsMatchANaiveLoop(size: Int) {
    // Deterministic entries in [-1, 1]; the naive triple loop is the oracle.
    let x = Matrix(
      rows: size, columns: size + 3,
      elements: (0..<(size * (size + 3))).map {
        Float(($0 * 37) % 101) / 50 - 1
      })
    let y = Matrix(
      rows: size + 3, columns: 5,
      elements: (0..<((size + 3) * 5)).map {
        Float(($0 * 53) % 97) / 48 - 1
      })
    var expected = Matrix(rows: size, columns: 5)
    for i in 0..<size {
      for j in 0..<5 {
        var sum: Float = 0
        for k in 0..<(size + 3) { sum += x[i, k] * y[k, j] }
        expected[i, j] = sum
      }
    }
    #expect(isClose(x.multiplied(by: y), expected, tolerance: 1e-3))
  }
}
