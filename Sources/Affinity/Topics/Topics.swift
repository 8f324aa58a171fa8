import PaperCorpus

/// How papers are grouped.
public enum ClusteringMethod: String, Sendable, CaseIterable {
  /// Average-linkage agglomerative clustering of the papers' similarities.
  case agglomerative
  /// Spherical k-means (k-means++ seeding, several restarts).
  case kmeans
  /// A hierarchy for spans of any size: papers placed in a latent space learned from a sample,
  /// gathered into small clusters by k-means, joined by average linkage, and cut at a top
  /// level of about 5–40 groups and finer levels below (see
  /// `SimilarityCore.Matrix.clusterHierarchy`).
  case hierarchical

  /// The method used when none is asked for: agglomerative up to ``Topics/flatLimit`` papers
  /// (a day or a week of digests), hierarchical above.
  public static func automatic(papers: Int) -> ClusteringMethod {
    papers > Topics.flatLimit ? .hierarchical : .agglomerative
  }
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

/// A group of papers on one topic, perhaps split into subgroups.
public struct TopicGroup: Sendable {
  /// Up to four terms specific to the group, most specific first (fewer when few are shared).
  /// A subgroup's terms set it apart from the rest of its parent, and differ from its
  /// ancestors' terms.
  public let label: [String]
  /// The papers (those of all its subgroups), most central first.
  public let members: [TopicMember]
  /// The subgroups, larger first; empty for a finest group.
  public let subgroups: [TopicGroup]

  /// Creates a group.
  public init(label: [String], members: [TopicMember], subgroups: [TopicGroup] = []) {
    self.label = label
    self.members = members
    self.subgroups = subgroups
  }

  /// The order groups are listed in: larger first, then by their most central paper's id.
  static func largerFirst(_ a: TopicGroup, _ b: TopicGroup) -> Bool {
    (a.members.count, b.members[0].paper.id) > (b.members.count, a.members[0].paper.id)
  }

  /// The group's papers on each of `days` (by the day each first appeared), in order: its
  /// timeline.
  public func papersPerDay(_ days: [Day]) -> [Int] {
    var positions: [Day: Int] = [:]
    for (position, day) in days.enumerated() { positions[day] = position }
    var counts = [Int](repeating: 0, count: days.count)
    for member in members {
      if let day = member.paper.firstDate, let position = positions[day] { counts[position] += 1 }
    }
    return counts
  }
}

/// The scores of one candidate number of groups.
public struct GroupCountScore: Sendable, Equatable {
  /// The number of groups.
  public let count: Int
  /// The mean silhouette of that grouping (higher is better separated).
  public let silhouette: Float
  /// The gap after the `count`-th eigenvalue of the normalised affinity (higher suggests
  /// `count` separate groups); nil for the levels of a hierarchy.
  public let eigengap: Float?
}

/// How the number of groups (of one level) was chosen, and how clear the choice was.
public struct TopicChoice: Sendable {
  /// The number of groups made.
  public let count: Int
  /// Every candidate considered, by count (empty when the count was given).
  public let candidates: [GroupCountScore]
  /// The candidate count with the best silhouette (nil when the count was given).
  public let silhouetteCount: Int?
  /// The candidate count with the largest eigengap (nil when the count was given).
  public let eigengapCount: Int?
  /// Whether the chosen count stood out; when false the papers have no clearly better number
  /// of groups and the result is one reasonable grouping among several. Flat groups: the best
  /// silhouette beat the runner-up by 0.02 and the eigengap agreed, else the count is about
  /// six papers a group. A hierarchy's level: its silhouette beat every count more than a
  /// tenth away by 0.02.
  public let isClear: Bool
}

/// Papers grouped by topic.
public struct Topics: Sendable {
  /// The most papers grouped flat when no method is asked for (``ClusteringMethod/automatic(papers:)``).
  public static let flatLimit = 200
  /// The most papers the flat methods group (they decompose the papers' similarity matrix).
  public static let flatMaximum = 2000

  /// The (top-level) groups: larger first, groups of one last.
  public let groups: [TopicGroup]
  /// How the number of groups came about at each level, top level first: one level for flat
  /// groups.
  public let levels: [TopicChoice]
  /// The method used.
  public let method: ClusteringMethod
  /// The days the papers first appeared on, in order: the days of the groups' timelines.
  public let days: [Day]

  /// How the number of top-level groups came about.
  public var choice: TopicChoice { levels[0] }

  /// Creates a result; ``days`` are the groups' papers' days.
  public init(groups: [TopicGroup], levels: [TopicChoice], method: ClusteringMethod) {
    self.groups = groups
    self.levels = levels
    self.method = method
    days = Set(groups.flatMap { $0.members.compactMap(\.paper.firstDate) }).sorted()
  }
}

/// Why papers could not be grouped.
public enum TopicError: Error, CustomStringConvertible, Equatable {
  /// More groups asked for than there are papers.
  case tooManyGroups(requested: Int, papers: Int)
  /// A flat method asked for more papers than it can group.
  case tooManyPapersForFlatGroups(method: ClusteringMethod, papers: Int)

  /// What went wrong.
  public var description: String {
    switch self {
    case .tooManyGroups(let requested, let papers):
      "asked for \(requested) groups of \(papers) papers"
    case .tooManyPapersForFlatGroups(let method, let papers):
      "\(method.rawValue) groups at most \(Topics.flatMaximum) papers, and \(papers) were "
        + "selected; leave --method out (or use --method hierarchical) to group them as a "
        + "hierarchy, or select fewer papers"
    }
  }
}
