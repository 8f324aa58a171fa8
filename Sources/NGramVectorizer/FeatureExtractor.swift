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

/// Adds up signed feature counts in a dense scratch array, remembering which buckets it
/// touched, so a document costs its own features and never a sort of all of them.
struct TermCounter {
  private var counts: [Float]
  private var touched: [UInt32] = []
  private var isTouched: [Bool]
  private var sortBuffer: [UInt32] = []
  private var bucketStarts = [Int](repeating: 0, count: 1 << 10)

  /// Scratch for a feature space of `size` buckets (one per thread: `size` × 5 bytes).
  init(size: Int) {
    counts = [Float](repeating: 0, count: size)
    isTouched = [Bool](repeating: false, count: size)
  }

  @inline(__always)
  mutating func add(_ bucket: HashedBucket) {
    let index = Int(bucket.index)
    if !isTouched[index] {
      isTouched[index] = true
      touched.append(bucket.index)
    }
    counts[index] += bucket.sign
  }

  /// The counts added since the last drain, as a sparse vector without zeros; resets.
  mutating func drain() -> SparseVector {
    sortTouched()
    var vector = SparseVector()
    vector.indices.reserveCapacity(touched.count)
    vector.values.reserveCapacity(touched.count)
    for index in touched {
      let value = counts[Int(index)]
      if value != 0 {
        vector.indices.append(index)
        vector.values.append(value)
      }
      counts[Int(index)] = 0
      isTouched[Int(index)] = false
    }
    touched.removeAll(keepingCapacity: true)
    return vector
  }

  /// Sorts the touched buckets with a least-significant-digit radix sort, 10 bits a pass:
  /// linear in their number, which beats comparison sorts for these sizes.
  private mutating func sortTouched() {
    let bits = (counts.count - 1).bitWidth - (counts.count - 1).leadingZeroBitCount
    sortBuffer.removeAll(keepingCapacity: true)
    sortBuffer.append(contentsOf: repeatElement(0, count: touched.count))
    var shift = 0
    while shift < bits {
      for index in bucketStarts.indices { bucketStarts[index] = 0 }
      for value in touched { bucketStarts[Int((value >> UInt32(shift)) & 0x3FF)] += 1 }
      var total = 0
      for index in bucketStarts.indices {
        let count = bucketStarts[index]
        bucketStarts[index] = total
        total += count
      }
      for value in touched {
        let digit = Int((value >> UInt32(shift)) & 0x3FF)
        sortBuffer[bucketStarts[digit]] = value
        bucketStarts[digit] += 1
      }
      swap(&touched, &sortBuffer)
      shift += 10
    }
  }
}
