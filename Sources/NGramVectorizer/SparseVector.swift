/// A sparse vector: strictly increasing indices with their values.
///
/// ```swift
/// let v = SparseVector(indices: [3, 9], values: [0.6, 0.8])
/// v.dot(v)  // 1.0
/// ```
public struct SparseVector: Sendable, Equatable, Codable {
  /// The indices of the non-zero entries, strictly increasing.
  public var indices: [UInt32]
  /// The values, one per index.
  public var values: [Float]

  /// Creates a vector from sorted, distinct indices and their values.
  ///
  /// - Precondition: `indices` is strictly increasing and as long as `values`.
  public init(indices: [UInt32] = [], values: [Float] = []) {
    precondition(indices.count == values.count, "Indices and values differ in length")
    self.indices = indices
    self.values = values
  }

  /// The number of non-zero entries.
  public var count: Int { indices.count }

  /// The inner product with another sparse vector, by merging the index lists.
  ///
  /// - Parameter other: Another vector in the same space.
  /// - Returns: Σ self[i]·other[i].
  /// - Complexity: O(`count + other.count`).
  public func dot(_ other: SparseVector) -> Float {
    var sum: Float = 0
    var a = 0
    var b = 0
    while a < indices.count && b < other.indices.count {
      let left = indices[a]
      let right = other.indices[b]
      if left == right {
        sum += values[a] * other.values[b]
        a += 1
        b += 1
      } else if left < right {
        a += 1
      } else {
        b += 1
      }
    }
    return sum
  }

  /// The Euclidean norm.
  public var norm: Float { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

  /// The vector scaled to unit length; the zero vector stays zero.
  public func normalized() -> SparseVector {
    let length = norm
    guard length > 0 else { return self }
    return SparseVector(indices: indices, values: values.map { $0 / length })
  }

  /// A linear combination of vectors, Σ weightᵢ·vectorᵢ, with entries that cancel to zero
  /// left out.
  ///
  /// - Parameter terms: The vectors and their weights.
  /// - Returns: The sum.
  /// - Complexity: O(*m* log *m*) for *m* entries in all.
  public static func weightedSum(_ terms: [(vector: SparseVector, weight: Float)]) -> SparseVector {
    var sums: [UInt32: Float] = [:]
    for (vector, weight) in terms {
      for (index, value) in zip(vector.indices, vector.values) {
        sums[index, default: 0] += weight * value
      }
    }
    let entries = sums.filter { $0.value != 0 }.sorted { $0.key < $1.key }
    return SparseVector(indices: entries.map(\.key), values: entries.map(\.value))
  }
}
