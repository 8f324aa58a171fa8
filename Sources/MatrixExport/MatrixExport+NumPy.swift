import FileOutput
import SimilarityCore

extension MatrixExport {
  /// Writes a matrix (e.g. the embeddings) as a float32 `.npy` file.
  ///
  /// - Parameters:
  ///   - matrix: The matrix, written in C order.
  ///   - file: A file (not standard output).
  /// - Throws: `OutputFileError.writeFailed`.
  /// - Complexity: O(`rows * columns`).
  public static func writeNumPy(_ matrix: Matrix, to file: OutputFile) throws {
    let header = NumPyFormat.header(rows: matrix.rows, columns: matrix.columns)
    try file.write(header, at: 0)
    try matrix.elements.withUnsafeBytes { bytes in
      try file.write(bytes, at: header.count)
    }
  }

  /// Writes a cosine similarity matrix (e.g. of the rows of an embedding) as a float32 `.npy`
  /// file: symmetric, with 1 on the diagonal.
  ///
  /// Only the lower triangle is computed (half the arithmetic of `E·Eᵀ`); each block is written
  /// to its rows and, transposed, to the matching columns of the rows above it.
  ///
  /// - Parameters:
  ///   - similarities: The matrix, computed block by block.
  ///   - file: A file (not standard output).
  ///   - blockElements: The most values computed at once (memory: 4 bytes each).
  ///   - progress: Told after each block of rows.
  /// - Throws: `OutputFileError.writeFailed`.
  /// - Complexity: Half the arithmetic of the whole matrix, O(block) memory.
  public static func writeSimilarityNumPy(
    of similarities: some CosineBlocks, to file: OutputFile, blockElements: Int = 1 << 23,
    progress: Progress = { _, _ in }
  ) throws {
    let n = similarities.rows
    let header = NumPyFormat.header(rows: n, columns: n)
    try file.write(header, at: 0)
    let floatSize = MemoryLayout<Float>.size
    var mirrored: [Float] = []
    try similarities.forEachCosineBlock(.lowerTriangle, elementBudget: blockElements) { block in
      let first = block.rows.lowerBound
      for row in block.rows {
        try block.row(row).withUnsafeBytes { bytes in
          try file.write(bytes, at: header.count + row * n * floatSize)
        }
      }
      let height = block.rows.count
      transpose(block, columns: 0..<first, into: &mirrored)
      try mirrored.withUnsafeBytes { bytes in
        for column in 0..<first {
          let segment = UnsafeRawBufferPointer(
            rebasing: bytes[(column * height * floatSize)..<((column + 1) * height * floatSize)])
          try file.write(segment, at: header.count + (column * n + first) * floatSize)
        }
      }
      progress(block.rows.upperBound, n)
    }
  }

  /// The given columns of a block, transposed: `columns.count` rows of `block.rows.count`.
  private static func transpose(
    _ block: CosineBlock, columns: Range<Int>, into result: inout [Float]
  ) {
    let height = block.rows.count
    let width = block.columns
    let count = columns.count * height
    if result.count < count { result = [Float](repeating: 0, count: count) }
    let tile = 64
    block.values.withUnsafeBufferPointer { source in
      result.withUnsafeMutableBufferPointer { target in
        for rowTile in stride(from: 0, to: height, by: tile) {
          for columnTile in stride(from: columns.lowerBound, to: columns.upperBound, by: tile) {
            for row in rowTile..<min(height, rowTile + tile) {
              for column in columnTile..<min(columns.upperBound, columnTile + tile) {
                target[(column - columns.lowerBound) * height + row] = source[row * width + column]
              }
            }
          }
        }
      }
    }
  }
}
