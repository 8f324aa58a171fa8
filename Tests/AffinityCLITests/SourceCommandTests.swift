import Foundation
import Testing
import _TestSupport

/// The arXiv metadata snapshot and the Hugging Face daily-papers API at the command line, and
/// categories.
@Suite struct SourceCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  /// A fixture of the corpus tests, in the shape of a real source with our own texts.
  func fixture(_ name: String) -> String {
    SharedCorpus.repository.appendingPathComponent("Tests/PaperCorpusTests/Fixtures/\(name)").path
  }

  @Test func realSourcesAreAddedAndCategoriesFilter() throws {
    let added = try affinity(
      "add", "--quiet", fixture("arxiv-snapshot.json"), fixture("hf-daily-papers.json"),
      home: workspace.url)
    // The two bad items of the API file are reported; the rest goes in.
    #expect(added.status == 1)
    #expect(added.output.hasPrefix("added 4, updated 1, unchanged 0, rejected 2 (2 files"))
    #expect(added.errors.contains("hf-daily-papers.json: item 3: missing field 'paper.id'"))

    let shown = try affinity("show", "0704.0001", home: workspace.url)
    #expect(shown.output.contains("authors: C. Balázs, E. L. Berger, P. M. Nadolsky, C. -P. Yuan"))
    #expect(shown.output.contains("categories: hep-ph"))
    #expect(shown.output.contains("listed:  2007-04-02"))
    // The API's listing of mDPO (a day later, with votes) keeps the snapshot's categories.
    let mdpo = try affinity("show", "2406.11839", "--format", "json", home: workspace.url)
    let paper = try #require(
      try JSONSerialization.jsonObject(with: Data(mdpo.output.utf8)) as? [String: Any])
    #expect(paper["categories"] as? [String] == ["cs.CV", "cs.CL"])
    #expect(paper["votes"] as? Int == 37)

    func ids(_ arguments: String...) throws -> [String] {
      try affinity(["list", "--format", "tsv"] + arguments, home: workspace.url).output
        .split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
    }
    #expect(try ids("--category", "hep-th") == ["hep-th/9901001"])
    #expect(try ids("--category", "math") == ["hep-th/9901001"])  // math.MP
    #expect(try ids("--category", "cs.cl") == ["2406.11839"])
    let none = try affinity("list", "--category", "q-bio", home: workspace.url)
    #expect(none.status == 1 && none.errors.contains("no papers match --category q-bio"))
    let related = try affinity(
      "related", "0704.0001", "--category", "hep-th", "--format", "tsv", home: workspace.url)
    #expect(related.status == 0, "\(related.errors)")
  }
}
