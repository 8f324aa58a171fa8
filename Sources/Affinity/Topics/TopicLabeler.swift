import Foundation
import NGramVectorizer
import PaperCorpus

/// Labels groups of papers with the terms most specific to them: whole words and two-word
/// phrases (``NGramVectorizer/LabelTerms``) scored by how much more of the group uses them than
/// of the other papers.
///
/// With `p_in` the share of the group's papers that use a term and `p_out` its (smoothed) share
/// of the other papers, a term scores `p_in · ln(p_in / p_out)`: common in the group and rare
/// elsewhere. A term the rest of the papers use as much scores nothing, so words that describe
/// the whole corpus never label a group; a term used by only one paper of a larger group is not
/// a label. Phrases are preferred: a word is dropped when a phrase containing it is used by most
/// of the same papers. Near-duplicates (a plural, a Hangul word with an ending, a phrase sharing
/// a word with a chosen one) are skipped.
struct TopicLabeler {
  private let terms: [Set<String>]
  private let documentFrequency: [String: Int]

  /// Prepares the terms of the papers being grouped (their title and summary).
  init(papers: [Paper]) {
    terms = papers.map { LabelTerms.terms(in: $0.title + "\n" + $0.summary) }
    var frequency: [String: Int] = [:]
    for set in terms { for term in set { frequency[term, default: 0] += 1 } }
    documentFrequency = frequency
  }

  /// Up to `count` terms for each group.
  ///
  /// - Parameters:
  ///   - groups: Each group's positions in the papers given at init.
  ///   - count: Terms per group at most.
  /// - Returns: One label per group, best term first.
  func labels(of groups: [[Int]], count: Int = 4) -> [[String]] {
    let n = Float(terms.count)
    return groups.map { members in
      var uses: [String: Int] = [:]
      for member in members { for term in terms[member] { uses[term, default: 0] += 1 } }
      let minimum = members.count >= 2 ? 2 : 1
      let phrases = uses.filter { $0.key.contains(" ") && $0.value >= minimum }
      let scored: [(term: String, score: Float)] = uses.compactMap { term, used in
        guard used >= minimum, let df = documentFrequency[term] else { return nil }
        if !term.contains(" "),
          phrases.contains(where: {
            $0.value * 10 >= used * 7 && Self.words(of: $0.key).contains(term)
          })
        {
          return nil
        }
        let inside = Float(used) / Float(members.count)
        let outside = (Float(df - used) + 0.5) / (n - Float(members.count) + 1)
        guard inside > outside else { return nil }
        return (term, inside * log(inside / outside))
      }
      var chosen: [String] = []
      for candidate in scored.sorted(by: { ($0.score, $1.term) > ($1.score, $0.term) }) {
        if chosen.count == count { break }
        if chosen.contains(where: { Self.isNearDuplicate(candidate.term, $0) }) { continue }
        chosen.append(candidate.term)
      }
      return chosen
    }
  }

  private static func words(of term: String) -> [String] {
    term.split(separator: " ").map(String.init)
  }

  /// Whether two terms say the same thing: equal up to a plural `s`, one Hangul word extending
  /// the other, or two phrases sharing a word, or a word inside a phrase.
  static func isNearDuplicate(_ a: String, _ b: String) -> Bool {
    let (wordsA, wordsB) = (words(of: a), words(of: b))
    for x in wordsA {
      for y in wordsB {
        if x == y || singular(x) == singular(y) { return true }
        if !Tokenizer.isLatin(Substring(x)), !Tokenizer.isLatin(Substring(y)),
          x.hasPrefix(y) || y.hasPrefix(x)
        {
          return true
        }
      }
    }
    return false
  }

  private static func singular(_ word: String) -> String {
    word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
  }
}
