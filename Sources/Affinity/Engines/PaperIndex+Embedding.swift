import NGramVectorizer
import PaperCorpus
import SimilarityCore

extension PaperIndex {
  /// The dense embedding of some of a library's papers: their vectors folded into
  /// `configuration.embeddingDimension` buckets, built in two passes over the texts (document
  /// frequencies of all the papers, then the kept papers' vectors a chunk at a time) without
  /// keeping the sparse vectors, so that large libraries can be exported in little memory.
  ///
  /// ```swift
  /// let embedding = PaperIndex.embedding(of: papers, keeping: [0, 2])  // 2 × 4096, unit rows
  /// ```
  ///
  /// - Parameters:
  ///   - library: Every paper of the library (their IDF is fitted here).
  ///   - rows: The papers to embed, by position in `library`.
  ///   - configuration: The vectorizer settings.
  /// - Returns: One unit row per kept paper (zero for a paper with no known features).
  /// - Complexity: O(total text length + rows × embedding dimension).
  static func embedding(
    of library: [Paper], keeping rows: [Int], configuration: VectorizerConfiguration
  ) -> Matrix {
    let texts = library.map { $0.text(for: configuration) }
    let vectorizer = NGramVectorizer(fittingOn: texts, configuration: configuration)
    let dimension = configuration.embeddingDimension
    var elements: [Float] = []
    elements.reserveCapacity(rows.count * dimension)
    for start in stride(from: 0, to: rows.count, by: 4096) {
      let chunk = rows[start..<min(rows.count, start + 4096)].map { texts[$0] }
      elements += embedding(of: vectorizer.vectors(for: chunk), dimension: dimension).elements
    }
    return Matrix(rows: rows.count, columns: dimension, elements: elements)
  }
}
