extension Array where Element: Comparable {
  /// The position of the first element at or above `value` in this ascending array (`count`
  /// when there is none), by bisection.
  ///
  /// ```swift
  /// [2, 5, 5, 9].firstIndex(notBelow: 5)  // 1
  /// ```
  ///
  /// - Complexity: O(log *n*).
  func firstIndex(notBelow value: Element) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
