import Foundation
import NGramVectorizer
import PaperCorpus
import Parallel

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
/// a word with a chosen one) are skipped. A Hangul term that the papers translate
/// (``TranslatedTerms``) counts as its English term.
///
/// Subgroups are labelled against the rest of their parent, not of all the papers, and never
/// with a term of their ancestors' labels (or a near-duplicate of one): a subgroup's label says
/// what sets it apart within its parent.
struct TopicLabeler {
  /// Every term of the papers, by id.
  private let vocabulary: [String]
  /// For a phrase's id, its two words' ids (−1 for a word).
  private let phraseWords: [(Int32, Int32)]
  /// Each paper's term ids.
  private let terms: [[Int32]]
  /// How many of all the papers use each term.
  private let documentFrequency: [Int32]

  /// Prepares the terms of the papers being grouped (their title and summary), on all cores.
  init(papers: [Paper]) {
    let texts = papers.map { $0.title + "\n" + $0.summary }
    let translated = TranslatedTerms(texts: texts)
    let words = Parallel.mapChunks(of: texts.count, size: 256) { chunk in
      chunk.map { Set(LabelTerms.terms(in: texts[$0]).map(translated.canonical)) }
    }
    var ids: [String: Int32] = [:]
    var vocabulary: [String] = []
    func id(of term: String) -> Int32 {
      if let id = ids[term] { return id }
      ids[term] = Int32(vocabulary.count)
      vocabulary.append(term)
      return Int32(vocabulary.count - 1)
    }
    terms = words.map { set in set.sorted().map(id(of:)) }
    phraseWords = vocabulary.map { term in
      let parts = Self.words(of: term)
      guard parts.count == 2 else { return (-1, -1) }
      return (ids[parts[0]] ?? -1, ids[parts[1]] ?? -1)
    }
    self.vocabulary = vocabulary
    documentFrequency = Self.frequencies(of: terms.indices, in: terms, vocabulary: vocabulary.count)
  }

  private static func frequencies(
    of papers: some Sequence<Int>, in terms: [[Int32]], vocabulary: Int
  ) -> [Int32] {
    var frequency = [Int32](repeating: 0, count: vocabulary)
    for paper in papers { for term in terms[paper] { frequency[Int(term)] += 1 } }
    return frequency
  }

  /// Up to `count` terms for each group.
  ///
  /// - Parameters:
  ///   - groups: Each group's positions in the papers given at init.
  ///   - population: The papers the groups are told apart from (the groups' parent), by
  ///     position; all of them when nil.
  ///   - avoiding: Terms the labels must not repeat (the ancestors' labels).
  ///   - count: Terms per group at most.
  /// - Returns: One label per group, best term first.
  /// - Complexity: O(terms of the population's papers).
  func labels(
    of groups: [[Int]], among population: [Int]? = nil, avoiding: [String] = [], count: Int = 4
  ) -> [[String]] {
    let documentFrequency =
      population.map { Self.frequencies(of: $0, in: terms, vocabulary: vocabulary.count) }
      ?? documentFrequency
    let n = Float(population?.count ?? terms.count)
    var uses = [Int32](repeating: 0, count: vocabulary.count)
    var phraseUses = [Int32](repeating: 0, count: vocabulary.count)
    return groups.map { members in
      var used: [Int32] = []
      for member in members {
        for term in terms[member] {
          if uses[Int(term)] == 0 { used.append(term) }
          uses[Int(term)] += 1
        }
      }
      defer { for term in used { (uses[Int(term)], phraseUses[Int(term)]) = (0, 0) } }
      let minimum: Int32 = members.count >= 2 ? 2 : 1
      // The most papers of the group that use a phrase containing each word.
      for term in used where uses[Int(term)] >= minimum {
        let (first, second) = phraseWords[Int(term)]
        for word in [first, second] where word >= 0 {
          phraseUses[Int(word)] = max(phraseUses[Int(word)], uses[Int(term)])
        }
      }
      let scored: [(term: String, score: Float)] = used.compactMap { term in
        let (inGroup, phrase) = (uses[Int(term)], phraseUses[Int(term)])
        guard inGroup >= minimum, phraseWords[Int(term)].0 >= 0 || phrase * 10 < inGroup * 7
        else { return nil }
        let inside = Float(inGroup) / Float(members.count)
        let outside =
          (Float(documentFrequency[Int(term)] - inGroup) + 0.5) / (n - Float(members.count) + 1)
        guard inside > outside else { return nil }
        return (vocabulary[Int(term)], inside * log(inside / outside))
      }
      var chosen: [String] = []
      for candidate in scored.sorted(by: { ($0.score, $1.term) > ($1.score, $0.term) }) {
        if chosen.count == count { break }
        if (chosen + avoiding).contains(where: { Self.isNearDuplicate(candidate.term, $0) }) {
          continue
        }
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
