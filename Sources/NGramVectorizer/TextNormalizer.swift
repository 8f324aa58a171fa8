import Foundation

/// Puts text in the form features are taken from: NFKC, lower case, web addresses removed.
///
/// NFKC folds compatibility forms (full-width `ＬＬＭ` → `llm`, `①` → `1`) and composes Hangul
/// jamo into syllables, so the same word always gives the same bytes.
public enum TextNormalizer {
  /// The normalised text.
  ///
  /// ```swift
  /// TextNormalizer.normalize("ＤＰＯ 모델 https://x.io/a")  // "dpo 모델 "
  /// ```
  ///
  /// - Parameter text: Any text.
  /// - Returns: NFKC-normalised, lower-cased text without `http(s)://` addresses.
  public static func normalize(_ text: String) -> String {
    let folded =
      needsCompatibilityMapping(text) ? text.precomposedStringWithCompatibilityMapping : text
    return removingWebAddresses(folded.lowercased())
  }

  /// Whether NFKC could change the text: false for text made only of ASCII and precomposed
  /// Hangul syllables, which NFKC leaves as they are (the common case, and a fast one).
  private static func needsCompatibilityMapping(_ text: String) -> Bool {
    !text.unicodeScalars.allSatisfy { $0.isASCII || (0xAC00...0xD7A3).contains($0.value) }
  }

  private static func removingWebAddresses(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: ":")), text.contains("http") else { return text }
    var result = ""
    var rest = Substring(text)
    while let range = rest.range(of: "http") {
      let candidate = rest[range.lowerBound...]
      guard candidate.hasPrefix("https://") || candidate.hasPrefix("http://") else {
        result += rest[..<range.upperBound]
        rest = rest[range.upperBound...]
        continue
      }
      result += rest[..<range.lowerBound]
      rest = candidate.drop { !$0.isWhitespace }
    }
    return result + rest
  }
}
