/// Turns normalised text into hashed features: character n-grams inside word boundaries
/// (scikit-learn's `char_wb`) and runs of Latin words.
struct FeatureExtractor: Sendable {
  let configuration: VectorizerConfiguration

  /// English words too common to be a word feature on their own (character n-grams still see
  /// them).
  static let stopWords: Set<Substring> = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "that", "the", "this", "to", "via", "with",
  ]

  /// The stop words packed as in ``stopWordKey(_:)``.
  private static let stopWordKeys = Set(stopWords.compactMap { stopWordKey($0.utf8) })

  /// Calls `body` with each feature's bucket, its text, and the word (or run of words) it was
  /// taken from: what explanations name features by. Slower than
  /// ``forEachFeature(inUTF8:_:)``, which builds no strings.
  ///
  /// - Parameters:
  ///   - text: Normalised text.
  ///   - body: Receives the bucket, the term and its word.
  func forEachNamedFeature(in text: String, _ body: (HashedBucket, String, Substring) -> Void) {
    var utf8 = text
    utf8.withUTF8 { bytes in
      let words = Tokenizer.wordRanges(in: bytes)
      forEachCharacterNGram(characterNGramWords(in: bytes, words: words), in: bytes) {
        bucket, gram, textRange in
        // Named by the word (in the script-aware sense) the n-gram starts in or overlaps.
        let word = Self.word(overlapping: textRange, in: words)
        body(
          bucket, String(decoding: gram, as: UTF8.self),
          Substring(
            word.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
              ?? ""))
      }
      forEachWordFeature(words, in: bytes) { bucket, term in
        let name = String(decoding: term, as: UTF8.self)
        body(bucket, name, Substring(name))
      }
    }
  }

  /// Calls `body` with each feature's bucket, on the UTF-8 of normalised text.
  @inline(__always)
  func forEachFeature(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (HashedBucket) -> Void) {
    let words = Tokenizer.wordRanges(in: bytes)
    forEachCharacterNGram(characterNGramWords(in: bytes, words: words), in: bytes) {
      bucket, _, _ in body(bucket)
    }
    forEachWordFeature(words, in: bytes) { bucket, _ in body(bucket) }
  }

  /// The tokens character n-grams are taken inside: white-space tokens, or the script-aware
  /// `words` (model v2).
  private func characterNGramWords(in bytes: UnsafeBufferPointer<UInt8>, words: [Range<Int>])
    -> [Range<Int>]
  {
    configuration.characterNGramWords == .whitespace ? Tokenizer.whitespaceRanges(in: bytes) : words
  }

  /// The first of the sorted, disjoint `words` that overlaps `range`, if any.
  private static func word(overlapping range: Range<Int>, in words: [Range<Int>]) -> Range<Int>? {
    var low = 0  // the first word that ends after the range starts, by bisection
    var high = words.count
    while low < high {
      let middle = (low + high) / 2
      if words[middle].upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
    }
    return low < words.count && words[low].lowerBound < range.upperBound ? words[low] : nil
  }

  /// Character n-grams of each word inside `" word "`, hashed with seed 0. The n-grams that
  /// start at one character are hashed together, as prefixes of the same bytes. `body` gets
  /// each n-gram's bucket, its bytes and the range of the text it covers (without the spaces).
  @inline(__always)
  private func forEachCharacterNGram(
    _ words: [Range<Int>], in text: UnsafeBufferPointer<UInt8>,
    _ body: (HashedBucket, UnsafeRawBufferPointer, Range<Int>) -> Void
  ) {
    let space = UInt32(configuration.featureSpace)
    let sizes = configuration.characterNGrams
    let longest = words.reduce(0) { max($0, $1.count) }
    // " word " as UTF-8, and the byte offset where each of its scalars starts (plus its end).
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest + 2) { bytes in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: longest + 3) { offsets in
        for word in words {
          bytes[0] = 0x20
          offsets[0] = 0
          var byteCount = 1
          var scalarCount = 1
          for byte in text[word] {
            if byte & 0xC0 != 0x80 {  // not a continuation byte
              offsets[scalarCount] = byteCount
              scalarCount += 1
            }
            bytes[byteCount] = byte
            byteCount += 1
          }
          offsets[scalarCount] = byteCount
          scalarCount += 1
          bytes[byteCount] = 0x20
          byteCount += 1
          offsets[scalarCount] = byteCount
          // Every n-gram of each size up to the length of " word "; a shorter word counts once
          // as a whole, as scikit-learn does.
          let whole = scalarCount < sizes.lowerBound
          for start in 0..<(whole ? 1 : scalarCount - sizes.lowerBound + 1) {
            let from = offsets[start]
            let rest = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[from...])
            var prefixes = MurmurHash3.Prefixes(of: rest, seed: 0)
            for size in sizes {
              let end = whole ? scalarCount : start + size
              guard end <= scalarCount else { break }
              let length = offsets[end] - from
              let gram = UnsafeRawBufferPointer(rebasing: rest[..<length])
              // " word " starts one byte before the word; clamp the spaces off.
              let coveredStart = word.lowerBound + max(0, from - 1)
              let coveredEnd = word.lowerBound + min(word.count, from + length - 1)
              let covered = coveredStart..<coveredEnd
              body(
                HashedBucket(hash: prefixes.hash(ofFirst: length), dimension: space), gram,
                covered)
              if whole { break }
            }
          }
        }
      }
    }
  }

  /// Runs of Latin words (without stop words or one-letter words), joined by a space and hashed
  /// with ``VectorizerConfiguration/wordSeed``. A Korean word ends a run; a Latin stem before
  /// its particle (`optimization의`) is the run's last word.
  private func forEachWordFeature(
    _ words: [Range<Int>], in text: UnsafeBufferPointer<UInt8>,
    _ body: (HashedBucket, UnsafeRawBufferPointer) -> Void
  ) {
    let sizes = configuration.wordNGrams
    guard sizes.lowerBound >= 1, !words.isEmpty else { return }
    let space = UInt32(configuration.featureSpace)
    let seed = configuration.wordSeed
    // The current run's words, each with whether a feature may contain it, and room for one
    // term: a run's words are disjoint ranges of the text, so a term is no longer than the text
    // plus the spaces between its words.
    withUnsafeTemporaryAllocation(of: (word: Range<Int>, kept: Bool).self, capacity: words.count) {
      run in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count + sizes.upperBound) {
        term in
        func emitFeatures(ofRun count: Int) {
          for n in sizes where n <= count {
            terms: for start in 0...(count - n) {
              var length = 0
              for (word, kept) in run[start..<(start + n)] {
                guard kept else { continue terms }
                if length > 0 {
                  term[length] = 0x20
                  length += 1
                }
                _ = UnsafeMutableBufferPointer(rebasing: term[length...]).initialize(
                  fromContentsOf: text[word])
                length += word.count
              }
              let bytes = UnsafeRawBufferPointer(
                UnsafeMutableBufferPointer(rebasing: term[..<length]))
              body(HashedBucket(hash: MurmurHash3.hash(bytes, seed: seed), dimension: space), bytes)
            }
          }
        }
        // One-letter words and stop words end no run but make no feature.
        func entry(_ word: Range<Int>) -> (word: Range<Int>, kept: Bool) {
          (word, word.count >= 2 && !Self.isStopWord(text[word]))
        }
        var count = 0
        for word in words {
          if Tokenizer.isLatin(text[word]) {
            run[count] = entry(word)
            count += 1
          } else {
            let stem = word.lowerBound..<(text[word].firstIndex { $0 >= 0x80 } ?? word.upperBound)
            if stem.count < word.count, Tokenizer.isLatin(text[stem]) {
              run[count] = entry(stem)
              count += 1
            }
            emitFeatures(ofRun: count)
            count = 0
          }
        }
        emitFeatures(ofRun: count)
      }
    }
  }

  /// Whether a word is one of the ``stopWords``.
  private static func isStopWord(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    word.count <= longestStopWord && stopWordKey(word).map(stopWordKeys.contains) == true
  }

  /// The length in bytes of the longest stop word.
  private static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

  /// A word of up to eight bytes packed into an integer (bytes are never zero, so the packing
  /// is unambiguous); nil for longer words, which are never stop words.
  private static func stopWordKey<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64? {
    guard word.count <= 8 else { return nil }
    return word.reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// The signed term counts of a text, as a sparse vector over the feature space.
  ///
  /// - Parameters:
  ///   - text: Raw text, normalised on the way (no normalised string is built).
  ///   - counter: Scratch space, reused from text to text by one thread.
  /// - Returns: The counts, sorted by bucket, without zeros.
  func termCounts(of text: String, using counter: inout TermCounter) -> SparseVector {
    TextNormalizer.withNormalizedUTF8(text) { bytes in
      counter.add(atMost: maximumFeatureCount(byteCount: bytes.count)) { keys in
        var added = 0
        forEachFeature(inUTF8: bytes) { bucket in
          keys[added] = TermCounter.key(bucket)
          added += 1
        }
        return added
      }
    }
    return counter.drain()
  }

  /// The most features ``forEachFeature(inUTF8:_:)`` can find in `byteCount` bytes of
  /// text. Tokens are separated, so there are at most `(bytes + 1) / 2` of them, and with the
  /// spaces marking each token's ends at most `2·bytes + 1` characters to start an n-gram at.
  func maximumFeatureCount(byteCount: Int) -> Int {
    let tokens = (byteCount + 1) / 2
    let characterNGrams = configuration.characterNGrams.count * (byteCount + 2 * tokens)
    let wordNGrams = configuration.wordNGrams.count * tokens
    return characterNGrams + wordNGrams
  }
}
