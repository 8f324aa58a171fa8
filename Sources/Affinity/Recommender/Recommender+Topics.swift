extension Recommender {
  /// Groups papers by topic and labels each group; see ``Topics``.
  ///
  /// Papers are vectorised with the model's topic weighting
  /// (``NGramVectorizer/VectorizerConfiguration/forTopics``), which groups better than the one
  /// tuned for search. Without a method, up to ``Topics/flatLimit`` papers (a day or a week of
  /// digests) are grouped flat by average linkage, and more as a hierarchy.
  ///
  /// - Parameters:
  ///   - selection: The papers to group.
  ///   - count: `.automatic`, or a fixed number of (top-level) groups.
  ///   - method: How to group; nil chooses by the number of papers
  ///     (``ClusteringMethod/automatic(papers:)``).
  ///   - seed: Seeds k-means and samples.
  ///   - progress: Told what is being done, for long runs.
  /// - Returns: The groups with labels, and how their number was chosen.
  /// - Throws: `RecommendationError` for an empty or bad selection, `TopicError` for more groups
  ///   than papers or a flat method on more than ``Topics/flatMaximum`` papers.
  /// - Complexity: O(`n³`) for `n` papers grouped flat; about linear in `n` as a hierarchy.
  public func topics(
    of selection: PaperSelection = .all, count: GroupCount = .automatic,
    method: ClusteringMethod? = nil, seed: UInt64 = 1, progress: (String) -> Void = { _ in }
  ) throws -> Topics {
    let library = try source.allPapers()
    let rows = try selection.rows(in: library)
    let configuration = configuration.forTopics
    switch method ?? .automatic(papers: rows.count) {
    case .hierarchical:
      return try HierarchicalTopics.topics(
        of: library, rows: rows, configuration: configuration, count: count, seed: seed,
        progress: progress)
    case let flat:
      guard rows.count <= Topics.flatMaximum else {
        throw TopicError.tooManyPapersForFlatGroups(method: flat, papers: rows.count)
      }
      progress("grouping \(rows.count) papers")
      return try PaperIndex(library: library, keeping: rows, configuration: configuration)
        .topics(count: count, method: flat, seed: seed)
    }
  }
}
