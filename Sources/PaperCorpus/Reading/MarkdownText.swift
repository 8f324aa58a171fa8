extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and line breaks.
  func trimmingWhitespace() -> String {
    guard let start = firstIndex(where: { !$0.isWhitespace }),
      let end = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[start...end])
  }

  /// The text with Markdown's backslash escapes removed: `\\` becomes `\`, `\*` becomes `*`, and
  /// so on for every ASCII punctuation mark. A backslash before anything else stays.
  func removingMarkdownEscapes() -> String {
    guard contains("\\") else { return String(self) }
    var result = ""
    var escaping = false
    for character in self {
      if escaping {
        if !(character.isASCII && character.isPunctuationOrSymbol) { result.append("\\") }
        result.append(character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    if escaping { result.append("\\") }
    return result
  }
}

extension Character {
  fileprivate var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}
