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
    // Features numbered compactly in ascending order: a table as large as the feature space.
    let space = Int(vectors.lazy.compactMap(\.indices.last).max() ?? 0) + 1
    var compact = [UInt32](repeating: UInt32.max, count: space)
    for vector in vectors { for feature in vector.indices { compact[Int(feature)] = 0 } }
    var used = 0
    for feature in compact.indices where compact[feature] == 0 {
      compact[feature] = UInt32(used)
      used += 1
    }
    compactIndices = vectors.map { $0.indices.map { compact[Int($0)] } }
    var starts = [Int](repeating: 0, count: used + 1)
    for indices in compactIndices { for feature in indices { starts[Int(feature) + 1] += 1 } }
    for feature in 0..<used { starts[feature + 1] += starts[feature] }
    var next = starts
    var postings = [Posting](repeating: Posting(column: 0, value: 0), count: starts[used])
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
          let start = starts[Int(feature)]
          var end = starts[Int(feature) + 1]
          if end > start, postings[end - 1].column >= width {  // the columns below `width`
            var low = start
            while low < end {
              let middle = (low + end) / 2
              if postings[middle].column < width { low = middle + 1 } else { end = middle }
            }
          }
          for position in start..<end {
            let posting = postings[position]
            target[Int(posting.column)] += weight * posting.value
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
