extension Recommender {
  /// The papers grouped by topic (as ``topics(of:count:method:seed:progress:)`` without a
  /// method) and laid out on a plane by their similarities; see ``TopicMap``.
  ///
  /// A span grouped flat (up to ``Topics/flatLimit`` papers) is laid out by classical scaling
  /// of the papers' exact cosines; a hierarchy by its finest groups' centres, with each group's
  /// papers around its centre, so the layout is never papers × papers.
  ///
  /// - Parameters:
  ///   - selection: The papers.
  ///   - seed: Seeds the grouping.
  ///   - progress: Told what is being done, for long runs.
  /// - Returns: The map.
  /// - Throws: `RecommendationError` for an empty or bad selection.
  public func topicMap(
    of selection: PaperSelection = .all, seed: UInt64 = 1, progress: (String) -> Void = { _ in }
  ) throws -> TopicMap {
    let library = try source.allPapers()
    let rows = try selection.rows(in: library)
    let configuration = configuration.forTopics
    switch ClusteringMethod.automatic(papers: rows.count) {
    case .hierarchical:
      let grouped = try HierarchicalTopics.grouped(
        library, rows: rows, configuration: configuration, count: .automatic, seed: seed,
        progress: progress)
      progress("laying out the map")
      return try TopicMap(topics: grouped.topics, papers: grouped.papers, latent: grouped.latent)
    case let method:
      progress("grouping \(rows.count) papers")
      let index = PaperIndex(library: library, keeping: rows, configuration: configuration)
      return try TopicMap(topics: try index.topics(method: method, seed: seed), index: index)
    }
  }
}
