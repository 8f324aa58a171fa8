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

  /// Calls `body` with each feature's bucket and, when `withTerms` is set, its text and the
  /// word (or run of words) it was taken from.
  ///
  /// - Parameters:
  ///   - text: Normalised text.
  ///   - withTerms: Whether to build each feature's text (for explanations); slower.
  ///   - body: Receives the bucket, the term and its word (both empty unless `withTerms`).
  func forEachFeature(
    in text: String, withTerms: Bool = false, _ body: (HashedBucket, String, Substring) -> Void
  ) {
    let space = UInt32(configuration.featureSpace)
    let words = Tokenizer.words(in: text)
    var bytes: [UInt8] = []
    var offsets: [Int] = []
    for word in words {
      // " word " as UTF-8, with the byte offset where each scalar starts.
      bytes.removeAll(keepingCapacity: true)
      offsets.removeAll(keepingCapacity: true)
      offsets.append(0)
      bytes.append(0x20)
      for byte in word.utf8 {
        if byte & 0xC0 != 0x80 { offsets.append(bytes.count) }  // not a continuation byte
        bytes.append(byte)
      }
      offsets.append(bytes.count)
      bytes.append(0x20)
      offsets.append(bytes.count)
      let length = offsets.count - 1  // scalars in " word "
      bytes.withUnsafeBytes { raw in
        for n in configuration.characterNGrams {
          var start = 0
          repeat {
            let end = min(start + n, length)
            let slice = UnsafeRawBufferPointer(rebasing: raw[offsets[start]..<offsets[end]])
            let bucket = HashedBucket(hash: MurmurHash3.hash(slice), dimension: space)
            if withTerms {
              body(bucket, String(decoding: slice, as: UTF8.self), word)
            } else {
              body(bucket, "", "")
            }
            start += 1
          } while start + n <= length
          if length <= n { break }  // a short word counts once, as scikit-learn does
        }
      }
    }
    forEachWordFeature(words, space: space, body)
  }

  private func forEachWordFeature(
    _ words: [Substring], space: UInt32, _ body: (HashedBucket, String, Substring) -> Void
  ) {
    guard configuration.wordNGrams.lowerBound >= 1 else { return }
    var run: [Substring] = []
    func flush() {
      for n in configuration.wordNGrams where n <= run.count {
        for start in 0...(run.count - n) {
          let gram = run[start..<(start + n)]
          if gram.contains(where: { Self.stopWords.contains($0) || $0.count < 2 }) { continue }
          let term = gram.joined(separator: " ")
          let bucket = HashedBucket(
            hash: MurmurHash3.hash(term, seed: configuration.wordSeed), dimension: space)
          body(bucket, term, Substring(term))
        }
      }
      run.removeAll(keepingCapacity: true)
    }
    for word in words {
      if Tokenizer.isLatin(word) {
        run.append(word)
      } else {
        // "optimization의": the Latin stem ends the run, the Korean particle is dropped.
        let stem = word.prefix { $0.isASCII }
        if stem.count < word.count, Tokenizer.isLatin(stem) { run.append(stem) }
        flush()
      }
    }
    flush()
  }

  /// The signed term counts of a text, as a sparse vector over the feature space.
  func termCounts(of text: String) -> SparseVector {
    var pairs: [(index: UInt32, value: Float)] = []
    pairs.reserveCapacity(text.utf8.count * 3)
    forEachFeature(in: text) { bucket, _, _ in pairs.append((bucket.index, bucket.sign)) }
    return SparseVector.summing(pairs)
  }
}
