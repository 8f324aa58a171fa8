/// A term two texts share, and how much of their similarity it accounts for.
public struct SharedTerm: Sendable, Hashable {
  /// The term as it appears in the text, e.g. `preference optimization` or `가우시안`.
  public var term: String
  /// Its share of the cosine similarity, in (0, 1].
  public var share: Float
}

extension SharedTerm {
  /// Shared features folded into readable terms, the largest shares kept.
  ///
  /// Character n-grams arrive named by their word (`최적` by `최적화`); a term that starts a
  /// word of a longer shared term is folded into it (`preference` and `optimization` into
  /// `preference optimization`, `선호` into `선호도`, but not `dpo` into `mdpo`), and terms under
  /// 2% of the score are left out.
  ///
  /// - Parameters:
  ///   - shared: Terms with their contributions to a cosine (see `NGramVectorizer.sharedTerms`).
  ///   - limit: The most terms to return.
  /// - Returns: Up to `limit` terms, largest share first.
  static func strongest(of shared: [(term: String, contribution: Float)], limit: Int)
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
      if let owner = terms.firstIndex(where: {
        $0.term.hasPrefix(candidate.term) || $0.term.contains(" " + candidate.term)
      }) {
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
