import FileOutput
import SimilarityCore

extension MatrixExport {
  /// Writes every pair of a cosine similarity matrix at or above a threshold, in both orders, as
  /// a Matrix Market coordinate file (`%%MatrixMarket matrix coordinate real general`, 1-based
  /// indices, shortest round-trip values), without the diagonal.
  ///
  /// - Parameters:
  ///   - similarities: The matrix, read block by block (its lower triangle).
  ///   - threshold: The least similarity kept, in `-1...1`.
  ///   - file: A file (not standard output).
  ///   - blockElements: The most values computed at once (memory: 4 bytes each).
  ///   - progress: Told after each block of rows.
  /// - Returns: The number of entries written.
  /// - Throws: `OutputFileError.writeFailed`.
  /// - Precondition: `threshold` is in `-1...1`.
  /// - Complexity: Half the arithmetic of the whole matrix; O(block + output) memory.
  @discardableResult
  public static func writeSimilarityMatrixMarket(
    of similarities: some CosineBlocks, atLeast threshold: Float, to file: OutputFile,
    blockElements: Int = 1 << 23, progress: Progress = { _, _ in }
  ) throws -> Int {
    precondition((-1...1).contains(threshold), "The threshold must be in -1...1")
    let n = similarities.rows
    return try writeMatrixMarket(
      size: n, describing: "every pair at or above \(threshold)", to: file
    ) { append in
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
  }

  /// Writes each row's listed nearest rows (e.g. its `k` most similar) as a Matrix Market
  /// coordinate file, row by row in the lists' order.
  ///
  /// - Parameters:
  ///   - lists: For each row, its neighbours (columns and scores), at most `k`, never itself.
  ///   - k: The most neighbours a list may hold, for the file's comment.
  ///   - file: A file (not standard output).
  /// - Returns: The number of entries written.
  /// - Throws: `OutputFileError.writeFailed`.
  /// - Precondition: No list is longer than `k`.
  /// - Complexity: O(entries).
  @discardableResult
  public static func writeNeighborMatrixMarket(
    _ lists: [[Neighbor]], k: Int, to file: OutputFile
  ) throws -> Int {
    precondition(lists.allSatisfy { $0.count <= k }, "A list longer than k")
    return try writeMatrixMarket(
      size: lists.count, describing: "each row's \(k) most similar", to: file
    ) { append in
      for (row, list) in lists.enumerated() {
        for neighbor in list { try append(row, neighbor.index, neighbor.score) }
      }
    }
  }

  /// Writes the banner, a comment, the entries `write` appends, and the size line. The entry
  /// count is known only at the end, so the size line is written last into room kept for it
  /// (extra spaces between its numbers, which Matrix Market readers skip).
  private static func writeMatrixMarket(
    size n: Int, describing selection: String, to file: OutputFile,
    _ write: (_ append: (Int, Int, Float) throws -> Void) throws -> Void
  ) throws -> Int {
    let banner = "%%MatrixMarket matrix coordinate real general\n"
    let comment =
      "% cosine similarities written by affinity; diagonal left out; \(selection)\n"
    let sizeWidth = 3 * 21
    var body = banner + comment + String(repeating: " ", count: sizeWidth) + "\n"
    var entries = 0
    try write { row, column, value in
      body += "\(row + 1) \(column + 1) \(value)\n"
      entries += 1
      if body.utf8.count >= 1 << 20 {
        try file.write(body)
        body = ""
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
}
