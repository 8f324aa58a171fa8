import FileOutput
import Parallel
import SimilarityCore

extension MatrixExport {
  /// Writes a matrix (e.g. the embeddings) as CSV: a header row (`id`, then `columnNames`), then
  /// one row per matrix row starting with its name; values with six significant digits.
  ///
  /// - Parameters:
  ///   - matrix: The matrix.
  ///   - rowNames: One name per row (paper ids).
  ///   - columnNames: One name per column.
  ///   - file: A file or standard output.
  /// - Throws: `OutputFileError.writeFailed`.
  /// - Precondition: One name per row and per column.
  /// - Complexity: O(`rows * columns`).
  public static func writeCSV(
    _ matrix: Matrix, rowNames: [String], columnNames: [String], to file: OutputFile
  ) throws {
    precondition(rowNames.count == matrix.rows && columnNames.count == matrix.columns)
    try file.write(headerLine(columnNames))
    let lines = formattedLines(rows: 0..<matrix.rows, names: rowNames) { matrix.row($0) }
    for line in lines { try file.write(line) }
    try file.flush()
  }

  /// Writes a cosine similarity matrix as CSV: a header row of ids, then one row per paper
  /// starting with its id; six significant digits, 1 on the diagonal.
  ///
  /// - Parameters:
  ///   - similarities: The matrix, computed block by block.
  ///   - ids: One id per row.
  ///   - file: A file or standard output.
  ///   - blockElements: The most values computed at once (memory: 4 bytes each).
  ///   - progress: Told after each block of rows.
  /// - Throws: `OutputFileError.writeFailed`.
  /// - Precondition: One id per row.
  /// - Complexity: The arithmetic of the whole matrix, O(block) memory.
  public static func writeSimilarityCSV(
    of similarities: some CosineBlocks, ids: [String], to file: OutputFile,
    blockElements: Int = 1 << 21,
    progress: Progress = { _, _ in }
  ) throws {
    precondition(ids.count == similarities.rows, "One id per row")
    try file.write(headerLine(ids))
    try similarities.forEachCosineBlock(.full, elementBudget: blockElements) { block in
      for line in formattedLines(rows: block.rows, names: ids, values: block.row) {
        try file.write(line)
      }
      progress(block.rows.upperBound, similarities.rows)
    }
    try file.flush()
  }

  private static func headerLine(_ names: [String]) -> String {
    (["id"] + names).map(csvField).joined(separator: ",") + "\n"
  }

  /// The text lines of some rows, formatted on all cores.
  private static func formattedLines(
    rows: Range<Int>, names: [String], values: (Int) -> ArraySlice<Float>
  ) -> [[UInt8]] {
    nonisolated(unsafe) let values = values  // called from every core; it only reads
    return Parallel.mapChunks(of: rows.count, size: max(1, (rows.count + 15) / 16)) { chunk in
      chunk.map { offset in
        let row = rows.lowerBound + offset
        var line = Array(csvField(names[row]).utf8)
        let slice = values(row)
        line.reserveCapacity(line.count + slice.count * 11 + 1)
        for value in slice {
          line.append(UInt8(ascii: ","))
          DecimalText.appendSixDigits(value, to: &line)
        }
        line.append(UInt8(ascii: "\n"))
        return line
      }
    }
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
  private static func csvField(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\""
      + field.split(separator: "\"", omittingEmptySubsequences: false)
      .joined(separator: "\"\"") + "\""
  }
}
