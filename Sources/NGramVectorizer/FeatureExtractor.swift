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
    var utf8 = text
    utf8.withUTF8 { bytes in
      let words = Tokenizer.wordRanges(in: bytes)
      forEachCharacterNGram(words, in: bytes) { bucket, gram, word in
        if withTerms {
          body(bucket, String(decoding: gram, as: UTF8.self), Self.substring(of: text, word))
        } else {
          body(bucket, "", "")
        }
      }
      forEachWordFeature(words, in: bytes) { bucket, term in
        if withTerms {
          let name = String(decoding: term, as: UTF8.self)
          body(bucket, name, Substring(name))
        } else {
          body(bucket, "", "")
        }
      }
    }
  }

  /// Character n-grams of each word inside `" word "`, hashed with seed 0.
  private func forEachCharacterNGram(
    _ words: [Range<Int>], in text: UnsafeBufferPointer<UInt8>,
    _ body: (HashedBucket, UnsafeRawBufferPointer, Range<Int>) -> Void
  ) {
    let space = UInt32(configuration.featureSpace)
    var bytes: [UInt8] = []
    var offsets: [Int] = []
    for word in words {
      // " word " as UTF-8, with the byte offset where each scalar starts.
      bytes.removeAll(keepingCapacity: true)
      offsets.removeAll(keepingCapacity: true)
      offsets.append(0)
      bytes.append(0x20)
      for byte in text[word] {
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
            body(HashedBucket(hash: MurmurHash3.hash(slice), dimension: space), slice, word)
            start += 1
          } while start + n <= length
          if length <= n { break }  // a short word counts once, as scikit-learn does
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
    guard configuration.wordNGrams.lowerBound >= 1 else { return }
    let space = UInt32(configuration.featureSpace)
    var run: [Range<Int>] = []
    var term: [UInt8] = []
    func flush() {
      for n in configuration.wordNGrams where n <= run.count {
        for start in 0...(run.count - n) {
          let gram = run[start..<(start + n)]
          if gram.contains(where: {
            $0.count < 2 || Self.stopWordKey(text[$0]).map(Self.stopWordKeys.contains) == true
          }) {
            continue
          }
          term.removeAll(keepingCapacity: true)
          for word in gram {
            if !term.isEmpty { term.append(0x20) }
            term.append(contentsOf: text[word])
          }
          term.withUnsafeBytes { term in
            let hash = MurmurHash3.hash(term, seed: configuration.wordSeed)
            body(HashedBucket(hash: hash, dimension: space), term)
          }
        }
      }
      run.removeAll(keepingCapacity: true)
    }
    for word in words {
      if Tokenizer.isLatin(text[word]) {
        run.append(word)
      } else {
        let stem = word.lowerBound..<(text[word].firstIndex { $0 >= 0x80 } ?? word.upperBound)
        if stem.count < word.count, Tokenizer.isLatin(text[stem]) { run.append(stem) }
        flush()
      }
    }
    flush()
  }

  /// A word of up to eight bytes packed into an integer (bytes are never zero, so the packing
  /// is unambiguous); nil for longer words, which are never stop words.
  private static func stopWordKey<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64? {
    guard word.count <= 8 else { return nil }
    return word.reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// The part of `text` that UTF-8 bytes `range` hold.
  private static func substring(of text: String, _ range: Range<Int>) -> Substring {
    let lower = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)
    return text[lower..<text.utf8.index(lower, offsetBy: range.count)]
  }

  /// The signed term counts of a text, as a sparse vector over the feature space.
  ///
  /// - Parameters:
  ///   - text: Normalised text.
  ///   - counter: Scratch space, reused from text to text by one thread.
  /// - Returns: The counts, sorted by bucket, without zeros.
  func termCounts(of text: String, using counter: inout TermCounter) -> SparseVector {
    forEachFeature(in: text) { bucket, _, _ in counter.add(bucket) }
    return counter.drain()
  }
}

/// Adds up signed feature counts by sorting them: each feature is appended as its bucket and
/// sign, and draining radix-sorts the document's features and sums each bucket's run. A
/// document's features fit in cache, unlike a dense array over the whole feature space, so this
/// costs a few passes over them and no cache miss per feature.
struct TermCounter {
  /// `bucket << 1 | 1` for a negative sign, `bucket << 1` for a positive one.
  private var keys: [UInt32] = []
  private var sortBuffer: [UInt32] = []
  private var digitStarts = [Int](repeating: 0, count: 1 << digitBits)
  private let keyBits: Int
  private static let digitBits = 11

  /// Scratch for a feature space of `size` buckets (at most 2³¹), one per thread.
  init(size: Int) {
    keyBits = (size - 1).bitWidth - (size - 1).leadingZeroBitCount + 1
  }

  @inline(__always)
  mutating func add(_ bucket: HashedBucket) {
    keys.append(bucket.index << 1 | (bucket.sign < 0 ? 1 : 0))
  }

  /// The counts added since the last drain, as a sparse vector without zeros; resets.
  mutating func drain() -> SparseVector {
    sortKeys()
    var vector = SparseVector()
    vector.indices.reserveCapacity(keys.count)
    vector.values.reserveCapacity(keys.count)
    var position = 0
    while position < keys.count {
      let bucket = keys[position] >> 1
      var count: Float = 0
      while position < keys.count, keys[position] >> 1 == bucket {
        count += keys[position] & 1 == 0 ? 1 : -1
        position += 1
      }
      if count != 0 {
        vector.indices.append(bucket)
        vector.values.append(count)
      }
    }
    keys.removeAll(keepingCapacity: true)
    return vector
  }

  /// Sorts the keys with a least-significant-digit radix sort, ``digitBits`` bits a pass:
  /// linear in their number, which beats comparison sorts for these sizes.
  private mutating func sortKeys() {
    sortBuffer.removeAll(keepingCapacity: true)
    sortBuffer.append(contentsOf: repeatElement(0, count: keys.count))
    let mask = UInt32(1 << Self.digitBits - 1)
    var shift = 0
    while shift < keyBits {
      for index in digitStarts.indices { digitStarts[index] = 0 }
      for key in keys { digitStarts[Int((key >> UInt32(shift)) & mask)] += 1 }
      var total = 0
      for index in digitStarts.indices {
        let count = digitStarts[index]
        digitStarts[index] = total
        total += count
      }
      for key in keys {
        let digit = Int((key >> UInt32(shift)) & mask)
        sortBuffer[digitStarts[digit]] = key
        digitStarts[digit] += 1
      }
      swap(&keys, &sortBuffer)
      shift += Self.digitBits
    }
  }
}
