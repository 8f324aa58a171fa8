/// Every row's score for a query from a search index, each within ``tolerance`` of the exact
/// one, and the posting lists left out, which ``SegmentedIndex/readMore(of:downTo:)`` reads.
struct ApproximateScores {
  /// One score per row.
  var values: [Float]
  /// Each segment's lists, read and left out.
  var plans: [SearchIndex.QueryPlan]
  /// How much more than the weights' coding any score may be off: a segment's older weights.
  var approximation: Float = 0

  /// How far any score may be from the exact one.
  var tolerance: Float {
    approximation + plans.map { $0.codingTolerance + $0.leftOutBound }.reduce(0, max)
  }
  /// The most the lists left out in any segment could change a score.
  var leftOutBound: Float { plans.map(\.leftOutBound).reduce(0, max) }
  /// Whether posting lists were left out (reading them gives a smaller tolerance).
  var isPruned: Bool { plans.contains { !$0.leftOut.isEmpty } }
}
