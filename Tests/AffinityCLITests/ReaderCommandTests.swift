import Foundation
import PaperCorpus
import Testing
import _TestSupport

@testable import AffinityCLI

/// The reader's morning: marks in the library, `recommend`, and profiles of several papers.
@Suite struct ReaderCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  func run(_ arguments: String...) throws -> CommandResult {
    try affinity(arguments, home: workspace.url)
  }

  func tsvRows(_ output: String) -> [[String]] {
    output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
  }

  @Test func aMorningMarksTwoPapersAndGetsTheDayRankedForThem() throws {
    #expect(try run("add", "--sample").status == 0)
    let marked = try run(
      "mark", "liked", "2406.11839", "https://huggingface.co/papers/2406.11827#community")
    #expect(marked.status == 0, "\(marked.errors)")
    #expect(marked.output == "marked 2 papers liked\n")
    let marks = try run("marks", "--format", "tsv")
    #expect(marks.output.hasPrefix("id\tmark\tday\ttitle\n"))
    #expect(
      tsvRows(marks.output).map { $0[0] + " " + $0[1] } == [
        "2406.11827 liked", "2406.11839 liked",
      ])
    #expect(tsvRows(marks.output).allSatisfy { Day($0[2]) != nil })

    let ranked = try run("recommend", "--date", "2024-06-18", "--format", "tsv")
    #expect(ranked.status == 0, "\(ranked.errors)")
    #expect(ranked.output.hasPrefix("query\trank\tid\tscore\ttitle\n"))
    let rows = tsvRows(ranked.output)
    #expect(rows.count == 5)  // the 18th's seven papers, less the two liked
    #expect(rows.allSatisfy { $0[0] == "-" })
    #expect(!rows.contains { ["2406.11839", "2406.11827"].contains($0[2]) })

    let explained = try run("recommend", "--date", "2024-06-18", "--explain", "-k", "2")
    #expect(explained.status == 0)
    #expect(explained.output.contains("near 2406.1183"))
    #expect(explained.output.contains("shared: "))

    // Read and hidden papers are left out too; without a day the newest day is ranked.
    #expect(try run("mark", "read", rows[0][2]).status == 0)
    #expect(try run("mark", "hidden", rows[1][2]).status == 0)
    let after = tsvRows(try run("recommend", "--date", "2024-06-18", "--format", "tsv").output)
    #expect(after.map { $0[2] } == rows.dropFirst(2).map { $0[2] })
    let newest = try run("recommend", "--format", "tsv")
    #expect(newest.errors.contains("2024-07-01, the newest day"))
    #expect(!tsvRows(newest.output).isEmpty)
  }

  @Test func withNothingLikedRecommendSaysHowToMarkPapers() throws {
    #expect(try run("recommend").errors.contains("affinity add"))  // no library yet
    #expect(try run("add", "--sample").status == 0)
    #expect(try run("mark", "read", "2406.11839").status == 0)
    let result = try run("recommend", "--date", "2024-06-18")
    #expect(result.status == 1)
    #expect(
      result.errors.contains(
        "no papers are marked liked; mark a few you liked with 'affinity mark liked ID…'"))
    #expect(result.output.isEmpty)
    let files = try run("recommend", "--sample")
    #expect(files.status != 0 && files.errors.contains("reads your marks from the library"))
  }

  @Test func aNearMissIsRefusedAndAPaperNotYetAddedIsMarkedForLater() throws {
    #expect(try run("add", "--sample").status == 0)
    let nearMiss = try run("mark", "liked", "2406.11839", "2406.1183")
    #expect(nearMiss.status == 1)
    #expect(
      nearMiss.errors.contains("did you mean 2406.11833?")
        || nearMiss.errors.contains("did you mean 2406.11839?"))
    #expect(nearMiss.errors.contains("Nothing was marked"))
    #expect(try run("marks", "--format", "tsv").output == "id\tmark\tday\ttitle\n")

    let later = try run("mark", "liked", "arXiv:2407.20001v2")
    #expect(later.status == 0)
    #expect(later.errors.contains("2407.20001 is not in the library yet"))
    let corpus = try workspace.write(
      "later.jsonl",
      #"{"id": "2407.20001", "title": "Preference optimization, once more", "date": "2024-07-30", "summary": "선호 최적화 preference optimization을 다시 다룹니다."}"#
        + "\n")
    #expect(try run("add", corpus).status == 0)
    let marks = tsvRows(try run("marks", "liked", "--format", "tsv").output)
    #expect(marks.map { $0[0] } == ["2407.20001"])
    #expect(marks.first?.last == "Preference optimization, once more")
    let ranked = try run("recommend", "--date", "2024-06-18", "--format", "tsv")
    #expect(ranked.status == 0 && !tsvRows(ranked.output).isEmpty, "\(ranked.errors)")
  }

  @Test func aReadingListIsPastedAndUnmarked() throws {
    #expect(try run("add", "--sample").status == 0)
    let list = try workspace.write(
      "list.txt",
      "# my reading list\nhttps://arxiv.org/abs/2406.10324v1\n\n  http://www.arxiv.org/pdf/2406.18462  \n2406.10324\n"
    )
    let pasted = try affinity(
      ["mark", "read", "--file", "-"], home: workspace.url,
      input: try #require(FileHandle(forReadingAtPath: list)))
    #expect(pasted.status == 0, "\(pasted.errors)")
    #expect(pasted.output == "marked 2 papers read\n")
    let unmarked = try run("unmark", "2406.10324", "2406.11839")
    #expect(unmarked.output == "unmarked 1 paper (1 had no mark)\n")
    #expect(tsvRows(try run("marks", "--format", "tsv").output).map { $0[0] } == ["2406.18462"])
    let bad = try workspace.write("bad.txt", "2406.10324\nnot an id\n")
    let refused = try run("mark", "read", "--file", bad)
    #expect(refused.status == 1 && refused.errors.contains("'not an id' is not an arXiv id"))
  }

  @Test func severalPapersAreOneProfileAndNotSteersAway() throws {
    let one = tsvRows(
      try run("related", "2406.11839", "--sample", "-k", "19", "--format", "tsv").output)
    let two = try run(
      "related", "2406.11839", "2406.11827", "--not", "2406.19280", "--sample", "-k", "5",
      "--format", "tsv", "--explain")
    #expect(two.status == 0, "\(two.errors)")
    #expect(two.output.hasPrefix("query\trank\tid\tscore\ttitle\tshared\tnearest\n"))
    let rows = tsvRows(two.output)
    #expect(rows.count == 5 && rows.allSatisfy { $0[0] == "-" })
    #expect(!rows.contains { ["2406.11839", "2406.11827", "2406.19280"].contains($0[2]) })
    // The sample's other two alignment papers first.
    #expect(Set(rows.prefix(2).map { $0[2] }) == ["2405.20335", "2406.19774"])
    #expect(one.contains { $0[2] == "2406.19280" })
    let repeated = try run("related", "2406.11839", "--not", "2406.11839", "--sample")
    #expect(repeated.status == 1 && repeated.errors.contains("named twice"))
  }

  @Test func relativeDaysCountBackFromToday() throws {
    let today = try #require(Day("2026-12-06"))
    func day(_ text: String) -> String? { DayArgument.day(text, today: today)?.description }
    #expect(day("today") == "2026-12-06")
    #expect(day("Yesterday") == "2026-12-05")
    #expect(day("1d") == "2026-12-06")
    #expect(day("7d") == "2026-11-30")
    #expect(day("2w") == "2026-11-23")
    #expect(day("2024-06-18") == "2024-06-18")
    for bad in ["0d", "-3d", "7", "d", "7y", "2024-6-18", "tomorrow"] {
      #expect(day(bad) == nil, "\(bad)")
    }
    let refused = try run("list", "--sample", "--since", "7y")
    #expect(refused.status != 0 && refused.errors.contains("--since"))
    let empty = try run("list", "--sample", "--since", "7d")
    #expect(empty.status == 1 && empty.errors.contains("no papers match --since "))
  }
}
