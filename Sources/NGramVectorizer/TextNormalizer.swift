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
      asciiLowercasedIfSimple(text)
      ?? text.precomposedStringWithCompatibilityMapping.lowercased()
    return removingWebAddresses(folded)
  }

  /// The text with ASCII letters lower-cased, when it is made only of ASCII and precomposed
  /// Hangul syllables — which NFKC leaves as they are and which have no other case (the common
  /// case, and a fast one); nil otherwise.
  private static func asciiLowercasedIfSimple(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        // Hangul syllables U+AC00…U+D7A3 are EA B0 80 … ED 9E A3 in UTF-8.
        guard lead >= 0xEA, lead <= 0xED, index + 2 < bytes.count else { return nil }
        let value =
          UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
          | UInt32(bytes[index + 2] & 0x3F)
        guard value >= 0xAC00, value <= 0xD7A3 else { return nil }
        index += 3
      }
      return String(unsafeUninitializedCapacity: bytes.count) { output in
        for (position, byte) in bytes.enumerated() {
          output[position] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return bytes.count
      }
    }
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
