import NGramVectorizer
import PaperCorpus
import SimilarityCore

extension PaperIndex {
  /// The dense embedding of papers: `PaperIndex(papers:)`'s vectors folded as `relatedForAll`
  /// folds them, built in two passes over the texts (document frequencies, then vectors a chunk
  /// at a time) without keeping the sparse vectors, so that large libraries can be exported in
  /// little memory.
  ///
  /// ```swift
  /// let embedding = PaperIndex.embedding(of: papers)  // papers.count × 4096, unit rows
  /// ```
  ///
  /// - Parameters:
  ///   - papers: The library's papers (their IDF is fitted here).
  ///   - configuration: The vectorizer settings.
  /// - Returns: One unit row per paper (zero for a paper with no known features).
  /// - Complexity: O(total text length + papers × embedding dimension).
  public static func embedding(
    of papers: [Paper], configuration: VectorizerConfiguration = .standard
  ) -> Matrix {
    let texts = papers.map { text(of: $0, titleRepeats: configuration.titleRepeats) }
    let vectorizer = NGramVectorizer(fittingOn: texts, configuration: configuration)
    let dimension = configuration.embeddingDimension
    var elements: [Float] = []
    elements.reserveCapacity(texts.count * dimension)
    for start in stride(from: 0, to: texts.count, by: 4096) {
      let chunk = Array(texts[start..<min(texts.count, start + 4096)])
      elements += embedding(of: vectorizer.vectors(for: chunk), dimension: dimension).elements
    }
    return Matrix(rows: papers.count, columns: dimension, elements: elements)
  }
}
