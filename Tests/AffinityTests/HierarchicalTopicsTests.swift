import Affinity
import PaperCorpus
import Testing

@Suite struct HierarchicalTopicsTests {
  static let generated = generatedPapersWithTopics(900, topics: 60)

  static func hierarchy(of papers: [Paper], count: GroupCount = .automatic) throws -> Topics {
    try Recommender(papers: papers).topics(count: count, method: .hierarchical)
  }

  /// Every group with its path, depth first.
  static func walk(_ groups: [TopicGroup], prefix: String = "") -> [(String, TopicGroup)] {
    groups.enumerated().flatMap { index, group in
      [(prefix + String(index + 1), group)]
        + walk(group.subgroups, prefix: prefix + String(index + 1) + ".")
    }
  }

  @Test func everyPaperIsInOneFinestGroupAndParentsHoldTheirChildren() throws {
    let topics = try Self.hierarchy(of: Self.generated.papers)
    #expect(topics.method == .hierarchical)
    #expect((5...40).contains(topics.groups.count))
    #expect(topics.levels.count >= 2)
    let all = Self.walk(topics.groups)
    let finest = all.filter { $0.1.subgroups.isEmpty }
    let ids = finest.flatMap { $0.1.members.map(\.paper.id) }
    #expect(ids.count == 900 && Set(ids) == Set(Self.generated.papers.map(\.id)))
    for (path, group) in all where !group.subgroups.isEmpty {
      #expect(group.subgroups.count >= 2, "\(path) has one subgroup")
      let union = group.subgroups.flatMap { $0.members.map(\.paper.id) }
      #expect(
        union.count == group.members.count && Set(union) == Set(group.members.map(\.paper.id)))
      #expect(
        zip(group.subgroups, group.subgroups.dropFirst()).allSatisfy {
          $0.members.count >= $1.members.count
        })
      let ancestors = group.label
      for subgroup in group.subgroups {
        #expect(Set(subgroup.label).isDisjoint(with: ancestors), "\(path): \(subgroup.label)")
      }
    }
    for (_, group) in all {
      #expect(!group.label.isEmpty)
      #expect(
        zip(group.members, group.members.dropFirst()).allSatisfy {
          $0.centrality >= $1.centrality
        })
    }
  }

  /// The generator's 60 topics come back as the finest groups.
  @Test func theFinestGroupsAreTheGeneratedTopics() throws {
    let topics = try Self.hierarchy(of: Self.generated.papers)
    let topicOf = Dictionary(
      uniqueKeysWithValues: zip(Self.generated.papers.map(\.id), Self.generated.topics))
    let finest = Self.walk(topics.groups).filter { $0.1.subgroups.isEmpty }
    #expect(finest.count == 60)
    for (path, group) in finest {
      #expect(Set(group.members.map { topicOf[$0.paper.id] }).count == 1, "\(path) is mixed")
    }
  }

  @Test func theInputOrderChangesNothing() throws {
    let forward = try Self.hierarchy(of: Self.generated.papers)
    let backward = try Self.hierarchy(of: Self.generated.papers.reversed())
    func shape(_ topics: Topics) -> [String] {
      Self.walk(topics.groups).map { path, group in
        path + " " + group.label.joined(separator: ",") + " "
          + group.members.map(\.paper.id.rawValue).joined(separator: ",")
      }
    }
    #expect(shape(forward) == shape(backward))
  }

  @Test func aGivenTopCountIsKeptWithSubgroupsBelow() throws {
    let topics = try Self.hierarchy(of: Self.generated.papers, count: .fixed(6))
    #expect(topics.groups.count == 6)
    #expect(topics.groups.contains { !$0.subgroups.isEmpty })
    #expect(throws: TopicError.tooManyGroups(requested: 901, papers: 900)) {
      try Self.hierarchy(of: Self.generated.papers, count: .fixed(901))
    }
  }

  @Test func timelinesCountEachGroupsPapersPerDay() throws {
    let topics = try Self.hierarchy(of: Self.generated.papers)
    #expect(topics.days.count == 10)
    #expect(topics.days == topics.days.sorted())
    for (_, group) in Self.walk(topics.groups) {
      let timeline = group.papersPerDay(topics.days)
      #expect(timeline.reduce(0, +) == group.members.count)
      for (day, count) in zip(topics.days, timeline) {
        #expect(count == group.members.filter { $0.paper.firstDate == day }.count)
      }
    }
  }

  /// The size at which the flat grouping used to fail (its eigendecomposition of the papers'
  /// 5,000 × 5,000 similarity matrix): grouped as a hierarchy by default now.
  @Test func fiveThousandPapersAreGroupedAsAHierarchy() throws {
    let papers = generatedPapers(5000, topics: 60)
    let topics = try Recommender(papers: papers).topics()
    #expect(topics.method == .hierarchical)
    #expect((5...40).contains(topics.groups.count))
    #expect(topics.groups.reduce(0) { $0 + $1.members.count } == 5000)
  }

  @Test func flatMethodsRefuseMoreThanTheyCanGroup() throws {
    let papers = generatedPapers(Topics.flatMaximum + 1, topics: 20)
    #expect(throws: TopicError.tooManyPapersForFlatGroups(method: .kmeans, papers: 2001)) {
      try Recommender(papers: papers).topics(method: .kmeans)
    }
    #expect(ClusteringMethod.automatic(papers: Topics.flatLimit) == .agglomerative)
    #expect(ClusteringMethod.automatic(papers: Topics.flatLimit + 1) == .hierarchical)
  }
}
