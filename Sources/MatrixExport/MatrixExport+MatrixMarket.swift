import FileOutput
import SimilarityCore

extension MatrixExport {
  /// Writes part of a cosine similarity matrix as a Matrix Market
  /// coordinate file (`%%MatrixMarket matrix coordinate real general`, 1-based indices,
  /// shortest round-trip values), without the diagonal.
  ///
  /// The entry count is known only at the end, so the size line is written last into room
  /// kept for it (extra spaces between its numbers, which Matrix Market readers skip).
  ///
  /// - Parameters:
  ///   - similarities: The matrix (read block by block for a threshold).
  ///   - selection: Each row's listed nearest rows, or every pair at or above a threshold.
  ///   - file: A file (not standard output).
  ///   - blockElements: The most values computed at once (memory: 4 bytes each).
  ///   - progress: Told after each block of rows.
  /// - Returns: The number of entries written.
  /// - Throws: `OutputFileError.writeFailed`.
  /// - Precondition: One list per row, each of at most `k` columns; a threshold in `-1...1`.
  /// - Complexity: Half the arithmetic of the whole matrix for a threshold; O(block + output)
  ///   memory.
  @discardableResult
  public static func writeSimilarityMatrixMarket(
    of similarities: some CosineBlocks, keeping selection: SparseSelection, to file: OutputFile,
    blockElements: Int = 1 << 23, progress: Progress = { _, _ in }
  ) throws -> Int {
    let n = similarities.rows
    let banner = "%%MatrixMarket matrix coordinate real general\n"
    let comment =
      "% cosine similarities written by affinity; diagonal left out; " + "\(describe(selection))\n"
    let sizeWidth = 3 * 21
    var body = banner + comment + String(repeating: " ", count: sizeWidth) + "\n"
    var entries = 0
    func append(_ row: Int, _ column: Int, _ value: Float) throws {
      body += "\(row + 1) \(column + 1) \(value)\n"
      entries += 1
      if body.utf8.count >= 1 << 20 {
        try file.write(body)
        body = ""
      }
    }
    switch selection {
    case .nearest(let k, let lists):
      precondition(lists.count == n && lists.allSatisfy { $0.count <= k }, "One list per row")
      for (row, list) in lists.enumerated() {
        for neighbor in list { try append(row, neighbor.index, neighbor.score) }
      }
      progress(n, n)
    case .threshold(let threshold):
      precondition((-1...1).contains(threshold), "The threshold must be in -1...1")
      try similarities.forEachCosineBlock(.lowerTriangle, elementBudget: blockElements) { block in
        for row in block.rows {
          for (column, value) in block.row(row).prefix(row).enumerated() where value >= threshold {
            try append(row, column, value)
            try append(column, row, value)
          }
        }
        progress(block.rows.upperBound, n)
      }
    }
    try file.write(body)
    try file.flush()
    let dimensions = "\(n) \(n) "
    let padding = sizeWidth - dimensions.utf8.count - String(entries).utf8.count
    let size = dimensions + String(repeating: " ", count: padding) + String(entries)
    try file.write(Array(size.utf8), at: banner.utf8.count + comment.utf8.count)
    return entries
  }

  private static func describe(_ selection: SparseSelection) -> String {
    switch selection {
    case .nearest(let k, _): "each row's \(k) most similar"
    case .threshold(let threshold): "every pair at or above \(threshold)"
    }
  }
}
