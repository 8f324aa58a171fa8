import NGramVectorizer

/// The Korean terms that the papers themselves translate: a summary that writes
/// `과적합(overfitting)` or `강화 학습(reinforcement learning)` pairs a Hangul term with an English
/// one, so labels can count them as one term, named in English.
///
/// A Hangul term (the one or two words before the parenthesis) is paired when it is written
/// before a parenthesised English term at least twice and at least two thirds of those times
/// with the same term (in any case): `모델(LLMs)` is not paired, because `모델` comes before many
/// different English terms.
struct TranslatedTerms {
  /// Each paired Hangul term's English term.
  let english: [String: String]

  /// Finds the pairs in texts.
  init(texts: [String]) {
    var partners: [String: [String: Int]] = [:]
    for text in texts {
      for (hangul, term) in Self.parenthesised(in: text) {
        partners[hangul, default: [:]][term, default: 0] += 1
      }
    }
    var english: [String: String] = [:]
    for (hangul, terms) in partners {
      let total = terms.values.reduce(0, +)
      guard
        let (term, count) = terms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
        count >= 2, count * 3 >= total * 2
      else { continue }
      english[hangul] = term
    }
    self.english = english
  }

  /// The term a label counts: the English term of a paired Hangul term, else the term itself.
  func canonical(_ term: String) -> String { english[term] ?? term }

  /// The (Hangul term, English term) pairs written as `한글(English)` or `한글 (English)` in a
  /// text, with one and with two Hangul words; both terms as ``NGramVectorizer/LabelTerms``
  /// gives them.
  static func parenthesised(in text: String) -> [(String, String)] {
    var pairs: [(String, String)] = []
    let normalized = TextNormalizer.normalize(text)
    var rest = normalized[...]
    while let open = rest.firstIndex(of: "(") {
      defer { rest = rest[rest.index(after: open)...] }
      guard let close = rest[open...].firstIndex(of: ")") else { break }
      let inner = rest[rest.index(after: open)..<close]
      guard !inner.isEmpty, inner.count <= 40,
        inner.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == " " || $0 == "-") })
      else { continue }
      let innerWords = inner.split(separator: " ")
      guard (1...2).contains(innerWords.count) else { continue }
      let term = innerWords.joined(separator: " ")
      guard LabelTerms.terms(in: term).contains(term) else { continue }
      let before = normalized[..<open].split(whereSeparator: \.isWhitespace).suffix(2)
      guard let last = before.last, last.unicodeScalars.allSatisfy({ Self.isHangul($0) }) else {
        continue
      }
      guard let word = LabelTerms.readableTerm(last) else { continue }
      pairs.append((String(word), term))
      if before.count == 2, let first = before.first,
        first.unicodeScalars.allSatisfy({ Self.isHangul($0) }),
        let firstWord = LabelTerms.readableTerm(first)
      {
        pairs.append((firstWord + " " + word, term))
      }
    }
    return pairs
  }

  private static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
    (0xAC00...0xD7A3).contains(scalar.value)
  }
}
