import Foundation
import PaperCorpus
import Testing

@testable import PaperLibrary

/// Filters decide the same in memory (`accepts`) and in SQLite (`ids(matching:)`).
@Suite struct PaperFilterTests {
  /// Papers over three days, with accented, mixed-case and missing authors and votes, and
  /// categories.
  let papers: [Paper] = [
    Paper(
      id: ArxivID("2406.00001")!, title: "A", authors: ["Balázs Kégl", "Yoon Kim"],
      dates: [day("2024-06-17"), day("2024-06-19")], votes: 12, categories: ["cs.CL", "cs.LG"]),
    Paper(
      id: ArxivID("2406.00002")!, title: "B", authors: ["NIKITA Ivanov"],
      dates: [day("2024-06-18")], votes: 3, categories: ["math.AG"]),
    Paper(
      id: ArxivID("2406.00003")!, title: "C", authors: [], dates: [day("2024-06-18")], votes: nil),
    Paper(
      id: ArxivID("2406.00004")!, title: "D", authors: ["Ann Lee"], dates: [day("2024-06-20")],
      votes: 0),
  ]

  static let filters: [PaperFilter] = [
    PaperFilter(),
    PaperFilter(date: day("2024-06-18")),
    PaperFilter(since: day("2024-06-19")),
    PaperFilter(until: day("2024-06-18")),
    PaperFilter(since: day("2024-06-18"), until: day("2024-06-18")),
    // A day inside the span is needed: listed before and after is not listed within.
    PaperFilter(since: day("2024-06-18"), until: day("2024-06-18"), author: "kim"),
    PaperFilter(author: "kim"),  // Yoon Kim and NIKITA
    PaperFilter(author: "BALAZS"),  // accents ignored
    PaperFilter(author: "ann lee"),
    PaperFilter(author: "nobody"),
    PaperFilter(minimumVotes: 0),  // unknown votes fail
    PaperFilter(minimumVotes: 5),
    PaperFilter(date: day("2024-06-19"), author: "kégl", minimumVotes: 12),
    PaperFilter(date: day("2024-06-19"), minimumVotes: 13),
    PaperFilter(category: "cs"),
    PaperFilter(category: "CS.lg"),
    PaperFilter(category: "c"),  // not an archive
    PaperFilter(minimumVotes: 1, category: "math.AG"),
  ]

  @Test(arguments: filters)
  func sqliteAgreesWithAccepts(filter: PaperFilter) throws {
    let library = try PaperLibrary.inMemory()
    try library.add(papers)
    let expected = Set(papers.filter(filter.accepts).map(\.id))
    #expect(try library.ids(matching: filter) ?? Set(papers.map(\.id)) == expected)
    #expect(Set(try library.papers(matching: filter).map(\.id)) == expected)
  }

  @Test func conditionsMatchAsDocumented() {
    func ids(_ filter: PaperFilter) -> [String] {
      papers.filter(filter.accepts).map(\.id.rawValue)
    }
    #expect(ids(PaperFilter(author: "ki")) == ["2406.00001", "2406.00002"])
    #expect(ids(PaperFilter(author: "balazs kegl")) == ["2406.00001"])
    #expect(ids(PaperFilter(minimumVotes: 0)) == ["2406.00001", "2406.00002", "2406.00004"])
    #expect(
      ids(PaperFilter(since: day("2024-06-18"), until: day("2024-06-18"))) == [
        "2406.00002", "2406.00003",
      ])
  }

  @Test func aCategoryMatchesItselfAndAnArchiveItsSubjects() {
    func ids(_ category: String) -> [String] {
      papers.filter(PaperFilter(category: category).accepts).map(\.id.rawValue)
    }
    #expect(ids("cs") == ["2406.00001"])
    #expect(ids("cs.cl") == ["2406.00001"])
    #expect(ids("cs.C").isEmpty && ids("c").isEmpty)
    #expect(ids("math") == ["2406.00002"])
  }

  @Test func theEmptyingConditionIsTheFirstThatLeavesNone() {
    let filter = PaperFilter(date: day("2024-06-18"), author: "ki", minimumVotes: 5)
    let emptied = filter.emptyingCondition(of: papers)
    #expect(emptied?.condition == .minimumVotes(5))
    #expect(emptied?.among == 1)  // NIKITA's paper of the 18th
    #expect(PaperFilter(author: "zz").emptyingCondition(of: papers)?.condition == .author("zz"))
    #expect(PaperFilter(author: "zz").emptyingCondition(of: papers)?.among == 4)
    #expect(PaperFilter(date: day("2024-06-18")).emptyingCondition(of: papers) == nil)
  }
}
