/// A partition of rows into clusters.
public struct Clustering: Sendable, Equatable {
  /// The cluster of each row, in `0..<count`.
  public let assignments: [Int]
  /// The number of clusters.
  public let count: Int

  /// Creates a clustering from cluster numbers, renumbered `0, 1, 2, …` in order of first
  /// appearance, so equal partitions compare equal.
  ///
  /// - Parameter assignments: Any cluster label per row.
  public init(assignments: [Int]) {
    var renumbered: [Int: Int] = [:]
    self.assignments = assignments.map { label in
      if let number = renumbered[label] { return number }
      renumbered[label] = renumbered.count
      return renumbered.count - 1
    }
    count = renumbered.count
  }

  /// The rows of each cluster, in cluster order, rows ascending.
  public var members: [[Int]] {
    var members = [[Int]](repeating: [], count: count)
    for (row, cluster) in assignments.enumerated() { members[cluster].append(row) }
    return members
  }
}
