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
    var sets = UnionFind(count: rows)
    for merge in merges.prefix(max(0, rows - count)) { sets.join(merge.first, merge.second) }
    return Clustering(assignments: (0..<rows).map { sets.root($0) })
  }

  /// A finer cut: each cluster of `cut` with more than `limit` rows split into about the square
  /// root of its rows as many (at least two), by undoing its own last merges; the other clusters
  /// kept whole.
  ///
  /// - Parameters:
  ///   - cut: A cut of this dendrogram (``clustering(count:)``).
  ///   - limit: The most rows a cluster keeps whole.
  /// - Returns: The finer clustering (numbered by first appearance).
  /// - Complexity: O(`rows` α(`rows`)).
  public func splitting(_ cut: Clustering, largerThan limit: Int) -> Clustering {
    precondition(cut.assignments.count == rows, "A cut of this dendrogram")
    var remaining = cut.members.map { members in
      let size = members.count
      return size - (size > limit ? max(2, Int(Double(size).squareRoot().rounded())) : 1)
    }
    var sets = UnionFind(count: rows)
    for merge in merges {
      let cluster = cut.assignments[merge.first]
      guard cut.assignments[merge.second] == cluster, remaining[cluster] > 0 else { continue }
      sets.join(merge.first, merge.second)
      remaining[cluster] -= 1
    }
    return Clustering(assignments: (0..<rows).map { sets.root($0) })
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
    nearestNeighbourChain(sizes: nil) { ac, bc, _, a, b, _ in (a * ac + b * bc) / (a + b) }
  }

  /// Ward's agglomerative clustering of group means: repeatedly merges the two groups whose
  /// merge least increases the total squared distance of the items to their group's mean, which
  /// keeps groups compact and of comparable size where average linkage lets one group grow.
  ///
  /// ```swift
  /// let dendrogram = centres.wardLinkage(sizes: sizes)  // one row per group's mean
  /// ```
  ///
  /// The cost of merging `A` and `B` is `|A||B|/(|A|+|B|)·‖μ_A − μ_B‖²`, updated by Lance and
  /// Williams' formula for Ward, with the nearest-neighbour chain (exact for Ward). A merge's
  /// ``Dendrogram/Merge/similarity`` is minus its cost.
  ///
  /// - Parameter sizes: How many items each row's mean is over.
  /// - Returns: The merges, cheapest first.
  /// - Precondition: One positive size per row.
  /// - Complexity: O(`rows² × columns`) for the distances, O(`rows²`) time and memory after.
  public func wardLinkage(sizes: [Int]) -> Dendrogram {
    precondition(sizes.count == rows, "One size per row")
    let products = multiplied(by: self, transposingOther: true)
    var costs = Matrix(rows: rows, columns: rows)
    for i in 0..<rows {
      for j in 0..<rows {
        let squared = Swift.max(0, products[i, i] + products[j, j] - 2 * products[i, j])
        let weight = Float(sizes[i] * sizes[j]) / Float(sizes[i] + sizes[j])
        costs[i, j] = -weight * squared
      }
    }
    return costs.nearestNeighbourChain(sizes: sizes) { ac, bc, ab, a, b, c in
      ((a + c) * ac + (b + c) * bc - c * ab) / (a + b + c)
    }
  }

  /// Agglomerative clustering by the nearest-neighbour chain, merging the most similar pair
  /// each time, with a Lance–Williams update.
  ///
  /// - Parameters:
  ///   - sizes: Items per row (1 each when nil).
  ///   - update: The similarity of `A∪B` to `C` from `s(A, C)`, `s(B, C)`, `s(A, B)` and the
  ///     three sizes; the linkage must be reducible (as average and Ward are).
  private func nearestNeighbourChain(
    sizes: [Int]?,
    update: (Float, Float, Float, Float, Float, Float) -> Float
  ) -> Dendrogram {
    precondition(rows == columns, "Linkage needs a square similarity matrix")
    precondition(
      sizes.map { $0.count == rows && $0.allSatisfy { $0 > 0 } } ?? true, "One size per row")
    let n = rows
    var similarity = elements
    for i in 0..<n { for j in 0..<i { similarity[i * n + j] = similarity[j * n + i] } }
    var size = sizes ?? [Int](repeating: 1, count: n)
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
        let merged = update(
          similarity[keep * n + c], similarity[drop * n + c], value, sizeKeep, sizeDrop,
          Float(size[c]))
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
