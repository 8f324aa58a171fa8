import Foundation
import Parallel

/// Turns texts into L2-normalised, TF-IDF-weighted hashed n-gram vectors.
///
/// There is no vocabulary to fit: features are hashed (see ``MurmurHash3``). Fitting only
/// counts, for every bucket, how many documents contain it; that gives the inverse document
/// frequency `ln((N − df + 0.5)/(df + 0.5) + 1)`, which down-weights common features harder
/// than scikit-learn's smooth IDF. Term counts saturate as in BM25 (`tf·(k1+1)/(tf+k1)`), and
/// features in more than half the documents are dropped.
///
/// ```swift
/// let vectorizer = NGramVectorizer(fittingOn: abstracts)
/// let vectors = vectorizer.vectors(for: abstracts)   // one unit vector per text
/// vectors[0].dot(vectors[1])                         // cosine similarity
/// ```
public struct NGramVectorizer: Sendable {
  /// The settings that produced this vectorizer.
  public let configuration: VectorizerConfiguration
  /// The number of documents fitted on.
  public let documentCount: Int
  /// The weight of each bucket (zero for dropped or unseen features), indexed by bucket.
  public let inverseDocumentFrequency: [Float]
  let extractor: FeatureExtractor

  /// Fits the document frequencies of a corpus, keeping nothing per document (so memory does
  /// not grow with the corpus).
  ///
  /// - Parameters:
  ///   - documents: The corpus's texts, raw (they are normalised here).
  ///   - configuration: The feature and weighting settings.
  /// - Complexity: O(total text length), on all cores.
  public init(fittingOn documents: [String], configuration: VectorizerConfiguration = .standard) {
    // A few thousand documents' term counts at a time, counted and let go.
    var frequency = [Int32](repeating: 0, count: configuration.featureSpace)
    for start in stride(from: 0, to: documents.count, by: 8192) {
      let chunk = Array(documents[start..<min(documents.count, start + 8192)])
      Self.addDocumentFrequencies(
        of: Self.termCounts(of: chunk, configuration: configuration), to: &frequency)
    }
    self.init(
      documentFrequency: frequency, documentCount: documents.count, configuration: configuration)
  }

  /// Fits a corpus and returns its vectors too, extracting each text's features only once.
  ///
  /// - Parameters:
  ///   - documents: The corpus's texts, raw.
  ///   - configuration: The feature and weighting settings.
  ///   - keepingDropped: Whether the vectors keep features of no weight, with the value 0.
  /// - Returns: The fitted vectorizer and one unit vector per document, in order.
  /// - Complexity: O(total text length), on all cores.
  public static func fitted(
    on documents: [String], configuration: VectorizerConfiguration = .standard,
    keepingDropped: Bool = false
  ) -> (vectorizer: NGramVectorizer, vectors: [SparseVector]) {
    var vectors = termCounts(of: documents, configuration: configuration)
    var frequency = [Int32](repeating: 0, count: configuration.featureSpace)
    addDocumentFrequencies(of: vectors, to: &frequency)
    let vectorizer = NGramVectorizer(
      documentFrequency: frequency, documentCount: documents.count, configuration: configuration)
    vectorizer.weigh(&vectors, keepingDropped: keepingDropped)
    return (vectorizer, vectors)
  }

  /// Weighs term counts in place (see ``weighted(_:keepingDropped:)``), on all cores.
  ///
  /// - Parameters:
  ///   - vectors: Term counts, made unit vectors here.
  ///   - keepingDropped: Whether features of no weight stay, with the value 0.
  public func weigh(_ vectors: inout [SparseVector], keepingDropped: Bool = false) {
    Self.parallelUpdate(&vectors) { [self] in weigh(&$0, keepingDropped: keepingDropped) }
  }

  /// Every document's term counts (raw, before weighting), on all cores, each thread with its
  /// own scratch counter.
  ///
  /// - Parameters:
  ///   - documents: Raw texts.
  ///   - configuration: The feature settings.
  /// - Returns: One vector of counts per text, in order.
  public static func termCounts(
    of documents: [String], configuration: VectorizerConfiguration
  ) -> [SparseVector] {
    let extractor = FeatureExtractor(configuration: configuration)
    return parallelChunks(documents) { chunk in
      var counter = TermCounter(size: configuration.featureSpace)
      return chunk.map { extractor.termCounts(of: $0, using: &counter) }
    }
  }

