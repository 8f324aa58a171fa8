import SimilarityCore
import Testing

@Suite struct CosineBlockTests {
  /// Rows (1,0), (0.6,0.8), (0,1), (0,0): cosines 0.6, 0, 0.8; the zero row's diagonal is 1.
  let embedding = Matrix(rowArrays: [[1, 0], [0.6, 0.8], [0, 1], [0, 0]])

  @Test(arguments: [1, 8, 100])
  func fullBlocksCoverEveryRowOnce(budget: Int) {
    var rows: [Int] = []
    embedding.forEachCosineBlock(.full, elementBudget: budget) { block in
      #expect(block.columns == 4)
      for row in block.rows {
        rows.append(row)
        #expect(block[row, row] == 1)
      }
      if block.rows.contains(2) { #expect(abs(block[2, 1] - 0.8) < 1e-6) }
      if block.rows.contains(0) { #expect(abs(block[0, 1] - 0.6) < 1e-6 && block[0, 2] == 0) }
    }
    #expect(rows == [0, 1, 2, 3])
  }

  @Test(arguments: [1, 8, 100])
  func lowerTriangleBlocksStopAtTheirLastRow(budget: Int) {
    var covered: [Int] = []
    embedding.forEachCosineBlock(.lowerTriangle, elementBudget: budget) { block in
      #expect(block.columns == block.rows.upperBound)
      covered += block.rows
      for row in block.rows {
        #expect(block.row(row).count == block.columns)
        #expect(block[row, row] == 1)
        for column in block.rows where column < block.columns {
          #expect(block[row, column] == block[column, row])
        }
      }
    }
    #expect(covered == [0, 1, 2, 3])
  }

  @Test func anEmptyMatrixHasNoBlocks() {
    var called = false
    Matrix(rows: 0, columns: 3).forEachCosineBlock(.full) { _ in called = true }
    #expect(!called)
  }
}
