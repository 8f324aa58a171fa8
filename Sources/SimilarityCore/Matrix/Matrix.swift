/// A dense matrix of `Float` values in row-major order.
///
/// Rows are contiguous: element `(row, column)` lives at `row * columns + column` of
/// ``elements``. Every BLAS and LAPACK routine Affinity calls is told this layout explicitly.
///
/// ```swift
/// let m = Matrix(rows: 2, columns: 3, elements: [1, 2, 3,
///                                                4, 5, 6])
/// m[1, 2]  // 6
/// ```
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The elements, row after row.
  public internal(set) var elements: [Float]

  /// Creates a matrix from its elements, given row after row.
  ///
  /// - Parameters:
  ///   - rows: The number of rows, zero or more.
  ///   - columns: The number of columns, zero or more.
  ///   - elements: `rows * columns` values in row-major order.
  /// - Precondition: `elements.count == rows * columns`.
  public init(rows: Int, columns: Int, elements: [Float]) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must not be negative")
    precondition(
      elements.count == rows * columns,
      "Matrix of \(rows)×\(columns) needs \(rows * columns) elements, got \(elements.count)")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// Creates a matrix with every element set to `value`.
  ///
  /// - Parameters:
  ///   - rows: The number of rows, zero or more.
  ///   - columns: The number of columns, zero or more.
  ///   - value: The value of every element.
  public init(rows: Int, columns: Int, repeating value: Float = 0) {
    self.init(
      rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
  }

  /// Creates a matrix from an array of equally long rows.
  ///
  /// ```swift
  /// Matrix(rowArrays: [[1, 2], [3, 4]])  // 2×2
  /// ```
  ///
  /// - Parameter rowArrays: The rows; an empty array gives a 0×0 matrix.
  /// - Precondition: All rows have the same length.
  public init(rowArrays: [[Float]]) {
    let columns = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == columns }, "Rows differ in length")
    self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
  }

  /// The `n`×`n` identity matrix.
  ///
  /// - Parameter n: The number of rows and columns.
  /// - Returns: A matrix with ones on the diagonal and zeros elsewhere.
  public static func identity(_ n: Int) -> Matrix {
    var matrix = Matrix(rows: n, columns: n)
    for index in 0..<n { matrix[index, index] = 1 }
    return matrix
  }

  /// The element at `row`, `column`.
  ///
  /// - Precondition: Both indices are in range.
  public subscript(row: Int, column: Int) -> Float {
    get {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Index out of range")
      return elements[row * columns + column]
    }
    set {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Index out of range")
      elements[row * columns + column] = newValue
    }
  }

  /// The elements of one row.
  ///
  /// - Parameter index: A row index in `0..<rows`.
  /// - Returns: The row's `columns` elements.
  public func row(_ index: Int) -> ArraySlice<Float> {
    precondition(index >= 0 && index < rows, "Row index out of range")
    return elements[(index * columns)..<((index + 1) * columns)]
  }

  /// Whether every element is finite (neither NaN nor infinite).
  public var isFinite: Bool { elements.allSatisfy(\.isFinite) }

  /// The transpose: element `(i, j)` of the result is element `(j, i)` of `self`.
  ///
  /// - Complexity: O(`rows * columns`).
  public func transposed() -> Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for row in 0..<rows {
      for column in 0..<columns {
        result.elements[column * rows + row] = elements[row * columns + column]
      }
    }
    return result
  }
}