  /// Adds how many of the vectors hold each bucket, counted on all cores (one table per core).
  ///
  /// - Parameters:
  ///   - vectors: Term counts (or any vectors: their indices are what counts).
  ///   - frequency: One count per bucket, added to.
  public static func addDocumentFrequencies(
    of vectors: [SparseVector], to frequency: inout [Int32]
  ) {
    let featureSpace = frequency.count
    let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, vectors.count / 1000))
    let share = (vectors.count + cores - 1) / cores
    let tables = parallelChunks(Array(0..<cores)) { part in
      part.map { core in
        var table = [Int32](repeating: 0, count: featureSpace)
        table.withUnsafeMutableBufferPointer { table in
          for vector in vectors[
            min(vectors.count, core * share)..<min(vectors.count, (core + 1) * share)]
          {
            for index in vector.indices { table[Int(index)] += 1 }
          }
        }
        return table
      }
    }
    for table in tables { for index in table.indices { frequency[index] += table[index] } }
  }

  /// A vectorizer fitted on documents of these frequencies.
  ///
  /// - Parameters:
  ///   - documentFrequency: How many documents hold each bucket.
  ///   - documentCount: How many documents there are.
  ///   - configuration: The feature and weighting settings.
  public init(
    documentFrequency: [Int32], documentCount: Int, configuration: VectorizerConfiguration
  ) {
    let n = Float(documentCount)
    let limit = documentCount >= 4 ? configuration.maximumDocumentFrequency * n : .infinity
    self.init(
      configuration: configuration, documentCount: documentCount,
      inverseDocumentFrequency: documentFrequency.map { df in
        let df = Float(df)
        guard df > 0, df <= limit else { return 0 }
        return log((n - df + 0.5) / (df + 0.5) + 1)
      })
  }

  /// A fitted vectorizer again, from what an earlier one fitted: the same weights, so the same
  /// vectors.
  ///
  /// - Parameters:
  ///   - configuration: The settings it was fitted with.
  ///   - documentCount: The number of documents it was fitted on.
  ///   - inverseDocumentFrequency: Its ``inverseDocumentFrequency``.
  /// - Precondition: One weight per bucket of `configuration.featureSpace`.
  public init(
    configuration: VectorizerConfiguration, documentCount: Int, inverseDocumentFrequency: [Float]
  ) {
    precondition(
      inverseDocumentFrequency.count == configuration.featureSpace, "One weight per bucket")
    self.configuration = configuration
    extractor = FeatureExtractor(configuration: configuration)
    self.documentCount = documentCount
    self.inverseDocumentFrequency = inverseDocumentFrequency
  }

  /// The weighted unit vector of one text. Features the corpus never saw weigh nothing.
  ///
  /// - Parameter text: Raw text.
  /// - Returns: A unit vector, or the zero vector when no feature of the text is known.
  public func vector(for text: String) -> SparseVector {
    var counter = TermCounter(size: configuration.featureSpace)
    return weighted(extractor.termCounts(of: text, using: &counter))
  }

  /// Term counts weighted (saturated TF × IDF) and scaled to unit length.
  ///
  /// - Parameters:
  ///   - counts: Term counts (see ``termCounts(of:configuration:)``).
  ///   - keepingDropped: Whether features of no weight stay, with the value 0 (so that the
  ///     vector still says which features the text has); dropped by default.
  /// - Returns: The vector, a unit vector unless no feature weighs anything.
  public func weighted(_ counts: SparseVector, keepingDropped: Bool = false) -> SparseVector {
    var vector = counts
    weigh(&vector, keepingDropped: keepingDropped)
    return vector
  }

  /// Weighs term counts in place (saturated TF × IDF, features of no weight dropped unless
  /// `keepingDropped`) and scales them to unit length.
  func weigh(_ vector: inout SparseVector, keepingDropped: Bool = false) {
    let k1 = configuration.termFrequencySaturation
    var kept = 0
    var squares: Float = 0
    // The loads from the (large) IDF table miss the cache. Nothing branches on them (a feature
    // of no weight is written, adds zero, and is overwritten by the next), so the processor
    // overlaps them.
    inverseDocumentFrequency.withUnsafeBufferPointer { inverseDocumentFrequency in
      vector.indices.withUnsafeMutableBufferPointer { indices in
        vector.values.withUnsafeMutableBufferPointer { values in
          for position in 0..<indices.count {
            let index = indices[position]
            let idf = inverseDocumentFrequency[Int(index)]
            let count = values[position]
            let magnitude = abs(count)
            let saturated = magnitude * (k1 + 1) / (magnitude + k1) * idf
            indices[kept] = index
            values[kept] = count < 0 ? -saturated : saturated
            squares += saturated * saturated
            kept += idf > 0 || keepingDropped ? 1 : 0
          }
        }
      }
    }
    vector.indices.removeLast(vector.indices.count - kept)
    vector.values.removeLast(vector.values.count - kept)
    let length = squares.squareRoot()
    guard length > 0 else { return }
    vector.values.withUnsafeMutableBufferPointer { values in
      for position in values.indices { values[position] /= length }
    }
  }

  /// The vectors of many texts, computed on all cores.
  ///
  /// - Parameter texts: Raw texts.
  /// - Returns: One vector per text, in order.
  public func vectors(for texts: [String]) -> [SparseVector] {
    Self.parallelChunks(texts) { [self] chunk in
      var counter = TermCounter(size: configuration.featureSpace)
      return chunk.map {
        weighted(extractor.termCounts(of: $0, using: &counter))
      }
    }
  }

  /// The features two vectors share, named by the shortest word of `text` (the text of `a`)
  /// they come from — a character n-gram by its whole word, a word feature by its words — with
  /// their contribution to the cosine similarity, largest first. Words are named as topic labels
  /// name them (``LabelTerms``: `이미지를` → `이미지`); contributions of one name are added up.
  /// Features named only by words that name nothing (stop words, predicates such as
  /// `제안합니다`, general words such as `함께`) and features `text` does not produce are left out.
  ///
  /// - Parameters:
  ///   - a: One vector, made by this vectorizer from `text`.
  ///   - b: The other vector.
  ///   - text: The raw text `a` was made from, to name the features.
  /// - Returns: Shared words as (term, contribution to the cosine), by contribution.
  public func sharedTerms(
    between a: SparseVector, and b: SparseVector, namingFrom text: String
  ) -> [(term: String, contribution: Float)] {
    var names: [UInt32: Substring] = [:]
    extractor.forEachNamedFeature(in: TextNormalizer.normalize(text)) {
      bucket, _, word in
      guard let name = LabelTerms.readableTerm(word) else { return }
      if let existing = names[bucket.index], existing.count <= name.count { return }
      names[bucket.index] = name
    }
    var contributions: [Substring: Float] = [:]
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a.indices[i] == b.indices[j] {
        let contribution = a.values[i] * b.values[j]
        if contribution > 0, let word = names[a.indices[i]] {
          contributions[word, default: 0] += contribution
        }
        i += 1
        j += 1
      } else if a.indices[i] < b.indices[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return contributions.map { (String($0.key), $0.value) }
      .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
  }

  /// Updates every element in place, on all cores (no copies, so peak memory stays at one).
  static func parallelUpdate<T: Sendable>(
    _ elements: inout [T], _ update: @Sendable (inout T) -> Void
  ) {
    let count = elements.count
    elements.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let buffer = buffer
      Parallel.forEachChunk(of: count, size: max(1, (count + 15) / 16)) { range in
        for index in range { update(&buffer[index]) }
      }
    }
  }

  /// Maps contiguous chunks of the inputs on all cores (one scratch space per chunk), keeping
  /// order. Chunks are at most 64 inputs, so the cores finish together: with few large chunks,
  /// one core waits for the other's last one.
  static func parallelChunks<Input: Sendable, T: Sendable>(
    _ inputs: [Input], _ transform: @Sendable (ArraySlice<Input>) -> [T]
  ) -> [T] {
    Parallel.mapChunks(of: inputs.count, size: max(1, min(64, (inputs.count + 15) / 16))) {
      transform(inputs[$0])
    }
  }
}
