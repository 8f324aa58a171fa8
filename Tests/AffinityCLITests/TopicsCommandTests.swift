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
}
