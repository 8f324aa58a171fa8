/// Nested clusterings of the same rows, coarsest first: each level splits the clusters of the
/// level above.
public struct ClusterHierarchy: Sendable {
  /// One candidate number of clusters and its mean silhouette.
  public struct CountScore: Sendable, Equatable {
    /// The number of clusters.
    public let count: Int
    /// The mean silhouette of that cut (higher is better separated).
    public let silhouette: Float
  }

  /// One level of the hierarchy.
  public struct Level: Sendable {
    /// The clusters of this level, over all rows.
    public let clustering: Clustering
    /// The counts that were considered for this level, with their silhouettes (one entry when
    /// the count was given, none for a level in between, whose count the sizes set).
    public let candidates: [CountScore]
    /// Whether the count stood out: its silhouette beats every count more than a tenth away by
    /// at least 0.02, and the scores do not still rise at the end of the range. When false, the
    /// count is one reasonable choice among several.
    public let isClear: Bool
  }

  /// The levels, coarsest first; the last is the finest.
  public let levels: [Level]
}

extension Matrix {
  /// Clusters unit rows into a hierarchy without ever holding a rows × rows matrix.
  ///
  /// ```swift
  /// let hierarchy = latent.clusterHierarchy(seed: 1)
  /// hierarchy.levels[0].clustering.count  // 5…40 top-level clusters
  /// ```
  ///
  /// **The finest level.** The rows are gathered into at most `microClusters` small clusters by
  /// spherical k-means (``sphericalKMeans(clusters:seed:restarts:maximumIterations:)``), which
  /// Ward's linkage of their means joins (``wardLinkage(sizes:)``: Ward over the rows with each
  /// small cluster kept whole; it keeps clusters of comparable size, where average linkage lets
  /// one absorb the others and leaves outliers alone). Every cut of it is scored by its mean
  /// silhouette over a seeded sample of `silhouetteRows` rows, exactly (a row's mean similarity
  /// to a cluster is its inner product with the cluster's sum over the cluster's size), in one
  /// sweep that merges the clusters one at a time. The finest level is the largest count whose
  /// silhouette is a clear peak among the counts from half to twice it, else the best count of
  /// at least ``rowsPerClusterWhenUnclear`` rows a cluster.
  ///
  /// **The levels above** join the finest clusters by Ward's linkage of their means; each
  /// coarser level is a cut of that dendrogram, so the levels nest, scored by silhouette the
  /// same way. The top level is the best cut within
  /// `topCounts` when it stands out (``ClusterHierarchy/Level/isClear``), else about the square
  /// root of the finest count, so that a top-level cluster holds about as many finest ones as
  /// there are top-level clusters (silhouettes of text keep rising with the count, so their
  /// maximum is no answer on its own). When a top-level cluster holds more than 16 finest
  /// clusters, a level in between splits it into about the square root of that many by its own
  /// Ward subtree (``Dendrogram/splitting(_:largerThan:)``), so that no list of subclusters
  /// grows long; that level's count is set by the clusters' sizes, not chosen (its
  /// ``ClusterHierarchy/Level/candidates`` are empty). So there are at most three levels.
  ///
  /// - Parameters:
  ///   - topCounts: The counts considered for the top level.
  ///   - topCount: A fixed number of top-level clusters instead.
  ///   - seed: Seeds the k-means and the sample; the same rows and seed give the same result.
  ///   - microClusters: The most small clusters; rows beyond that are grouped by k-means.
  ///   - silhouetteRows: The most rows the silhouettes are measured on.
  /// - Returns: The levels, coarsest first (one level when the finest cut is within
  ///   `topCounts`).
  /// - Precondition: `topCount`, when given, is from 1 to the number of rows.
  /// - Complexity: O(`rows × microClusters × columns`) per k-means pass, O(`microClusters²`)
  ///   memory for the linkage, O(`silhouetteRows × microClusters²`) for the silhouettes.
  public func clusterHierarchy(
    topCounts: ClosedRange<Int> = 5...40, topCount: Int? = nil, seed: UInt64,
    microClusters: Int = 1024, silhouetteRows: Int = 2048
  ) -> ClusterHierarchy {
    precondition(topCount.map { (1...Swift.max(1, rows)).contains($0) } ?? true, "topCount")
    guard rows >= 3 else {
      let one = Clustering(assignments: Array(repeating: 0, count: rows))
      return ClusterHierarchy(levels: [.init(clustering: one, candidates: [], isClear: false)])
    }
    let micro =
      rows <= microClusters
      ? Clustering(assignments: Array(0..<rows))
      : sphericalKMeans(clusters: microClusters, seed: seed, restarts: 1)
    let (microSums, microSizes) = clusterSums(of: micro)
    var microMeans = microSums
    for i in 0..<micro.count {
      for j in 0..<columns { microMeans[i, j] /= Float(microSizes[i]) }
    }
    let fine = microMeans.wardLinkage(sizes: microSizes)
    var generator = SeededGenerator(seed: seed &+ 0x9E37_79B9)
    let sample = Self.sampleRows(rows, count: silhouetteRows, using: &generator)
    let sampleRows = selectingRows(sample)
    var fineScores = sampleRows.cutSilhouettes(
      ofRows: sample.map { micro.assignments[$0] }, microSums: microSums,
      microSizes: microSizes, dendrogram: fine)

    func finestChoice(among scores: [ClusterHierarchy.CountScore]) -> Choice {
      Self.finestChoice(
        among: scores.filter {
          $0.count >= Swift.min(topCount ?? topCounts.lowerBound, micro.count)
        }, mostWhenUnclear: rows / Self.rowsPerClusterWhenUnclear)
    }
    // The counts are scored on a grid, then every count between the grid's neighbours of the
    // one chosen.
    let rough = finestChoice(among: fineScores).count
    let below = fineScores.last { $0.count < rough }?.count ?? rough
    let above = fineScores.first { $0.count > rough }?.count ?? rough
    let window = below...above
    let refined = sampleRows.cutSilhouettes(
      ofRows: sample.map { micro.assignments[$0] }, microSums: microSums,
      microSizes: microSizes, dendrogram: fine, counts: window)
    let finest = finestChoice(
      among: (fineScores.filter { !window.contains($0.count) } + refined).sorted {
        $0.count < $1.count
      })
    let finestCut = fine.clustering(count: finest.count)
    let finestOfRow = micro.assignments.map { finestCut.assignments[$0] }
    let (sums, sizes) = clusterSums(of: Clustering(assignments: finestOfRow))
    var means = sums
    for cluster in 0..<sums.rows {
      for column in 0..<columns { means[cluster, column] /= Float(sizes[cluster]) }
    }
    let ward = means.wardLinkage(sizes: sizes)
    let coarseScores = sampleRows.cutSilhouettes(
      ofRows: sample.map { finestOfRow[$0] }, microSums: sums, microSizes: sizes,
      dendrogram: ward)

    let chosen: Choice
    if let topCount {
      chosen = (
        Swift.min(topCount, finest.count), coarseScores.filter { $0.count == topCount }, true
      )
    } else {
      let low = Swift.min(topCounts.lowerBound, finest.count)
      let high = Swift.max(low, Swift.min(topCounts.upperBound, finest.count))
      let root = Int(Double(finest.count).squareRoot().rounded())
      chosen = Self.choose(
        in: low...high, among: coarseScores, fallback: Swift.min(high, Swift.max(low, root)))
    }
    let top = ward.clustering(count: chosen.count)
    let middle = ward.splitting(top, largerThan: Self.mostSubclusters)
    var levels = [
      ClusterHierarchy.Level(clustering: top, candidates: chosen.candidates, isClear: chosen.clear)
    ]
    if middle.count > top.count {
      levels.append(.init(clustering: middle, candidates: [], isClear: false))
    }
    let coarse = levels.filter { $0.clustering.count < finest.count }.map { level in
      ClusterHierarchy.Level(
        clustering: Clustering(assignments: finestOfRow.map { level.clustering.assignments[$0] }),
        candidates: level.candidates, isClear: level.isClear)
    }
    return ClusterHierarchy(
      levels: coarse + [
        .init(
          clustering: Clustering(assignments: finestOfRow), candidates: finest.candidates,
          isClear: finest.clear)
      ])
  }

