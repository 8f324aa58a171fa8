import Foundation

/// Text made safe for HTML: in element content and in double-quoted attribute values.
enum HTML {
  /// `text` with `&`, `<`, `>`, `"` and `'` written as character references.
  static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// A number with `digits` decimals, the same on every machine (no locale).
  static func number(_ value: Float, digits: Int = 1) -> String {
    String(format: "%.\(digits)f", Double(value))
  }

  /// The arXiv abstract page of a paper.
  static func arxivLink(_ id: String) -> String { "https://arxiv.org/abs/" + escape(id) }
}
