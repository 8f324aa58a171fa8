import Foundation
import Testing
import _TestSupport

@Suite struct ReadingCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  @Test func listWithoutALibrarySaysHowToMakeOne() throws {
    let result = try affinity("list", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.errors.contains("no library at "))
    #expect(result.errors.contains("affinity add PATH…"))
  }

  @Test func listOfAnEmptyDayIsAnEmptyTableAndANote() throws {
    let result = try affinity(
      "list", "--sample", "--date", "2020-01-01", "--format", "tsv", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.output == "id\tdate\tvotes\tauthors\ttitle\n")
    #expect(result.errors.contains("no papers match --date 2020-01-01"))
  }

  @Test func impossibleDateIsAUsageError() throws {
    let result = try affinity("list", "--sample", "--date", "2024-02-30", home: workspace.url)
    #expect(result.status == 64)
    #expect(result.errors.contains("2024-02-30"))
  }

  @Test func dbAndCorpusTogetherIsAUsageError() throws {
    let result = try affinity("list", "--sample", "--db", "x.sqlite", home: workspace.url)
    #expect(result.status == 64)
    #expect(result.errors.contains("Choose one"))
  }

  @Test func unknownIDSuggestsList() throws {
    let result = try affinity("show", "2406.99999", "--sample", home: workspace.url)
    #expect(result.status == 1)
    #expect(
      result.errors
        == "Error: no paper 2406.99999 in the given files; 'affinity list' shows the papers there are\n"
    )
  }

  @Test func malformedIDIsExplained() throws {
    let result = try affinity("show", "mdpo", "--sample", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.errors.contains("'mdpo' is not an arXiv id"))
  }

  @Test func corpusProblemsAreReportedButGoodPapersStillListed() throws {
    let path = try workspace.write(
      "d.md",
      "## Daily Papers (2024-06-18)\n### [Fine](https://arxiv.org/abs/2406.00001)\nVote: lots\n### [Also fine](https://arxiv.org/abs/2406.00002)\n"
    )
    let result = try affinity("list", "--corpus", path, "--format", "tsv", home: workspace.url)
    #expect(result.status == 1)
    #expect(
      result.output == "id\tdate\tvotes\tauthors\ttitle\n2406.00002\t2024-06-18\t\t0\tAlso fine\n")
    #expect(result.errors == "\(path):3: expected 'Vote: N' or 'Vote: -', found 'Vote: lots'\n")
  }
}

@Suite(
  .enabled(if: SharedCorpus.shouldRun, "../shared/corpus/daily-papers is not beside the repository")
)
struct SharedCorpusCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  @Test func corpusListsEveryPaperAndAddingTwiceStoresTheSame() throws {
    let listed = try affinity(
      "list", "--corpus", SharedCorpus.path, "--format", "tsv", home: workspace.url)
    #expect(listed.status == 0, "\(listed.errors)")
    let rows = listed.output.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 77)
    #expect(rows.allSatisfy { $0.count == 5 })
    #expect(
      rows.contains([
        "2405.19707", "2024-05-31", "", "11",
        "DeMamba: AI-Generated Video Detection on Million-Scale GenVideo Benchmark",
      ]))
    #expect(
      rows.contains([
        "2406.11794", "2024-06-18", "38", "22",
        "DataComp-LM: In search of the next generation of training sets for language models",
      ]))

    let first = try affinity("add", SharedCorpus.path, home: workspace.url)
    #expect(
      first.status == 0
        && first.output.hasPrefix("added 76, updated 0, unchanged 0, rejected 0 (5 files"))
    let second = try affinity("add", SharedCorpus.path, home: workspace.url)
    #expect(
      second.status == 0 && second.output.hasPrefix("added 0, updated 0, unchanged 76, rejected 0"))
    #expect(try affinity("list", "--format", "tsv", home: workspace.url).output == listed.output)
  }
}
