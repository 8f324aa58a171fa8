import NGramVectorizer
import PaperCorpus
import SimilarityCore

/// Groups a span of papers of any size as a hierarchy (``ClusteringMethod/hierarchical``).
enum HierarchicalTopics {
  /// Groups papers as a hierarchy and labels every group.
  ///
  /// The papers (sorted by id, so their order never matters) are placed in a latent semantic
  /// space learned from a seeded sample (``PaperIndex/latentRows(of:keeping:configuration:sampleSize:dimensions:seed:)``)
  /// and clustered there (`SimilarityCore.Matrix.clusterHierarchy`). A group whose next level
  /// would hold it whole is not repeated: its subgroups come from the first level that splits
  /// it. Members are ordered by their cosine to the group's centre in the latent space.
  ///
  /// - Parameters:
  ///   - library: Every paper of the library (for the IDF).
  ///   - rows: The papers to group, by position in `library`.
  ///   - configuration: The topic weighting of the model.
  ///   - count: `.automatic`, or the number of top-level groups.
  ///   - seed: Seeds the sample and the k-means.
  ///   - progress: Told what is being done, for long runs.
  /// - Throws: `TopicError` for more groups than papers, `LinearAlgebraError` when a
  ///   decomposition fails.
  /// - Complexity: O(papers × (text + small clusters × dimensions)); memory O(papers ×
  ///   dimensions), never papers².
  static func topics(
    of library: [Paper], rows: [Int], configuration: VectorizerConfiguration,
    count: GroupCount, seed: UInt64, progress: (String) -> Void = { _ in }
  ) throws -> Topics {
    try grouped(
      library, rows: rows, configuration: configuration, count: count, seed: seed,
      progress: progress
    ).topics
  }

  /// ``topics(of:rows:configuration:count:seed:progress:)`` with the papers' places in the latent
  /// space they were grouped in.
  ///
  /// - Returns: The topics, the papers sorted by id, and their latent rows in that order.
  static func grouped(
    _ library: [Paper], rows: [Int], configuration: VectorizerConfiguration,
    count: GroupCount, seed: UInt64, progress: (String) -> Void
  ) throws -> (topics: Topics, papers: [Paper], latent: Matrix) {
    var topCount: Int?
    if case .fixed(let k) = count {
      guard k <= rows.count else {
        throw TopicError.tooManyGroups(requested: k, papers: rows.count)
      }
      topCount = k
    }
    let sorted = rows.sorted { library[$0].id < library[$1].id }
    progress("placing \(sorted.count) papers in a latent space")
    let latent = try PaperIndex.latentRows(
      of: library, keeping: sorted, configuration: configuration, seed: seed)
    progress("clustering")
    let hierarchy = latent.clusterHierarchy(topCount: topCount, seed: seed)
    progress("labelling")
    let papers = sorted.map { library[$0] }
    let builder = Builder(
      papers: papers, latent: latent, levels: hierarchy.levels.map(\.clustering.assignments),
      labeler: TopicLabeler(papers: papers))
    let groups = builder.groups(of: Array(papers.indices), level: 0, ancestors: [], isTop: true)
    let topics = Topics(
      groups: groups,
      levels: hierarchy.levels.map { level in
        let best = level.candidates.max {
          ($0.silhouette, $1.count) < ($1.silhouette, $0.count)
        }
        return TopicChoice(
          count: level.clustering.count,
          candidates: level.candidates.map {
            GroupCountScore(count: $0.count, silhouette: $0.silhouette, eigengap: nil)
          },
          silhouetteCount: level.candidates.count > 1 ? best?.count : nil,
          eigengapCount: nil, isClear: level.isClear)
      },
      method: .hierarchical)
    return (topics, papers, latent)
  }

  /// Builds the groups of one level within a parent, and theirs below.
  private struct Builder {
    let papers: [Paper]
    let latent: Matrix
    /// Each level's cluster of every paper, coarsest first.
    let levels: [[Int]]
    let labeler: TopicLabeler

    /// The groups that `positions` (a parent's papers) split into at `level` or the first level
    /// below that splits them; none when no level does.
    func groups(of positions: [Int], level: Int, ancestors: [String], isTop: Bool) -> [TopicGroup] {
      guard level < levels.count else { return [] }
      var clusters: [Int: [Int]] = [:]
      var order: [Int] = []
      for position in positions {
        let cluster = levels[level][position]
        if clusters[cluster] == nil { order.append(cluster) }
        clusters[cluster, default: []].append(position)
      }
      let parts = order.compactMap { clusters[$0] }
      guard parts.count > 1 || isTop else {
        return groups(of: positions, level: level + 1, ancestors: ancestors, isTop: false)
      }
      let labels = labeler.labels(
        of: parts, among: isTop ? nil : positions, avoiding: ancestors)
      return zip(parts, labels).map { part, label in
        TopicGroup(
          label: label, members: members(part),
          subgroups: groups(
            of: part, level: level + 1, ancestors: ancestors + label, isTop: false))
      }
      .sorted(by: TopicGroup.largerFirst)
    }

    /// The papers at `positions`, most central first: each one's cosine to their sum.
    private func members(_ positions: [Int]) -> [TopicMember] {
      var centre = [Float](repeating: 0, count: latent.columns)
      for position in positions {
        for (column, value) in latent.row(position).enumerated() { centre[column] += value }
      }
      let norm = centre.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return positions.map { position in
        let dot = zip(latent.row(position), centre).reduce(0) { $0 + $1.0 * $1.1 }
        return TopicMember(paper: papers[position], centrality: norm > 0 ? dot / norm : 0)
      }
      .sorted { ($0.centrality, $1.paper.id) > ($1.centrality, $0.paper.id) }
    }
  }
}
