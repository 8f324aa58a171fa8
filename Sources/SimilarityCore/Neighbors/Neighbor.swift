/// One result of a nearest-neighbour search: a row of the searched matrix and its score.
public struct Neighbor: Sendable, Hashable {
  /// The row index in the searched matrix.
  public var index: Int
  /// The inner product with the query (the cosine similarity for unit rows).
  public var score: Float

  /// Creates a neighbour.
  public init(index: Int, score: Float) {
    self.index = index
    self.score = score
  }

  /// Whether `self` ranks before `other`: higher score first, then lower index (stable ties).
  @inlinable
  public func ranks(before other: Neighbor) -> Bool {
    score > other.score || (score == other.score && index < other.index)
  }
}
