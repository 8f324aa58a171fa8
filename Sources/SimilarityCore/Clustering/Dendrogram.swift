/// The merges of an agglomerative clustering, most similar first.
public struct Dendrogram: Sendable, Equatable {
  /// One merge: two clusters, each named by one of its rows, and their similarity.
  public struct Merge: Sendable, Equatable {
    /// A row of the first cluster.
    public let first: Int
    /// A row of the second cluster.
    public let second: Int
    /// The clusters' linkage similarity when merged.
    public let similarity: Float
  }

  /// The number of rows clustered.
  public let rows: Int
  /// `rows − 1` merges (fewer for no rows), by decreasing similarity.
  public let merges: [Merge]

  /// The clusters left after all but the last `count − 1` merges.
  ///
  /// - Parameter count: The number of clusters wanted, from 1 to `rows`.
  /// - Returns: The clustering (clusters numbered by first appearance).
  /// - Complexity: O(`rows` α(`rows`)).
  public func clustering(count: Int) -> Clustering {
    precondition(rows == 0 || (1...rows).contains(count), "count must be in 1...rows")
    var parent = Array(0..<rows)
    func root(_ row: Int) -> Int {
      var row = row
      while parent[row] != row {
        parent[row] = parent[parent[row]]
        row = parent[row]
      }
      return row
    }
    for merge in merges.prefix(max(0, rows - count)) {
      let (a, b) = (root(merge.first), root(merge.second))
      parent[max(a, b)] = min(a, b)
    }
    return Clustering(assignments: (0..<rows).map(root))
  }
}

extension Matrix {
  /// Average-linkage agglomerative clustering of a similarity matrix (UPGMA): repeatedly merges
  /// the two clusters with the highest mean pairwise similarity.
  ///
  /// ```swift
  /// let dendrogram = cosines.averageLinkage()
  /// dendrogram.clustering(count: 6)
  /// ```
  ///
  /// Uses the nearest-neighbour chain algorithm (Murtagh, 1983), exact for average linkage, with
  /// the Lance–Williams update `s(A∪B, C) = (|A|·s(A, C) + |B|·s(B, C)) / (|A| + |B|)`. Ties go to
  /// the lower row, so the result depends only on the matrix.
  ///
  /// - Returns: The merges, most similar first.
  /// - Precondition: The matrix is square and symmetric (only the upper triangle is read).
  /// - Complexity: O(`n²`) time, O(`n²`) memory for an `n`×`n` matrix.
  public func averageLinkage() -> Dendrogram {
    precondition(rows == columns, "Linkage needs a square similarity matrix")
    let n = rows
    var similarity = elements
    for i in 0..<n { for j in 0..<i { similarity[i * n + j] = similarity[j * n + i] } }
    var size = [Int](repeating: 1, count: n)
    var active = [Bool](repeating: true, count: n)
    var activeCount = n
    var chain: [Int] = []
    var merges: [(merge: Dendrogram.Merge, order: Int)] = []
    while activeCount > 1 {
      if chain.isEmpty, let first = active.firstIndex(of: true) { chain.append(first) }
      let a = chain[chain.count - 1]
      let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
      var b = -1
      var best = -Float.infinity
      for c in 0..<n where active[c] && c != a {
        let value = similarity[a * n + c]
        if value > best || b == -1 {
          best = value
          b = c
        }
      }
      if previous >= 0, similarity[a * n + previous] >= best { b = previous }
      guard b == previous else {
        chain.append(b)
        continue
      }
      chain.removeLast(2)
      let (keep, drop) = (min(a, b), max(a, b))
      let value = similarity[a * n + b]
      merges.append((Dendrogram.Merge(first: keep, second: drop, similarity: value), merges.count))
      let (sizeKeep, sizeDrop) = (Float(size[keep]), Float(size[drop]))
      for c in 0..<n where active[c] && c != keep && c != drop {
        let merged =
          (sizeKeep * similarity[keep * n + c] + sizeDrop * similarity[drop * n + c])
          / (sizeKeep + sizeDrop)
        similarity[keep * n + c] = merged
        similarity[c * n + keep] = merged
      }
      size[keep] += size[drop]
      active[drop] = false
      activeCount -= 1
    }
    let sorted = merges.sorted {
      $0.merge.similarity > $1.merge.similarity
        || ($0.merge.similarity == $1.merge.similarity && $0.order < $1.order)
    }
    return Dendrogram(rows: n, merges: sorted.map(\.merge))
  }
}
