import Foundation
import Testing
import _TestSupport

@Suite struct TopicsCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  /// The sample's papers as JSON Lines, in the given order of `list`.
  private func sampleAsJSONLines(reversed: Bool) throws -> String {
    let list = try affinity("list", "--sample", "--format", "json", home: workspace.url)
    let papers = try #require(
      try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
    let lines = try papers.map { paper in
      let sections = paper["sections"] as? [[String: Any]] ?? []
      let record: [String: Any] = [
        "id": paper["id"] ?? "", "title": paper["title"] ?? "",
        "date": (paper["dates"] as? [String])?.first ?? paper["date"] ?? "2024-06-18",
        "text": sections.compactMap { $0["text"] as? String }.joined(separator: "\n"),
      ]
      return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
    }
    return (reversed ? lines.reversed() : lines).joined(separator: "\n") + "\n"
  }

  @Test func everyPaperIsInOneGroupWithALabel() throws {
    let result = try affinity("topics", "--sample", "--format", "tsv", home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    #expect(lines.first == ["topic", "label", "id", "score", "title"])
    let ids = lines.dropFirst().map { String($0[2]) }
    #expect(ids.count == 20 && Set(ids).count == 20)
    #expect(result.errors.contains("groups"))
  }

  @Test(arguments: ["agglomerative", "kmeans"])
  func theInputOrderChangesNothing(method: String) throws {
    let forward = try workspace.write("forward.jsonl", sampleAsJSONLines(reversed: false))
    let backward = try workspace.write("backward.jsonl", sampleAsJSONLines(reversed: true))
    let a = try affinity("topics", "--corpus", forward, "--method", method, home: workspace.url)
    let b = try affinity("topics", "--corpus", backward, "--method", method, home: workspace.url)
    #expect(a.status == 0 && b.status == 0, "\(a.errors)\(b.errors)")
    #expect(a.output == b.output)
    #expect(!a.output.isEmpty)
  }

  @Test func aFixedCountIsKeptAndJSONSaysHow() throws {
    let result = try affinity(
      "topics", "--sample", "--k", "4", "--format", "json", home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(document["k"] as? Int == 4)
    #expect((document["groups"] as? [[String: Any]])?.count == 4)
  }

  @Test(arguments: [
    (
      ["topics", "--sample", "--k", "25"], 1,
      "asked for 25 groups of 20 papers; use --k 20 or fewer"
    ),
    (["topics", "--sample", "--k", "0"], 64, "--k must be at least 1"),
    (["topics", "--sample", "--k", "-2"], 64, "--k must be at least 1, or auto (got -2)"),
    (["topics", "--sample", "--k", "many"], 64, "--k"),
    (["topics", "--sample", "--date", "1999-01-01"], 1, "no papers match --date 1999-01-01"),
    (["topics", "--sample", "--method", "spectral"], 64, "--method"),
  ])
  func badRequestsAreClearErrors(arguments: [String], status: Int32, message: String) throws {
    let result = try affinity(arguments, home: workspace.url)
    #expect(result.status == status)
    #expect(result.errors.contains(message), "\(result.errors)")
  }

  @Test(.enabled(if: SharedCorpus.shouldRun))
  func preferenceOptimisationPapersShareAGroupOnTheSharedCorpus() throws {
    let result = try affinity(
      "topics", "--corpus", SharedCorpus.path, "--format", "tsv", home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    var topicOf: [String: String] = [:]
    var labelOf: [String: String] = [:]
    for line in result.output.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      topicOf[String(fields[2])] = String(fields[0])
      labelOf[String(fields[0])] = String(fields[1])
    }
    #expect(topicOf.count == 76)
    // WPO and Xwin-LM (RLHF and preference alignment) land together, and mDPO with WPO.
    #expect(topicOf["2406.11827"] == topicOf["2405.20335"])
    #expect(topicOf["2406.11839"] == topicOf["2406.11827"])
    #expect(labelOf[topicOf["2406.11839"] ?? ""]?.contains("preference") == true)
    // Gaussian 3D generation (GaussianDreamerPro) and 4D reconstruction (L4GM) land together.
    #expect(topicOf["2406.18462"] == topicOf["2406.10324"])
    // No number of groups stands out on 76 papers, so the output says so and makes about six
    // papers a group: 13.
    #expect(Set(topicOf.values).count == 13)
    #expect(result.errors.contains("about six papers a group"), "\(result.errors)")
  }

  /// `count` papers in `topics` topics as JSON Lines over `days` days: each topic has its own
  /// made-up words, every summary mixes them with words common to all.
  private func generatedCorpus(_ count: Int, topics: Int, days: Int = 6) throws -> String {
    var state: UInt64 = 11
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    func word() -> String { String((0..<(4 + next(5))).map { _ in letters[next(26)] }) }
    let common = (0..<200).map { _ in word() }
    let vocabularies = (0..<topics).map { _ in (0..<25).map { _ in word() } }
    let lines = try (0..<count).map { index in
      let vocabulary = vocabularies[next(topics)]
      let record: [String: Any] = [
        "id": String(format: "2407.%05d", index + 1),
        "title": (0..<6).map { _ in vocabulary[next(25)] }.joined(separator: " "),
        "date": String(format: "2024-07-%02d", 1 + index % days),
        "text": (0..<80).map { _ in next(3) == 0 ? vocabulary[next(25)] : common[next(200)] }
          .joined(separator: " "),
      ]
      return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
    }
    return try workspace.write("generated-\(count).jsonl", lines.joined(separator: "\n") + "\n")
  }

  @Test func moreThanAWeeksPapersFormAHierarchyWithTimelines() throws {
    let corpus = try generatedCorpus(600, topics: 50)
    let json = try affinity("topics", "--corpus", corpus, "--format", "json", home: workspace.url)
    #expect(json.status == 0, "\(json.errors)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(document["method"] as? String == "hierarchical")
    let days = try #require(document["days"] as? [String])
    #expect(days.count == 6 && days.first == "2024-07-01")
    let groups = try #require(document["groups"] as? [[String: Any]])
    #expect((5...40).contains(groups.count))
    #expect((document["levels"] as? [[String: Any]])?.count ?? 0 >= 2)
    func check(_ group: [String: Any], path: String) -> Int {
      #expect(group["topic"] as? String == path)
      let timeline = group["timeline"] as? [Int] ?? []
      #expect(timeline.count == 6 && timeline.reduce(0, +) == group["size"] as? Int)
      guard let subgroups = group["subgroups"] as? [[String: Any]] else { return 1 }
      let sizes = subgroups.map { $0["size"] as? Int ?? 0 }
      #expect(sizes.reduce(0, +) == group["size"] as? Int)
      return subgroups.enumerated().reduce(0) {
        $0 + check($1.element, path: path + ".\($1.offset + 1)")
      }
    }
    let finest = groups.enumerated().reduce(0) { $0 + check($1.element, path: "\($1.offset + 1)") }
    #expect(finest == 50)

    let tsv = try affinity("topics", "--corpus", corpus, "--format", "tsv", home: workspace.url)
    let rows = tsv.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t") }
    #expect(rows.count == 600 && Set(rows.map { $0[2] }).count == 600)
    #expect(rows.allSatisfy { (1...3).contains($0[0].split(separator: ".").count) })
    #expect(rows.contains { $0[0].contains(".") })

    let table = try affinity("topics", "--corpus", corpus, home: workspace.url)
    #expect(table.output.contains("\n   1.1. "))
    #expect(table.output.contains("6 days with papers from 2024-07-01 to 2024-07-06"))
    #expect(table.output.hasPrefix("600 papers as a hierarchy of"))
  }

  @Test func aFlatMethodOnTooManyPapersSaysWhatToDo() throws {
    let corpus = try generatedCorpus(2001, topics: 10)
    let result = try affinity(
      "topics", "--corpus", corpus, "--method", "kmeans", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.errors.contains("kmeans groups at most 2000 papers, and 2001 were selected"))
  }
}
