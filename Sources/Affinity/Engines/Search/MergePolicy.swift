/// Which segments of a ``SegmentedIndex`` to merge after papers are added, so that their
/// weights stay close to the current ones and their number stays logarithmic in the number of
/// papers (a tiered policy, as Lucene's). Merging re-vectorises a segment's papers with the
/// current document frequencies.
///
/// First, segments made when the index had less than 1/``staleGrowth`` of its rows now are
/// merged together: their weights are stale. Rewriting a segment each time the index grows by a
/// quarter costs, over any growth, about five vectorisations per paper, and keeps the scores
/// within about 0.01 of a from-scratch build's (see docs/design.md). Then a segment more than a
/// third of whose rows are deleted is merged on its own, which drops them. Then tiers: a
/// segment's tier is the number of decimal digits of its row count; when a tier holds
/// ``mergeFactor`` segments they are merged into one, the lowest tier first.
enum MergePolicy {
  /// How many segments of a tier are merged at once.
  static let mergeFactor = 10
  /// How much the index may grow after a segment is made before the segment is made again.
  static let staleGrowth = 1.25

  /// One segment as the policy sees it.
  struct Segment {
    /// Its rows, deleted ones included.
    var rows: Int
    /// Its deleted rows.
    var deleted: Int
    /// The index's rows when it was made (its own included).
    var madeAmong: Int
  }

  /// The segments to merge next, as positions in `segments` (increasing), or `nil` when none.
  /// A merge never makes a segment of more than `limit` rows: of the segments the rules name,
  /// the first that fit (a tier's merge needs two of them).
  ///
  /// - Parameters:
  ///   - segments: The segments, oldest first.
  ///   - limit: The most rows a segment may have.
  static func nextMerge(_ segments: [Segment], limit: Int = PostingCode.maximumRows) -> [Int]? {
    func fitting(_ group: [Int]) -> [Int] {
      var rows = 0
      return Array(
        group.prefix {
          rows += segments[$0].rows - segments[$0].deleted
          return rows <= limit
        })
    }
    let rows = segments.reduce(0) { $0 + $1.rows }
    let stale = fitting(
      segments.indices.filter { Double(rows) > staleGrowth * Double(segments[$0].madeAmong) })
    if !stale.isEmpty { return stale }
    if let wasted = segments.indices.first(where: {
      segments[$0].deleted > 0 && 3 * segments[$0].deleted > segments[$0].rows
    }) {
      return [wasted]
    }
    let tiers = Dictionary(grouping: segments.indices) { tier(of: segments[$0].rows) }
    for tier in tiers.keys.sorted() where tiers[tier]!.count >= mergeFactor {
      let group = fitting(tiers[tier]!.sorted())
      if group.count >= 2 { return group }
    }
    return nil
  }

  /// The number of decimal digits of a row count.
  static func tier(of rows: Int) -> Int { String(max(1, rows)).count }
}
