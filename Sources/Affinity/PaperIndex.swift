import NGramVectorizer
import PaperCorpus
import SimilarityCore

/// Papers vectorised together, for questions about all of them at once: every paper's related
/// papers, topic groups, embeddings.
///
/// Every paper's neighbours (``relatedForAll(_:count:)``) go through BLAS: the vectors are
/// folded into `configuration.embeddingDimension` buckets (signs kept, rows re-normalised), each
/// paper's best `configuration.rescoringDepth` candidates are found with tiled `cblas_sgemm`,
/// and those are re-scored exactly on the sparse vectors. When the library has no more papers
/// than the re-scoring depth, those results are exact too. One paper's or one text's
/// neighbours come from ``LibrarySearch``, exactly.
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

  /// The sparse vectors folded into `dimension` buckets, each row scaled to unit length.
  static func embedding(of vectors: [SparseVector], dimension: Int) -> Matrix {
    var elements: [Float] = []
    elements.reserveCapacity(vectors.count * dimension)
    for vector in vectors { appendFolded(vector, dimension: dimension, to: &elements) }
    return Matrix(rows: vectors.count, columns: dimension, elements: elements)
  }

  /// Appends one row of the embedding: the vector folded into `dimension` buckets (a power of
  /// two; signs kept), scaled to unit length (a zero vector stays zero).
  static func appendFolded(_ vector: SparseVector, dimension: Int, to elements: inout [Float]) {
    let base = elements.count
    elements.append(contentsOf: repeatElement(0, count: dimension))
    let mask = UInt32(dimension - 1)
    for (index, value) in zip(vector.indices, vector.values) {
      elements[base + Int(index & mask)] += value
    }
    let norm = elements[base..<(base + dimension)].reduce(0) { $0 + $1 * $1 }.squareRoot()
    if norm > 0 { for column in base..<(base + dimension) { elements[column] /= norm } }
  }

  /// The row of a paper, if the index has it.
  public func row(of id: ArxivID) -> Int? { rowOfPaper[id] }
}
