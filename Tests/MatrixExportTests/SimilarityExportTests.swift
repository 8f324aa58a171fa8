import FileOutput
import Foundation
import MatrixExport
import SimilarityCore
import Testing
import _TestSupport

@Suite struct SimilarityExportTests {
  /// 37 papers (one with no features: a zero row) in 6 dimensions, and small blocks so every
  /// writer crosses many block boundaries.
  let embedding = unitRows(37, 6, zeroRow: 5)
  /// Four rows per block.
  let block = 4 * 37
  var ids: [String] { (0..<37).map { "2406.\(10000 + $0)" } }

  private func write(
    _ name: String, in folder: TemporaryFolder, _ body: (OutputFile) throws -> Void
  ) throws -> Data {
    let file = try OutputFile(path: folder.path(name))
    try body(file)
    try file.commit()
    return try Data(contentsOf: URL(fileURLWithPath: folder.path(name)))
  }

  @Test func numPyIsTheSymmetricCosineMatrixWithUnitDiagonal() throws {
    let folder = try TemporaryFolder()
    let data = try write("m.npy", in: folder) {
      try MatrixExport.writeSimilarityNumPy(of: embedding, to: $0, blockElements: block)
    }
    let matrix = try MatrixFileReading.numPy(data)
    let expected = naiveCosines(embedding)
    #expect(matrix.rows == 37 && matrix.columns == 37)
    for i in 0..<37 {
      #expect(matrix[i, i] == 1)
      for j in 0..<37 {
        #expect(matrix[i, j] == matrix[j, i])
        #expect(abs(matrix[i, j] - expected[i][j]) < 1e-5)
      }
    }
    #expect(data.count == MatrixExport.numPySize(rows: 37, columns: 37))
  }

  @Test func csvAgreesWithNumPyToSixDigits() throws {
    let folder = try TemporaryFolder()
    let npy = try MatrixFileReading.numPy(
      write("m.npy", in: folder) {
        try MatrixExport.writeSimilarityNumPy(of: embedding, to: $0, blockElements: block)
      })
    let text = try write("m.csv", in: folder) {
      try MatrixExport.writeSimilarityCSV(of: embedding, ids: ids, to: $0, blockElements: block)
    }
    let csv = try MatrixFileReading.csv(String(decoding: text, as: UTF8.self))
    #expect(csv.rowNames == ids && csv.columnNames == ids)
    #expect(csv.rows == 37 && csv.columns == 37)
    for (a, b) in zip(csv.values, npy.values) { #expect(abs(a - b) <= 5e-6 * max(1, abs(b))) }
  }

  @Test(arguments: [1, 3, 36, 100])
  func matrixMarketTopKKeepsEachRowsBestWithoutTheDiagonal(k: Int) throws {
    let folder = try TemporaryFolder()
    let text = try write("m.mtx", in: folder) {
      try MatrixExport.writeNeighborMatrixMarket(
        embedding.nearestNeighborsOfEachRow(count: k), k: k, to: $0)
    }
    let sparse = try MatrixFileReading.matrixMarket(String(decoding: text, as: UTF8.self))
    let expected = naiveCosines(embedding)
    #expect(sparse.rows == 37 && sparse.columns == 37)
    #expect(sparse.entries.count == 37 * min(k, 36))
    for row in 0..<37 {
      let kept = sparse.entries.filter { $0.row == row }
      #expect(kept.count == min(k, 36))
      #expect(!kept.contains { $0.column == row })
      // No left-out column scores clearly above the weakest kept one.
      let weakest = kept.map(\.value).min() ?? 1
      for column in 0..<37 where column != row && !kept.contains(where: { $0.column == column }) {
        #expect(expected[row][column] <= weakest + 1e-5)
      }
      for entry in kept { #expect(abs(entry.value - expected[row][entry.column]) < 1e-5) }
    }
  }

  @Test(arguments: [Float(-1), 0, 0.3, 1])
  func matrixMarketThresholdKeepsEveryPairAtOrAbove(threshold: Float) throws {
    let folder = try TemporaryFolder()
    let text = try write("m.mtx", in: folder) {
      try MatrixExport.writeSimilarityMatrixMarket(
        of: embedding, atLeast: threshold, to: $0, blockElements: block)
    }
    let npy = try MatrixFileReading.numPy(
      write("m.npy", in: folder) {
        try MatrixExport.writeSimilarityNumPy(of: embedding, to: $0, blockElements: block)
      })
    let sparse = try MatrixFileReading.matrixMarket(String(decoding: text, as: UTF8.self))
    let kept = Set(sparse.entries.map { [$0.row, $0.column] })
    var expected: Set<[Int]> = []
    for i in 0..<37 {
      for j in 0..<37 where i != j && npy[i, j] >= threshold { expected.insert([i, j]) }
    }
    #expect(kept == expected)
    for entry in sparse.entries { #expect(entry.value == npy[entry.row, entry.column]) }
  }

  @Test func progressCountsEveryBlockUpToAllRows() throws {
    let folder = try TemporaryFolder()
    var reports: [Int] = []
    _ = try write("m.npy", in: folder) {
      try MatrixExport.writeSimilarityNumPy(of: embedding, to: $0, blockElements: block) {
        finished, total in
        #expect(total == 37)
        reports.append(finished)
      }
    }
    #expect(reports == Array(stride(from: 4, to: 37, by: 4)) + [37])
  }

  @Test func embeddingsRoundTripInBothFormats() throws {
    let folder = try TemporaryFolder()
    let npy = try MatrixFileReading.numPy(
      write("e.npy", in: folder) { try MatrixExport.writeNumPy(embedding, to: $0) })
    #expect(npy.rows == 37 && npy.columns == 6 && npy.values == embedding.elements)
    let text = try write("e.csv", in: folder) {
      try MatrixExport.writeCSV(
        embedding, rowNames: ids, columnNames: (0..<6).map(String.init), to: $0)
    }
    let csv = try MatrixFileReading.csv(String(decoding: text, as: UTF8.self))
    #expect(csv.rowNames == ids && csv.columnNames == ["0", "1", "2", "3", "4", "5"])
    for (a, b) in zip(csv.values, embedding.elements) { #expect(abs(a - b) <= 5e-6) }
  }

  @Test func emptyMatricesAreValidFiles() throws {
    let folder = try TemporaryFolder()
    let empty = Matrix(rows: 0, columns: 4)
    let npy = try MatrixFileReading.numPy(
      write("m.npy", in: folder) { try MatrixExport.writeSimilarityNumPy(of: empty, to: $0) })
    #expect(npy.rows == 0 && npy.columns == 0)
    let text = try write("m.mtx", in: folder) {
      try MatrixExport.writeNeighborMatrixMarket([], k: 3, to: $0)
    }
    #expect(
      try MatrixFileReading.matrixMarket(String(decoding: text, as: UTF8.self)).entries.isEmpty)
  }
}
