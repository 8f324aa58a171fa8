import Foundation

/// Plain Unicode from the LaTeX that arXiv metadata writes names in: `Bal\'azs` → `Balázs`,
/// `{\"U}ber` → `Über`, `\c{C}elik` → `Çelik`, `\o` → `ø`; other braces are dropped. Maths
/// (`$…$`) and unknown commands are left as written.
enum LaTeXText {
  /// The plain text of `text`; text without a backslash or brace is returned as it is.
  static func plain(_ text: String) -> String {
    guard text.contains(where: { $0 == "\\" || $0 == "{" }) else { return text }
    var output = ""
    var characters = Substring(text)
    while let first = characters.first {
      characters = characters.dropFirst()
      switch first {
      case "\\":
        output += command(from: &characters)
      case "{", "}":
        continue
      default:
        output.append(first)
      }
    }
    return output.precomposedStringWithCanonicalMapping
  }

  /// Combining marks of the accent commands, by the command's character.
  private static let accents: [Character: Character] = [
    "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "\"": "\u{308}", "~": "\u{303}",
    "=": "\u{304}", ".": "\u{307}", "u": "\u{306}", "v": "\u{30C}", "H": "\u{30B}",
    "c": "\u{327}", "k": "\u{328}", "r": "\u{30A}",
  ]

  /// Letters written as commands.
  private static let letters: [String: String] = [
    "o": "ø", "O": "Ø", "ss": "ß", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
  ]

  /// The text of the command after a backslash, consuming it from `rest`.
  private static func command(from rest: inout Substring) -> String {
    guard let name = rest.first else { return "\\" }
    if let mark = accents[name] {
      // An accent on the next letter, `\'a`, `\'{a}`, `\' a` or `\'{\i}`.
      let isLetterCommand = name.isLetter
      var after = rest.dropFirst()
      if isLetterCommand, after.first?.isLetter == true { return word(from: &rest) }
      while after.first == " " { after = after.dropFirst() }
      var base: String
      if after.first == "{" {
        guard let close = after.firstIndex(of: "}") else { return word(from: &rest) }
        base = plain(String(after[after.index(after: after.startIndex)..<close]))
        after = after[after.index(after: close)...]
      } else if after.first == "\\" {
        var inner = after.dropFirst()
        base = command(from: &inner)
        after = inner
      } else if let letter = after.first {
        base = String(letter)
        after = after.dropFirst()
      } else {
        return "\\" + String(name)
      }
      rest = after
      guard let first = base.first else { return "" }
      let dotless: [Character: Character] = ["ı": "i", "ȷ": "j"]
      return String(dotless[first] ?? first) + String(mark) + base.dropFirst()
    }
    return word(from: &rest)
  }

  /// A command of letters (`\ss`, `\o`): its letter if it names one, else the command as
  /// written.
  private static func word(from rest: inout Substring) -> String {
    let name = rest.prefix { $0.isLetter }
    guard !name.isEmpty else {
      // `\&`, `\%`, `\_`: the character itself.
      guard let symbol = rest.first else { return "\\" }
      rest = rest.dropFirst()
      return String(symbol)
    }
    rest = rest.dropFirst(name.count)
    guard let letter = letters[String(name)] else { return "\\" + name }
    if rest.first == " " { rest = rest.dropFirst() }  // `\o k` is `øk`
    return letter
  }
}
