/// Splits normalised text into words, respecting scripts.
///
/// A word is a run of letters, digits and combining marks; `-`, `.`, `+`, `'` and `_` join two
/// such characters (`gpt-4o`, `v1.5`), and a `+` may also end one (`c++`), so acronyms and mixed
/// tokens (`llm`, `l2`, `4k`) stay whole. Hangul runs are words too; a particle stays attached
/// (`모델을`), which is why character n-grams, not whole words, carry Korean meaning. Everything
/// else separates words. Works on UTF-8 bytes and Unicode scalars, not grapheme clusters, for
/// speed.
public enum Tokenizer {
  /// The words of a text, in order.
  ///
  /// ```swift
  /// Tokenizer.words(in: "gpt-4o는 (multimodal) 모델을")  // ["gpt-4o는", "multimodal", "모델을"]
  /// ```
  ///
  /// - Parameter text: Normalised text (see ``TextNormalizer``).
  /// - Returns: The words.
  /// - Complexity: O(*n*).
  public static func words(in text: String) -> [Substring] {
    var text = text
    let ranges = text.withUTF8 { wordRanges(in: $0) }
    let utf8 = text.utf8
    return ranges.map { range in
      let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
      return text[lower..<utf8.index(lower, offsetBy: range.count)]
    }
  }

  /// The byte ranges of the words of UTF-8 text (see ``words(in:)``), read byte by byte: only
  /// scalars outside ASCII and Hangul syllables need a look at their Unicode properties.
  ///
  /// - Parameter bytes: Valid UTF-8 of normalised text.
  /// - Returns: The words' ranges, in order.
  static func wordRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = -1
    var index = 0
    while index < bytes.count {
      let (value, length) = scalar(in: bytes, at: index)
      let next = index + length
      if isWordScalar(value) {
        if start < 0 { start = index }
      } else if start >= 0, isJoiner(value),
        value == 0x2B || (next < bytes.count && isWordScalar(scalar(in: bytes, at: next).value))
      {
        // Stays inside the word.
      } else if start >= 0 {
        ranges.append(trimmed(start..<index, in: bytes))
        start = -1
      }
      index = next
    }
    if start >= 0 { ranges.append(trimmed(start..<bytes.count, in: bytes)) }
    return ranges
  }

  /// The byte ranges of the text's white-space-separated tokens, punctuation kept (`(dpo)를`):
  /// the words scikit-learn's `char_wb` takes n-grams inside (Python's `str.split()`).
  ///
  /// - Parameter bytes: Valid UTF-8 of normalised text.
  /// - Returns: The tokens' ranges, in order.
  static func whitespaceRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = -1
    var index = 0
    while index < bytes.count {
      let space = whiteSpaceLength(bytes, at: index)
      if space > 0 {
        if start >= 0 { ranges.append(start..<index) }
        start = -1
        index += space
      } else {
        if start < 0 { start = index }
        index += 1
      }
    }
    if start >= 0 { ranges.append(start..<bytes.count) }
    return ranges
  }

  /// The length in bytes of the white space character at `index`, 0 if none starts there: what
  /// Python's `str.split()` splits at, among the characters NFKC leaves (it turns no-break and
  /// ideographic spaces into U+0020): ASCII white space, U+001C…U+001F, U+0085, U+1680, U+2028
  /// and U+2029.
  @inline(__always)
  static func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    // Most bytes are letters, digits, punctuation or Hangul (lead bytes EA…ED, continuations).
    if (byte > 0x20 && byte < 0x80) || (byte >= 0x80 && byte < 0xC2) || byte >= 0xE3 { return 0 }
    if byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte) { return 1 }
    let rest = bytes.count - index
    if byte == 0xC2, rest >= 2, bytes[index + 1] == 0x85 { return 2 }
    guard rest >= 3 else { return 0 }
    let next = (bytes[index + 1], bytes[index + 2])
    if byte == 0xE1, next == (0x9A, 0x80) { return 3 }
    if byte == 0xE2, next == (0x80, 0xA8) || next == (0x80, 0xA9) { return 3 }
    return 0
  }

  /// The scalar that starts at `index` of valid UTF-8, and its length in bytes.
  @inline(__always)
  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    value: UInt32, length: Int
  ) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
    if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
    return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
  }

  /// Whether a word is made of Latin letters and digits only (with joiners): `llm`, `gpt-4o`.
  public static func isLatin(_ word: Substring) -> Bool { isLatin(word.utf8) }

  /// ``isLatin(_:)`` on UTF-8 bytes.
  static func isLatin<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
    var hasLetter = false
    for byte in bytes {
      guard byte < 0x80 else { return false }
      if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { hasLetter = true }
    }
    return hasLetter
  }

  @inline(__always)
  private static func isWordScalar(_ value: UInt32) -> Bool {
    if value < 0x80 {
      return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
        || (value >= 0x41 && value <= 0x5A)
    }
    if value >= 0xAC00 && value <= 0xD7A3 { return true }  // Hangul syllables
    guard let properties = Unicode.Scalar(value)?.properties else { return false }
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  /// `-`, `.`, `+`, `'` and `_`.
  @inline(__always)
  private static func isJoiner(_ value: UInt32) -> Bool {
    value == 0x2D || value == 0x2E || value == 0x2B || value == 0x27 || value == 0x5F
  }

  /// Drops joiners left at the end of a word (`model-` → `model`); `+` stays, for `c++`.
  private static func trimmed(_ word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
    -> Range<Int>
  {
    var end = word.upperBound
    while end > word.lowerBound, bytes[end - 1] != 0x2B, isJoiner(UInt32(bytes[end - 1])) {
      end -= 1
    }
    return word.lowerBound..<end
  }
}