  private typealias Choice = (count: Int, candidates: [ClusterHierarchy.CountScore], clear: Bool)

  /// The most finest clusters a cluster holds before a level in between splits it.
  static let mostSubclusters = 16

  /// The finest level: the best count within a tenth of the largest count whose silhouette is a
  /// clear peak among the counts from half to twice it (beating every one more than a tenth
  /// away by 0.02), else the best count of at least ``rowsPerClusterWhenUnclear`` rows a cluster.
  /// The largest peak, not the highest: where groups of clusters are more distinct than the
  /// clusters within them, the highest silhouette is the groups', which the levels above find.
  private static func finestChoice(
    among scores: [ClusterHierarchy.CountScore], mostWhenUnclear: Int
  ) -> Choice {
    for candidate in scores.sorted(by: { $0.count > $1.count }) {
      let nearby = scores.filter {
        $0.count * 2 >= candidate.count && $0.count <= candidate.count * 2
          && abs($0.count - candidate.count) > Swift.max(1, candidate.count / 10)
      }
      if !nearby.isEmpty, nearby.allSatisfy({ candidate.silhouette - $0.silhouette >= 0.02 }),
        candidate.count < (scores.map(\.count).max() ?? 0)
      {
        let peak = scores.filter {
          abs($0.count - candidate.count) <= Swift.max(1, candidate.count / 10)
        }
        .max { ($0.silhouette, $1.count) < ($1.silhouette, $0.count) }
        return (peak?.count ?? candidate.count, scores, true)
      }
    }
    let lowest = scores.map(\.count).min() ?? 1
    let best = scores.filter { $0.count <= Swift.max(lowest, mostWhenUnclear) }
      .max { ($0.silhouette, $1.count) < ($1.silhouette, $0.count) }
    return (best?.count ?? 1, scores, false)
  }

