/// Disjoint sets of `0..<count` whose representative is always the set's lowest member, so that
/// joining in any order names clusters the same way.
struct UnionFind {
  private var parent: [Int]

  /// `count` sets of one member each.
  init(count: Int) { parent = Array(0..<count) }

  /// The lowest member of `member`'s set (halving paths on the way).
  mutating func root(_ member: Int) -> Int {
    var member = member
    while parent[member] != member {
      parent[member] = parent[parent[member]]
      member = parent[member]
    }
    return member
  }

  /// Joins the sets of `a` and `b`.
  ///
  /// - Returns: The joined set's root and the root that it absorbed (equal when `a` and `b`
  ///   were in one set already).
  @discardableResult
  mutating func join(_ a: Int, _ b: Int) -> (kept: Int, absorbed: Int) {
    let (x, y) = (root(a), root(b))
    let (kept, absorbed) = (min(x, y), max(x, y))
    parent[absorbed] = kept
    return (kept, absorbed)
  }
}
