/// Everything that decides a paper's features and weights, versioned so that embeddings made
/// with different settings are never compared.
///
/// The committed `Models/affinity-ngram-v3.json` is this type's ``standard`` value written out;
/// `--model PATH` loads another (such as `Models/affinity-ngram-v2.json`).
public struct VectorizerConfiguration: Sendable, Hashable, Codable {
  /// A name that changes whenever anything below that decides a vector changes, e.g.
  /// `affinity-ngram-v3`.
  public var version: String
  /// The hash; only `murmurhash3_x86_32` exists.
  public var hash: String
  /// The number of hashed feature buckets (a power of two), e.g. 2²⁰.
  public var featureSpace: Int
  /// The shortest and longest character n-gram, counted inside `" word "` (scikit-learn's
  /// `char_wb`), hashed with seed 0.
  public var characterNGrams: ClosedRange<Int>
  /// The words character n-grams are taken inside; `nil` (models up to v2) means
  /// ``CharacterNGramWords/scripts``.
  public var characterNGramWords: CharacterNGramWords?
  /// The shortest and longest run of Latin words taken as one feature, hashed with
  /// ``wordSeed``; `0...0` turns word features off.
  public var wordNGrams: ClosedRange<Int>
  /// The hash seed for word features, so that they never coincide with character n-grams.
  public var wordSeed: UInt32
  /// How many times the title is added to the summary (1: once).
  public var titleRepeats: Int
  /// `k1` of the BM25-style saturation `tf·(k1+1)/(tf+k1)`; larger is closer to raw counts.
  public var termFrequencySaturation: Float
  /// ``termFrequencySaturation`` for topic groups (see ``forTopics``): grouping works best on
  /// nearly raw counts, where a topic's repeated words weigh more.
  public var topicTermFrequencySaturation: Float
  /// Features found in more than this share of the papers are dropped (when there are at least
  /// four papers).
  public var maximumDocumentFrequency: Float
  /// The dimension of the dense embeddings that are exported (a power of two that divides
  /// ``featureSpace``).
  public var embeddingDimension: Int
  /// The configuration Affinity ships, as measured on the quality evaluation (see
  /// `docs/design.md`).
  public static let standard = VectorizerConfiguration(
    version: "affinity-ngram-v3", hash: "murmurhash3_x86_32", featureSpace: 1 << 20,
    characterNGrams: 2...4, characterNGramWords: .whitespace, wordNGrams: 1...2, wordSeed: 1,
    titleRepeats: 1,
    termFrequencySaturation: 5, topicTermFrequencySaturation: 1000,
    maximumDocumentFrequency: 0.5, embeddingDimension: 4096)

  /// This configuration with the term-frequency weighting for topic groups, for vectorising
  /// papers that are to be grouped rather than searched.
  public var forTopics: VectorizerConfiguration {
    var topics = self
    topics.termFrequencySaturation = topicTermFrequencySaturation
    return topics
  }

  /// Checks the values that would make vectorizing meaningless.
  ///
  /// - Throws: A message naming the bad field.
  public func validate() throws(ConfigurationError) {
    guard hash == "murmurhash3_x86_32" else { throw .invalid("hash must be murmurhash3_x86_32") }
    guard featureSpace > 0, featureSpace.nonzeroBitCount == 1, featureSpace <= 1 << 30 else {
      throw .invalid("featureSpace must be a power of two up to 2^30")
    }
    guard characterNGrams.lowerBound >= 1, characterNGrams.upperBound <= 8 else {
      throw .invalid("characterNGrams must lie within 1...8")
    }
    guard wordNGrams.lowerBound >= 0, wordNGrams.upperBound <= 4 else {
      throw .invalid("wordNGrams must lie within 0...4")
    }
    guard titleRepeats >= 0, termFrequencySaturation > 0, topicTermFrequencySaturation > 0 else {
      throw .invalid(
        "titleRepeats must be ≥ 0, termFrequencySaturation and topicTermFrequencySaturation > 0")
    }
    guard maximumDocumentFrequency > 0, maximumDocumentFrequency <= 1 else {
      throw .invalid("maximumDocumentFrequency must lie in (0, 1]")
    }
    // A fold of the feature space: a power of two buckets, no more than it has.
    guard embeddingDimension > 0, embeddingDimension.nonzeroBitCount == 1,
      embeddingDimension <= featureSpace
    else {
      throw .invalid("embeddingDimension must be a power of two no larger than featureSpace")
    }
  }
}

/// The words character n-grams are taken inside (each as `" word "`).
public enum CharacterNGramWords: String, Sendable, Hashable, Codable {
  /// The text split at white space, punctuation kept (`(dpo)를`): exactly scikit-learn's
  /// `char_wb`. Measured better on our labels than ``scripts`` (see the README).
  case whitespace
  /// Affinity's script-aware words (``Tokenizer``): letters and digits, punctuation dropped.
  case scripts
}

/// A vectorizer configuration that cannot be used.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A field has a value outside its range.
  case invalid(String)

  /// The message, naming the field.
  public var description: String {
    switch self {
    case .invalid(let message): "invalid model configuration: \(message)"
    }
  }
}
