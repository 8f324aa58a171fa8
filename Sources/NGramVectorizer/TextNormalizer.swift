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
    withNormalizedUTF8(text) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the normalised text's UTF-8, kept in temporary storage: no string is
  /// built. Text made only of ASCII and precomposed Hangul syllables — which NFKC leaves as they
  /// are and which have no other case (the common case) — is lower-cased byte by byte.
  ///
  /// - Parameters:
  ///   - text: Any text.
  ///   - body: Receives the normalised bytes (valid only during the call).
  /// - Returns: What `body` returns.
  static func withNormalizedUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R)
    -> R
  {
    var text = text
    if let result = text.withUTF8({ isAsciiOrHangul($0) ? withCleaned($0, body) : nil }) {
      return result
    }
    var folded = text.precomposedStringWithCompatibilityMapping.lowercased()
    return folded.withUTF8 { withCleaned($0, body) }
  }

  /// Whether UTF-8 holds only ASCII and Hangul syllables (U+AC00…U+D7A3).
  private static func isAsciiOrHangul(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // Hangul syllables are EA B0 80 … ED 9E A3 in UTF-8.
      guard lead >= 0xEA, lead <= 0xED, index + 2 < bytes.count else { return false }
      let value =
        UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
        | UInt32(bytes[index + 2] & 0x3F)
      guard value >= 0xAC00, value <= 0xD7A3 else { return false }
      index += 3
    }
    return true
  }

  /// Calls `body` with the text's ASCII letters lower-cased and its `http://` and `https://`
  /// addresses (up to the next white space) left out.
  private static func withCleaned<R>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { output in
      var count = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte | 0x20 == 0x68, let length = webAddressPrefixLength(bytes, at: index) {  // h, H
          index += length
          while index < bytes.count, Tokenizer.whiteSpaceLength(bytes, at: index) == 0 {
            index += 1
          }
          continue
        }
        output[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        count += 1
        index += 1
      }
      return body(UnsafeBufferPointer(rebasing: output[..<count]))
    }
  }

  /// The length of `http://` or `https://` (in any case) at `index`, if one starts there.
  private static func webAddressPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Int?
  {
    for prefix in ["https://", "http://"] {
      let utf8 = prefix.utf8
      guard index + utf8.count <= bytes.count else { continue }
      if zip(utf8, bytes[index...]).allSatisfy({ expected, byte in
        (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected
      }) {
        return utf8.count
      }
    }
    return nil
  }
}
