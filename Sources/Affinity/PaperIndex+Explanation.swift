import PaperCorpus

/// A term two texts share, and how much of their similarity it accounts for.
public struct SharedTerm: Sendable, Hashable {
  /// The term as it appears in the text, e.g. `preference optimization` or `가우시안`.
  public var term: String
  /// Its share of the cosine similarity, in (0, 1].
  public var share: Float
}

extension PaperIndex {
  /// Why two papers match: the terms they share that contribute most to their similarity.
  ///
  /// Character n-grams are named by the word they come from (`최적` by `최적화`), and a word
  /// inside a longer shared phrase is folded into it (`preference` into `preference
  /// optimization`), so the list reads as words. Terms under 2% of the score are left out.
  ///
  /// - Parameters:
  ///   - first: One paper's row.
  ///   - second: The other's.
  ///   - limit: The most terms to return.
  /// - Returns: Up to `limit` terms, largest share first.
  public func explanation(of first: Int, and second: Int, limit: Int = 5) -> [SharedTerm] {
    explanation(
      PaperIndex.text(of: papers[first], titleRepeats: vectorizer.configuration.titleRepeats),
      PaperIndex.text(of: papers[second], titleRepeats: vectorizer.configuration.titleRepeats),
      limit: limit)
  }

  /// Why a free text matches a paper; see ``explanation(of:and:limit:)``.
  ///
  /// - Parameters:
  ///   - text: The query text.
  ///   - row: The paper's row.
  ///   - limit: The most terms to return.
  /// - Returns: Up to `limit` terms, largest share first.
  public func explanation(ofQuery text: String, and row: Int, limit: Int = 5) -> [SharedTerm] {
    explanation(
      text, PaperIndex.text(of: papers[row], titleRepeats: vectorizer.configuration.titleRepeats),
      limit: limit)
  }

  private func explanation(_ first: String, _ second: String, limit: Int) -> [SharedTerm] {
    let shared = vectorizer.sharedTerms(first, second)
    let total = shared.reduce(0) { $0 + $1.contribution }
    guard total > 0 else { return [] }
    // Longest terms first, so fragments fold into words rather than the other way round.
    var terms: [(term: String, contribution: Float)] = []
    for candidate in shared.sorted(by: {
      $0.term.count > $1.term.count
        || ($0.term.count == $1.term.count && $0.contribution > $1.contribution)
    }) {
      if let owner = terms.firstIndex(where: { $0.term.contains(candidate.term) }) {
        terms[owner].contribution += candidate.contribution
      } else {
        terms.append(candidate)
      }
    }
    terms.removeAll { $0.contribution / total < 0.02 }
    return terms.sorted {
      $0.contribution > $1.contribution || ($0.contribution == $1.contribution && $0.term < $1.term)
    }
    .prefix(limit)
    .map { SharedTerm(term: $0.term, share: $0.contribution / total) }
  }
}
