import Foundation
import Testing
import _TestSupport

/// The commands' output on the built-in sample, compared with committed golden text.
@Suite struct CommandOutputTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  @Test(arguments: [
    (["list", "--sample", "--format", "tsv"], "list-sample.tsv"),
    (["list", "--sample"], "list-sample.txt"),
    (
      ["list", "--sample", "--format", "csv", "--date", "2024-05-31"], "list-sample-2024-05-31.csv"
    ),
    (
      ["list", "--sample", "--format", "json", "--since", "2024-07-01"],
      "list-sample-since-2024-07-01.json"
    ),
    (["show", "https://arxiv.org/abs/2406.11839v2", "--sample"], "show-2406.11839.txt"),
  ])
  func matchesGolden(arguments: [String], file: String) throws {
    let result = try runAffinity(arguments)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output == (try golden(file)))
  }

  @Test func tsvHasTheDocumentedHeader() throws {
    let result = try runAffinity(["list", "--sample", "--format", "tsv"])
    #expect(result.output.split(separator: "\n").first == "id\tdate\tvotes\tauthors\ttitle")
    #expect(result.output.split(separator: "\n").count == 21)
  }

  @Test func infoReportsTheLibraryAndOpenBLAS() throws {
    let missing = try runAffinity(["info"])
    #expect(missing.status == 0)
    #expect(missing.output.contains("not created yet"))
    #expect(try runAffinity(["add", "--sample"]).status == 0)
    let result = try runAffinity(["info", "--format", "json"])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(report["papers"] as? Int == 20)
    #expect(report["days"] as? Int == 5)
    #expect(report["schemaVersion"] as? Int == 5)
    #expect((report["blas"] as? String)?.contains("OpenBLAS") == true)
    #expect((report["blasThreads"] as? Int ?? 0) >= 1)
  }

  func runAffinity(_ arguments: [String]) throws -> CommandResult {
    try affinity(arguments, home: workspace.url)
  }
}
