import Foundation
import NGramVectorizer
import PaperCorpus
import Parallel
import SimilarityCore

/// Papers vectorised together, for questions about all of them at once: every paper's related
/// papers, topic groups, embeddings.
///
/// Every paper's neighbours (``relatedForAll(_:count:)``) go through BLAS: the vectors are
/// folded into `configuration.candidateSearchDimension` buckets (signs kept, rows
/// re-normalised), each paper's best `configuration.rescoringDepth` candidates are found with
/// tiled `cblas_sgemm`, and those are re-scored exactly on the sparse vectors. When the library
/// has no more papers than the re-scoring depth, those results are exact too. One paper's or
/// one text's neighbours come from ``LibrarySearch``, exactly.
///
/// ```swift
/// let index = PaperIndex(papers: papers)
/// let lists = index.relatedForAll(count: 5)   // one list per paper
/// ```
public struct PaperIndex: Sendable {
  /// The papers, in the order given.
  public let papers: [Paper]
  /// The fitted vectorizer (its IDF is this library's).
  public let vectorizer: NGramVectorizer
  /// One unit vector per paper (zero for a paper with no known features).
  public let vectors: [SparseVector]
  let rowOfPaper: [ArxivID: Int]

  /// Vectorises papers (their title, then their summary) on all cores.
  ///
  /// - Parameters:
  ///   - papers: The library's papers.
  ///   - configuration: The vectorizer settings.
  /// - Complexity: O(total text length).
  public init(papers: [Paper], configuration: VectorizerConfiguration = .standard) {
    self.papers = papers
    let texts = papers.map { Self.text(of: $0, titleRepeats: configuration.titleRepeats) }
    (vectorizer, vectors) = NGramVectorizer.fitted(on: texts, configuration: configuration)
    rowOfPaper = Dictionary(
      papers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The text a paper is vectorised from: its title (`titleRepeats` times), then its summary.
  /// Section headings are the digest's boilerplate, not content, and are left out.
  static func text(of paper: Paper, titleRepeats: Int) -> String {
    (Array(repeating: paper.title, count: titleRepeats) + [paper.summary]).joined(separator: "\n")
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

  /// The row of a paper, if the index has it.
  public func row(of id: ArxivID) -> Int? { rowOfPaper[id] }
}
