import NGramVectorizer
import Parallel
import SimilarityCore

/// The exact cosine similarities of unit sparse vectors, computed block by block as sparse
/// products on all cores: the scores ``Recommender`` ranks by, for exports and topic groups.
///
/// The vectors are also stored by feature (each feature's vectors, ascending, with their
/// values). A row `i` of a block is `Σ_f v_i[f] · column f`, added feature by feature in
/// ascending order over only the vectors that have `f`; so the entry `(i, j)` is the sum of the
/// same products in the same order as ``NGramVectorizer/SparseVector/dot(_:)`` (and as
/// `related`'s re-scoring) forms it: the same value, and `(j, i)` equals it exactly.
///
/// ```swift
/// let cosines = SparseCosines(vectors)
/// cosines.forEachCosineBlock(.full, elementBudget: 1 << 20) { block in print(block.row(0)) }
/// ```
struct SparseCosines: CosineBlocks, Sendable {
  /// The vectors, one per row and column.
  let vectors: [SparseVector]
  /// For each used feature (numbered compactly, in ascending feature order), where its entries
  /// start in `postings`; one more for the end.
  private let starts: [Int]
  /// The vectors having each feature, ascending, with their values for it (side by side, so a
  /// list is read as one stream).
  private let postings: [Posting]

  private struct Posting {
    var column: Int32
    var value: Float
  }
  /// Each vector's features, numbered compactly.
  private let compactIndices: [[UInt32]]

  var rows: Int { vectors.count }

  /// Stores the vectors by feature.
  ///
  /// - Complexity: O(total entries + distinct features × log), memory O(total entries).
  init(_ vectors: [SparseVector]) {
    self.vectors = vectors
    let used = Set(vectors.lazy.flatMap(\.indices)).sorted()
    var compact: [UInt32: UInt32] = [:]
    compact.reserveCapacity(used.count)
    for (position, feature) in used.enumerated() { compact[feature] = UInt32(position) }
    compactIndices = vectors.map { $0.indices.map { compact[$0] ?? 0 } }
    var starts = [Int](repeating: 0, count: used.count + 1)
    for indices in compactIndices { for feature in indices { starts[Int(feature) + 1] += 1 } }
    for feature in 0..<used.count { starts[feature + 1] += starts[feature] }
    var next = starts
    var postings = [Posting](repeating: Posting(column: 0, value: 0), count: starts[used.count])
    for (row, indices) in compactIndices.enumerated() {
      for (entry, feature) in indices.enumerated() {
        let position = next[Int(feature)]
        postings[position] = Posting(column: Int32(row), value: vectors[row].values[entry])
        next[Int(feature)] = position + 1
      }
    }
    self.starts = starts
    self.postings = postings
  }

  /// Visits the cosine matrix block by block (see ``SimilarityCore/CosineBlocks``): 1 on the
  /// diagonal, exactly symmetric.
  ///
  /// - Complexity: O(Σ over features of (vectors having it)²) for `.full`, about half that for
  ///   `.lowerTriangle`; O(`elementBudget`) memory besides the vectors.
  func forEachCosineBlock<Failure: Error>(
    _ part: CosineBlock.Part, elementBudget: Int, _ body: (CosineBlock) throws(Failure) -> Void
  ) throws(Failure) {
    try CosineBlock.forEach(rows: rows, part, elementBudget: elementBudget) {
      first, end, width, buffer in
      buffer.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let buffer = buffer
        Parallel.forEachChunk(of: end - first, size: 16) { chunk in
          for offset in chunk {
            fill(
              row: first + offset,
              into: UnsafeMutableBufferPointer(
                rebasing: buffer[(offset * width)..<((offset + 1) * width)]))
          }
        }
      }
    } body: { (block) throws(Failure) in
      try body(block)
    }
  }

  /// Writes row `row`'s cosines with columns `0..<target.count`.
  private func fill(row: Int, into target: UnsafeMutableBufferPointer<Float>) {
    target.initialize(repeating: 0)
    let width = Int32(target.count)
    starts.withUnsafeBufferPointer { starts in
      postings.withUnsafeBufferPointer { postings in
        for (feature, weight) in zip(compactIndices[row], vectors[row].values) {
          var position = starts[Int(feature)]
          let end = starts[Int(feature) + 1]
          while position < end {
            let posting = postings[position]
            if posting.column >= width { break }
            target[Int(posting.column)] += weight * posting.value
            position += 1
          }
        }
      }
    }
    if row < target.count { target[row] = 1 }
  }

  /// The whole matrix at once, for small sets of papers (topic groups).
  ///
  /// - Complexity: O(`rows²`) memory.
  func matrix() -> Matrix {
    var elements: [Float] = []
    forEachCosineBlock(.full, elementBudget: max(1, rows * rows)) { block in
      elements += block.values
    }
    return Matrix(rows: rows, columns: rows, elements: elements)
  }
}
