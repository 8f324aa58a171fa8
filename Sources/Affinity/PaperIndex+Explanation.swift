import PaperCorpus

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
    SharedTerm.strongest(
      of: vectorizer.sharedTerms(
        between: vectors[first], and: vectors[second],
        namingFrom: PaperIndex.text(
          of: papers[first], titleRepeats: vectorizer.configuration.titleRepeats)),
      limit: limit)
  }
}
