extension Recommender {
  /// Groups papers by topic and labels each group; see ``Topics``.
  ///
  /// Papers are vectorised with the model's topic weighting
  /// (``NGramVectorizer/VectorizerConfiguration/forTopics``), which groups better than the one
  /// tuned for search.
  ///
  /// - Parameters:
  ///   - selection: The papers to group.
  ///   - count: `.automatic`, or a fixed number of groups.
  ///   - method: Agglomerative (the default) or k-means.
  ///   - seed: Seeds k-means.
  /// - Returns: The groups with labels, and how their number was chosen.
  /// - Throws: `RecommendationError` for an empty or bad selection, `TopicError` for more groups
  ///   than papers.
  /// - Complexity: O(`n³`) for `n` papers (eigendecomposition, linkage, silhouettes).
  public func topics(
    of selection: PaperSelection = .all, count: GroupCount = .automatic,
    method: ClusteringMethod = .agglomerative, seed: UInt64 = 1
  ) throws -> Topics {
    try paperIndex(of: selection, configuration: configuration.forTopics)
      .topics(count: count, method: method, seed: seed)
  }
}
