/// Splits normalised text into words, respecting scripts.
///
/// A word is a run of letters, digits and combining marks; `-`, `.`, `+`, `'` and `_` join two
/// such characters (`gpt-4o`, `v1.5`), and a `+` may also end one (`c++`), so acronyms and mixed
/// tokens (`llm`, `l2`, `4k`) stay whole. Hangul runs are words too; a particle stays attached
/// (`모델을`), which is why character n-grams, not whole words, carry Korean meaning. Everything
/// else separates words. Works on Unicode scalars, not grapheme clusters, for speed.
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
    let scalars = text.unicodeScalars
    var words: [Substring] = []
    var start: String.Index?
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      if isWordScalar(scalar) {
        if start == nil { start = index }
      } else if start != nil, isJoiner(scalar),
        (next < scalars.endIndex && isWordScalar(scalars[next])) || scalar == "+"
      {
        // Stays inside the word.
      } else if let wordStart = start {
        words.append(trimmedWord(text[wordStart..<index]))
        start = nil
      }
      index = next
    }
    if let wordStart = start { words.append(trimmedWord(text[wordStart...])) }
    return words
  }

  /// Whether a word is made of Latin letters and digits only (with joiners): `llm`, `gpt-4o`.
  public static func isLatin(_ word: Substring) -> Bool {
    var hasLetter = false
    for byte in word.utf8 {
      guard byte < 0x80 else { return false }
      if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { hasLetter = true }
    }
    return hasLetter
  }

  @inline(__always)
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
        || (value >= 0x41 && value <= 0x5A)
    }
    if value >= 0xAC00 && value <= 0xD7A3 { return true }  // Hangul syllables
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  @inline(__always)
  private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "." || scalar == "+" || scalar == "'" || scalar == "_"
  }

  /// Drops joiners left at the end of a word (`model-` → `model`); `+` stays, for `c++`.
  private static func trimmedWord(_ word: Substring) -> Substring {
    var word = word
    while let last = word.unicodeScalars.last,
      last == "-" || last == "." || last == "'" || last == "_"
    {
      word = word.dropLast()
    }
    return word
  }
}
