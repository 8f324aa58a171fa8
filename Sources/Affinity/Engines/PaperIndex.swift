import NGramVectorizer
import PaperCorpus
import Parallel
import SimilarityCore

/// Papers vectorised together, for questions about all of them at once: every paper's related
/// papers, exact similarities, topic groups. One of ``Recommender``'s engines.
///
/// Every score is exact: the cosine of two papers' sparse vectors (``SparseCosines``), the
/// value ``SearchIndex`` gives for one query too.
///
/// ```swift
/// let index = PaperIndex(library: papers)
/// let lists = index.relatedForAll(count: 5)   // one list per paper
/// ```
struct PaperIndex: Sendable {
  /// The papers vectorised, in the order given.
  let papers: [Paper]
  /// The vectorizer, fitted on all the papers of the library (their IDF).
  let vectorizer: NGramVectorizer
  /// One unit vector per paper (zero for a paper with no known features).
  let vectors: [SparseVector]

  /// Vectorises some of a library's papers (their title, then their summary) on all cores, with
  /// the document frequencies of all of them.
  ///
  /// - Parameters:
  ///   - library: Every paper of the library, in the library's order.
  ///   - rows: The papers to keep, by position in `library` (all by default).
  ///   - configuration: The vectorizer settings.
  /// - Complexity: O(total text length): one pass when every paper is kept, else two (fitting,
  ///   then the kept papers' vectors), so that only those vectors are held.
  init(
    library: [Paper], keeping rows: [Int]? = nil,
    configuration: VectorizerConfiguration = .standard
  ) {
    let texts = library.map { $0.text(for: configuration) }
    if let rows, rows != Array(library.indices) {
      papers = rows.map { library[$0] }
      vectorizer = NGramVectorizer(fittingOn: texts, configuration: configuration)
      vectors = vectorizer.vectors(for: rows.map { texts[$0] })
    } else {
      papers = library
      (vectorizer, vectors) = NGramVectorizer.fitted(on: texts, configuration: configuration)
    }
  }

  /// The sparse vectors folded into `dimension` buckets (a power of two; signs kept), each row
  /// scaled to unit length (a zero vector stays zero). Rows are folded on all cores.
  static func embedding(of vectors: [SparseVector], dimension: Int) -> Matrix {
    let rows = vectors.count
    let elements = [Float](unsafeUninitializedCapacity: rows * dimension) { buffer, initialized in
      nonisolated(unsafe) let buffer = buffer
      Parallel.forEachChunk(of: rows, size: 256) { chunk in
        for row in chunk {
          fold(
            vectors[row],
            into: UnsafeMutableBufferPointer(
              rebasing: buffer[(row * dimension)..<((row + 1) * dimension)]))
        }
      }
      initialized = rows * dimension
    }
    return Matrix(rows: rows, columns: dimension, elements: elements)
  }

  /// Writes one row of the embedding: the vector folded into the row's buckets, scaled to unit
  /// length.
  private static func fold(_ vector: SparseVector, into row: UnsafeMutableBufferPointer<Float>) {
    row.initialize(repeating: 0)
    let mask = UInt32(row.count - 1)
    for (index, value) in zip(vector.indices, vector.values) { row[Int(index & mask)] += value }
    var squares: Float = 0
    for value in row { squares += value * value }
    let norm = squares.squareRoot()
    if norm > 0 { for column in row.indices { row[column] /= norm } }
  }
}
