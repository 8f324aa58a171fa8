/// A symmetric matrix of cosine similarities that can be visited in blocks of consecutive rows,
/// so that a matrix far larger than memory can be streamed out: the cosines of a ``Matrix``'s
/// unit rows, or of sparse vectors computed exactly.
public protocol CosineBlocks {
  /// The number of rows (and columns).
  var rows: Int { get }

  /// Visits the matrix block by block, in row order; see
  /// ``Matrix/forEachCosineBlock(_:elementBudget:_:)`` for the contract every source keeps:
  /// 1 on the diagonal, blocks exactly symmetric within their own rows.
  ///
  /// - Parameters:
  ///   - part: Whole rows, or each block's rows up to its own last row.
  ///   - elementBudget: The most elements one block may hold (at least one row is used).
  ///   - body: Called once per block. The block is only valid during the call.
  /// - Throws: Whatever `body` throws; no later block is computed.
  func forEachCosineBlock<Failure: Error>(
    _ part: CosineBlock.Part, elementBudget: Int, _ body: (CosineBlock) throws(Failure) -> Void
  ) throws(Failure)
}

extension Matrix: CosineBlocks {}

extension Matrix {
  /// Visits the row-by-row cosine similarity matrix `self · selfᵀ` block by block, so a matrix
  /// far larger than memory can be streamed out.
  ///
  /// ```swift
  /// let e = Matrix(rowArrays: [[1, 0], [0.6, 0.8], [0, 1]])
  /// e.forEachCosineBlock(.lowerTriangle) { block in
  ///   print(block.rows, block[2, 1])  // 0..<3 0.8
  /// }
  /// ```
  ///
  /// Rows are expected to have unit length, so inner products are cosines. The diagonal is set
  /// to exactly 1 (a row is identical to itself, even a zero row), and within each block's own
  /// rows the values are exactly symmetric. Each block is one
  /// `cblas_sgemm` on all BLAS threads; one block buffer is reused throughout.
  ///
  /// - Parameters:
  ///   - part: `.full` gives whole rows (columns `0..<rows`); `.lowerTriangle` gives each block
  ///     of rows only up to its own last row (columns `0..<block.rows.upperBound`), which is
  ///     half the arithmetic; the rest of the matrix is the transpose.
  ///   - elementBudget: The most elements one block may hold (at least one row is used).
  ///   - body: Called once per block, in row order. The block is only valid during the call.
  /// - Throws: Whatever `body` throws; no later block is computed.
  /// - Complexity: O(`rows² × columns`) arithmetic (half that for `.lowerTriangle`),
  ///   O(`elementBudget`) extra memory.
  public func forEachCosineBlock<Failure: Error>(
    _ part: CosineBlock.Part, elementBudget: Int = 1 << 23,
    _ body: (CosineBlock) throws(Failure) -> Void
  ) throws(Failure) {
    try CosineBlock.forEach(rows: rows, part, elementBudget: elementBudget) {
      first, end, width, buffer in
      if columns > 0 {
        LinearAlgebra.multiply(
          elements, offset: first * columns, rows: end - first, inner: columns, transposed: false,
          leadingDimension: columns, by: elements, columns: width, transposed: true,
          leadingDimension: columns, into: &buffer)
      } else {
        for index in 0..<((end - first) * width) { buffer[index] = 0 }
      }
      for row in first..<end {
        buffer[(row - first) * width + row] = 1
        // The diagonal block is symmetric in exact arithmetic; make it so in floats too.
        for column in row + 1..<end {
          buffer[(row - first) * width + column] = buffer[(column - first) * width + row]
        }
      }
    } body: { (block) throws(Failure) in
      try body(block)
    }
  }
}

extension CosineBlock {
  /// Visits a `rows`×`rows` matrix in blocks of consecutive rows, for every ``CosineBlocks``
  /// source: `fill` writes a block's values into a buffer reused from block to block, then
  /// `body` reads them as a ``CosineBlock``.
  ///
  /// - Parameters:
  ///   - rows: The matrix's rows (and columns).
  ///   - part: Whole rows, or each block's rows up to its own last row.
  ///   - elementBudget: The most elements one block may hold (at least one row is used).
  ///   - fill: Writes rows `first..<end`, `width` values each, row after row, at the start of
  ///     the buffer.
  ///   - body: Called once per block, in row order. The block is only valid during the call.
  /// - Throws: Whatever `body` throws; no later block is computed.
  public static func forEach<Failure: Error>(
    rows: Int, _ part: Part, elementBudget: Int,
    fill: (_ first: Int, _ end: Int, _ width: Int, _ buffer: inout [Float]) -> Void,
    body: (CosineBlock) throws(Failure) -> Void
  ) throws(Failure) {
    guard rows > 0 else { return }
    let rowsPerBlock = max(1, min(rows, elementBudget / rows))
    var buffer = [Float](repeating: 0, count: rowsPerBlock * rows)
    var first = 0
    while first < rows {
      let end = min(rows, first + rowsPerBlock)
      let width = part == .full ? rows : end
      fill(first, end, width, &buffer)
      try body(
        CosineBlock(rows: first..<end, columns: width, values: buffer[0..<((end - first) * width)]))
      first = end
    }
  }
}

/// A block of consecutive rows of a cosine similarity matrix; see
/// ``Matrix/forEachCosineBlock(_:elementBudget:_:)``.
public struct CosineBlock: Sendable {
  /// Which part of the symmetric matrix the blocks cover.
  public enum Part: Sendable {
    /// Whole rows.
    case full
    /// Each block's rows up to and including the diagonal block.
    case lowerTriangle
  }

  /// The rows of the whole matrix this block holds.
  public let rows: Range<Int>
  /// The number of columns held: columns `0..<columns` of each row.
  public let columns: Int
  /// The values, row after row, `columns` per row.
  public let values: ArraySlice<Float>

  /// A block of `rows` holding columns `0..<columns` of each.
  ///
  /// - Precondition: `values` holds exactly `rows.count × columns` values.
  public init(rows: Range<Int>, columns: Int, values: ArraySlice<Float>) {
    precondition(values.count == rows.count * columns, "One value per row and column")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// The similarity of row `row` (an index of the whole matrix, in ``rows``) and column `column`
  /// (in `0..<columns`).
  public subscript(row: Int, column: Int) -> Float {
    precondition(rows.contains(row) && column >= 0 && column < columns, "Index out of block")
    return values[values.startIndex + (row - rows.lowerBound) * columns + column]
  }

  /// The held values of one row of the whole matrix.
  ///
  /// - Parameter row: A row index in ``rows``.
  /// - Returns: Its `columns` values.
  public func row(_ row: Int) -> ArraySlice<Float> {
    precondition(rows.contains(row), "Row out of block")
    let start = values.startIndex + (row - rows.lowerBound) * columns
    return values[start..<(start + columns)]
  }
}
