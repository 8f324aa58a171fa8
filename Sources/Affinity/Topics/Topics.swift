import PaperCorpus

/// How papers are grouped.
public enum ClusteringMethod: String, Sendable, CaseIterable {
  /// Average-linkage agglomerative clustering of the papers' similarities.
  case agglomerative
  /// Spherical k-means (k-means++ seeding, several restarts).
  case kmeans
}

/// How many groups to make.
public enum GroupCount: Sendable, Equatable {
  /// Chosen from the data (see ``TopicChoice``).
  case automatic
  /// Exactly this many (at most one per paper).
  case fixed(Int)
}

/// One paper of a group.
public struct TopicMember: Sendable {
  /// The paper.
  public let paper: Paper
  /// Its cosine similarity to the group's centre (1 for a group of one): most central first.
  public let centrality: Float
}

/// A group of papers on one topic.
public struct TopicGroup: Sendable {
  /// Up to four terms specific to the group, most specific first (fewer when few are shared).
  public let label: [String]
  /// The papers, most central first.
  public let members: [TopicMember]
}

/// The scores of one candidate number of groups.
public struct GroupCountScore: Sendable, Equatable {
  /// The number of groups.
  public let count: Int
  /// The mean silhouette of that grouping (higher is better separated).
  public let silhouette: Float
  /// The gap after the `count`-th eigenvalue of the normalised affinity (higher suggests
  /// `count` separate groups).
  public let eigengap: Float
}

/// How the number of groups was chosen, and how clear the choice was.
public struct TopicChoice: Sendable {
  /// The number of groups made.
  public let count: Int
  /// Every candidate considered, by count (empty when the count was given).
  public let candidates: [GroupCountScore]
  /// The candidate count with the best silhouette (nil when the count was given).
  public let silhouetteCount: Int?
  /// The candidate count with the largest eigengap (nil when the count was given).
  public let eigengapCount: Int?
  /// Whether the chosen count stood out on both scores; when false the papers have no clearly
  /// better number of groups, the count is about six papers a group, and the result is one
  /// reasonable grouping among several.
  public let isClear: Bool
}

/// Papers grouped by topic.
public struct Topics: Sendable {
  /// The groups: larger first, groups of one last.
  public let groups: [TopicGroup]
  /// How the number of groups came about.
  public let choice: TopicChoice
  /// The method used.
  public let method: ClusteringMethod
}

/// Why papers could not be grouped.
public enum TopicError: Error, CustomStringConvertible, Equatable {
  /// More groups asked for than there are papers.
  case tooManyGroups(requested: Int, papers: Int)

  /// What went wrong.
  public var description: String {
    switch self {
    case .tooManyGroups(let requested, let papers):
      "asked for \(requested) groups of \(papers) papers"
    }
  }
}
