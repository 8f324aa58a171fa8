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
      vectorizer.sharedTerms(
        between: vectors[first], and: vectors[second],
        namingFrom: PaperIndex.text(
          of: papers[first], titleRepeats: vectorizer.configuration.titleRepeats)),
      limit: limit)
  }

  /// Why a free text matches papers; see ``explanation(of:and:limit:)``.
  ///
  /// - Parameters:
  ///   - text: The query text.
  ///   - rows: The papers' rows.
  ///   - limit: The most terms to return per paper.
  /// - Returns: One list per row, up to `limit` terms each, largest share first.
  public func explanations(ofQuery text: String, and rows: [Int], limit: Int = 5)
    -> [[SharedTerm]]
  {
    let query = vectorizer.vector(for: text)
    return rows.map { row in
      explanation(
        vectorizer.sharedTerms(between: query, and: vectors[row], namingFrom: text), limit: limit)
    }
  }

  /// Folds shared features into readable terms and keeps the largest shares.
  private func explanation(_ shared: [(term: String, contribution: Float)], limit: Int)
    -> [SharedTerm]
  {
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
