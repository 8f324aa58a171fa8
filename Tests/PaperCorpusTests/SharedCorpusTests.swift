import Foundation
import PaperCorpus
import Testing
import _TestSupport

@Suite(
  .enabled(if: SharedCorpus.shouldRun, "../shared/corpus/daily-papers is not beside the repository")
)
struct SharedCorpusTests {
  let papers: [Paper]
  let results: [CorpusReadResult]

  init() throws {
    try #require(SharedCorpus.isAvailable, "expected the shared corpus at \(SharedCorpus.path)")
    results = CorpusReader.read(paths: [SharedCorpus.path])
    papers = results.flatMap(\.papers)
  }

  func paper(_ id: String) throws -> Paper {
    try #require(papers.first { $0.id.rawValue == id })
  }

  @Test func everyEntryOfEveryFileIsRead() {
    #expect(results.count == 5)
    #expect(results.allSatisfy { $0.problems.isEmpty && $0.rejectedCount == 0 })
    #expect(papers.count == 76)
    #expect(Set(papers.map(\.id)).count == 76)
  }

  @Test func datesComeFromEachFileHeaderNotItsName() {
    let days = results.map { Set($0.papers.flatMap(\.dates).map(\.description)) }
    #expect(
      days == [["2024-07-01"], ["2024-06-18"], ["2024-06-12"], ["2024-03-08"], ["2024-05-31"]])
  }

  @Test func unknownVoteCount() throws {
    #expect(try paper("2405.19707").votes == nil)
    #expect(try paper("2406.11839").votes == 35)
  }

  @Test func omittedAuthorsAreNotNames() throws {
    let dataComp = try paper("2406.11794")
    #expect(dataComp.omitsAuthors)
    #expect(!dataComp.authors.contains("+"))
    #expect(dataComp.authors.first == "Mitchell Wortsman" && dataComp.authors.last == "Amro Abbas")
    #expect(papers.allSatisfy { !$0.authors.contains("+") })
  }

  @Test func titlesKeepTeXAndSymbols() throws {
    #expect(try paper("2406.11430").title.contains("$L_2$"))
    #expect(try paper("2403.04692").title.hasPrefix("PixArt-Σ"))
  }

  @Test func escapedMarkupIsUnescaped() throws {
    #expect(try paper("2406.09455").summary.contains("\\(*X\\)를 소개합니다"))
    #expect(try paper("2406.19320").summary.contains("\\Delta-iris"))
  }

  @Test func bothBulletStylesKeepTheirSections() throws {
    let arena = try paper("2403.04132")  // plain bullets
    #expect(arena.sections.count == 9 && arena.sections.allSatisfy { $0.heading == nil })
    #expect(arena.summary.contains("https://chat.lmsys.org"))
    let mdpo = try paper("2406.11839")  // bold section headings
    #expect(
      mdpo.sections.map(\.heading) == ["What's New", "Technical Details", "Performance Highlights"])
    #expect(papers.contains { $0.sections.contains { $0.heading == "Related Work Summary" } })
  }

  @Test func everyPaperHasATitleAuthorsAndASummary() {
    #expect(papers.allSatisfy { !$0.title.isEmpty && !$0.authors.isEmpty && !$0.sections.isEmpty })
  }
}