  /// The fewest rows per finest cluster, on average, when no count stands out: silhouettes of
  /// text keep rising as clusters shrink to a few rows, which no reader wants.
  static let rowsPerClusterWhenUnclear = 6

  /// The best-scored count in `range` when it stands out (beats every count more than a tenth
  /// away by 0.02, and is not the end of a range the scores still rise at), else `fallback`
  /// (the best-scored count when nil).
  private static func choose(
    in range: ClosedRange<Int>, among scores: [ClusterHierarchy.CountScore], fallback: Int?
  ) -> Choice {
    let candidates = scores.filter { range.contains($0.count) }
    guard
      let top = candidates.max(by: { ($0.silhouette, $1.count) < ($1.silhouette, $0.count) })
    else { return (fallback ?? range.lowerBound, [], false) }
    let margin = Swift.max(1, top.count / 10)
    let others = candidates.filter { abs($0.count - top.count) > margin }.map(\.silhouette)
    let highest = scores.map(\.count).max() ?? range.upperBound
    let clear =
      top.silhouette - (others.max() ?? -1) >= 0.02
      && (top.count < range.upperBound || range.upperBound == highest)
    return (clear ? top.count : fallback ?? top.count, candidates, clear)
  }

  /// Each cluster's sum of rows and size.
  func clusterSums(of clustering: Clustering) -> (sums: Matrix, sizes: [Int]) {
    var sums = Matrix(rows: clustering.count, columns: columns)
    var sizes = [Int](repeating: 0, count: clustering.count)
    for (row, cluster) in clustering.assignments.enumerated() {
      sizes[cluster] += 1
      for column in 0..<columns { sums[cluster, column] += self[row, column] }
    }
    return (sums, sizes)
  }

  /// `count` of `0..<rows` chosen by a seeded shuffle, ascending (all of them when fewer).
  static func sampleRows(_ rows: Int, count: Int, using generator: inout SeededGenerator) -> [Int] {
    guard rows > count else { return Array(0..<rows) }
    var indices = Array(0..<rows)
    for position in 0..<count {
      indices.swapAt(position, position + Int(generator.next() % UInt64(rows - position)))
    }
    return indices.prefix(count).sorted()
  }

  /// The mean silhouette of every cut of a dendrogram of small clusters, over these rows.
  ///
  /// - Parameters:
  ///   - microOfRow: Each of these rows' small cluster.
  ///   - microSums: The small clusters' sums of rows (of all rows, not only these).
  ///   - microSizes: Their sizes.
  ///   - dendrogram: Merges of the small clusters.
  ///   - counts: The counts to score; nil for every count from `2` to 64, then counts about 3%
  ///     apart from the number of small clusters down.
  /// - Returns: One score per count scored, by count.
  func cutSilhouettes(
    ofRows microOfRow: [Int], microSums: Matrix, microSizes: [Int], dendrogram: Dendrogram,
    counts: ClosedRange<Int>? = nil
  ) -> [ClusterHierarchy.CountScore] {
    let m = microSums.rows
    guard m >= 2 else { return [] }
    var totals = multiplied(by: microSums, transposingOther: true)
    let selfSimilarity = (0..<rows).map { row in self.row(row).reduce(0) { $0 + $1 * $1 } }
    var sizes = microSizes.map(Float.init)
    var sets = UnionFind(count: m)
    var live = Array(0..<m)
    func meanSilhouette() -> Float {
      let inverseSizes = sizes.map { 1 / $0 }
      var total: Float = 0
      totals.elements.withUnsafeBufferPointer { totals in
        for row in 0..<rows {
          let own = sets.root(microOfRow[row])
          guard sizes[own] > 1 else { continue }
          let base = row * m
          let a = 1 - (totals[base + own] - selfSimilarity[row]) / (sizes[own] - 1)
          var nearest = -Float.infinity
          for cluster in live where cluster != own {
            nearest = Swift.max(nearest, totals[base + cluster] * inverseSizes[cluster])
          }
          let b = 1 - nearest
          let scale = Swift.max(a, b)
          if scale > 0 { total += (b - a) / scale }
        }
      }
      return total / Float(rows)
    }
    var scores: [ClusterHierarchy.CountScore] = []
    var merges = dendrogram.merges.makeIterator()
    var nextScored = m
    while live.count >= 2 {
      if let counts, counts.contains(live.count) {
        scores.append(.init(count: live.count, silhouette: meanSilhouette()))
      } else if counts == nil, live.count == nextScored {
        scores.append(.init(count: live.count, silhouette: meanSilhouette()))
        nextScored = live.count <= 64 ? live.count - 1 : Swift.max(64, live.count * 100 / 103)
      }
      guard let merge = merges.next() else { break }
      let (keep, drop) = sets.join(merge.first, merge.second)
      for row in 0..<rows { totals[row, keep] += totals[row, drop] }
      sizes[keep] += sizes[drop]
      live.removeAll { $0 == drop }
    }
    return scores.reversed()
  }
}
