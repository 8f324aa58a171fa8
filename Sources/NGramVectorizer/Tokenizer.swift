/// Splits normalised text into words, respecting scripts.
///
/// A word is a run of letters, digits and combining marks; `-`, `.`, `+`, `'` and `_` join two
/// such characters (`gpt-4o`, `v1.5`, `c++`), so acronyms and mixed tokens (`llm`, `l2`, `4k`)
/// stay whole. Hangul runs are words too; a particle stays attached (`모델을`), which is why
/// character n-grams, not whole words, carry Korean meaning. Everything else separates words.
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
    var words: [Substring] = []
    var start: String.Index?
    var index = text.startIndex
    var previousIsWordCharacter = false
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if isWordCharacter(character) {
        if start == nil { start = index }
        previousIsWordCharacter = true
      } else if previousIsWordCharacter, isJoiner(character), next < text.endIndex,
        isWordCharacter(text[next]) || character == "+"
      {
        // Stays inside the word.
      } else {
        if let wordStart = start { words.append(trimmedWord(text[wordStart..<index])) }
        start = nil
        previousIsWordCharacter = false
      }
      index = next
    }
    if let wordStart = start { words.append(trimmedWord(text[wordStart...])) }
    return words.filter { !$0.isEmpty }
  }

  /// Whether a word is made of Latin letters and digits only (with joiners): `llm`, `gpt-4o`.
  public static func isLatin(_ word: Substring) -> Bool {
    word.unicodeScalars.allSatisfy { $0.isASCII } && word.contains { $0.isLetter }
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
      || character.unicodeScalars.first.map { $0.properties.generalCategory == .nonspacingMark }
        == true
  }

  private static func isJoiner(_ character: Character) -> Bool {
    character == "-" || character == "." || character == "+" || character == "'"
      || character == "_"
  }

  /// Drops joiners left at the end of a word (`model-` → `model`); `+` stays, for `c++`.
  private static func trimmedWord(_ word: Substring) -> Substring {
    var word = word
    while let last = word.last, last == "-" || last == "." || last == "'" || last == "_" {
      word = word.dropLast()
    }
    return word
  }
}
