extension Matrix {
  /// The matrix of the given rows, in the given order.
  ///
  /// - Parameter indices: Row indices in `0..<rows`.
  /// - Returns: A `indices.count`×`columns` matrix.
  /// - Complexity: O(`indices.count * columns`).
  public func selectingRows(_ indices: [Int]) -> Matrix {
    var selected: [Float] = []
    selected.reserveCapacity(indices.count * columns)
    for index in indices { selected.append(contentsOf: row(index)) }
    return Matrix(rows: indices.count, columns: columns, elements: selected)
  }
}
