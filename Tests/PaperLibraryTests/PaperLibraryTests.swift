import Foundation
import GRDB
import PaperCorpus
import PaperLibrary
import Testing

func day(_ text: String) -> Day {
  guard let day = Day(text) else { fatalError("bad test date \(text)") }
  return day
}

func makePaper(
  _ id: String, title: String = "T", on date: String? = "2024-06-18", votes: Int? = 1,
  summary: String = "요약"
) -> Paper {
  guard let arxivID = ArxivID(id) else { fatalError("bad test id \(id)") }
  return Paper(
    id: arxivID, title: title, authors: ["A", "B"], omitsAuthors: true,
    dates: date.map { [day($0)] } ?? [], votes: votes,
    sections: [SummarySection(heading: "What's New", text: summary)])
}

/// A library file in a fresh temporary folder, removed when the test ends.
struct TemporaryLibrary: ~Copyable {
  let folder: URL
  var path: String { folder.appendingPathComponent("lib/library.sqlite").path }

  init() {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "affinity-lib-\(UUID().uuidString)")
  }

  deinit { try? FileManager.default.removeItem(at: folder) }
}

@Suite struct PaperLibraryTests {
  @Test func storesAndReadsBackEveryField() throws {
    let temporary = TemporaryLibrary()
    let library = try PaperLibrary(path: temporary.path)  // creates the folder too
    let paper = makePaper("2406.11839", title: "mDPO", votes: nil)
    #expect(try library.add([paper]) == AddSummary(added: 1))
    #expect(try PaperLibrary(path: temporary.path).papers() == [paper])
    #expect(try library.paper(id: paper.id) == paper)
    #expect(try library.paper(id: #require(ArxivID("2406.00000"))) == nil)
  }

  @Test func addingTheSamePapersAgainChangesNothing() throws {
    let library = try PaperLibrary.inMemory()
    let papers = [makePaper("2406.00001"), makePaper("2406.00002")]
    #expect(try library.add(papers) == AddSummary(added: 2))
    let before = try library.papers()
    #expect(try library.add(papers) == AddSummary(unchanged: 2))
    #expect(try library.papers() == before)
  }

  @Test func aPaperKeepsEveryDayItWasListedOn() throws {
    let library = try PaperLibrary.inMemory()
    try library.add([makePaper("2406.00001", on: "2024-06-18", votes: 5)])
    #expect(
      try library.add([makePaper("2406.00001", on: "2024-06-12", votes: 2)])
        == AddSummary(updated: 1))
    let paper = try #require(try library.papers().first)
    #expect(paper.dates == [day("2024-06-12"), day("2024-06-18")])
    #expect(paper.votes == 5)  // the latest day's count
    #expect(try library.statistics().dayCount == 2)
  }

  @Test func aChangedVoteCountIsUpdated() throws {
    let library = try PaperLibrary.inMemory()
    try library.add([makePaper("2406.00001", votes: 5)])
    #expect(try library.add([makePaper("2406.00001", votes: 9)]) == AddSummary(updated: 1))
    #expect(try library.papers().first?.votes == 9)
  }

  @Test func contentComesFromTheNewestListing() throws {
    let library = try PaperLibrary.inMemory()
    try library.add([makePaper("2406.00001", title: "New", on: "2024-06-18")])
    try library.add([makePaper("2406.00001", title: "Old", on: "2024-06-12")])
    #expect(try library.papers().first?.title == "New")
    try library.add([makePaper("2406.00001", title: "Newer", on: "2024-07-01")])
    #expect(try library.papers().first?.title == "Newer")
  }

  @Test func papersRepeatedInOneAddMergeAsIfAddedOneByOne() throws {
    let listings = [
      makePaper("2406.00001", title: "Old", on: "2024-06-12", votes: 2),
      makePaper("2406.00002"),
      makePaper("2406.00001", title: "New", on: "2024-06-18", votes: 5),
      makePaper("2406.00001", title: "Old", on: "2024-06-12", votes: 3),
      makePaper("2406.00002"),
    ]
    let together = try PaperLibrary.inMemory()
    let oneByOne = try PaperLibrary.inMemory()
    var summary = AddSummary()
    for listing in listings { summary += try oneByOne.add([listing]) }
    #expect(try together.add(listings) == summary)
    #expect(summary == AddSummary(added: 2, updated: 2, unchanged: 1))
    #expect(try together.papers() == oneByOne.papers())
    #expect(try together.papers().first?.title == "New")
  }

  @Test func filtersByDayAndSince() throws {
    let library = try PaperLibrary.inMemory()
    try library.add([
      makePaper("2403.00001", on: "2024-03-08"), makePaper("2406.00001", on: "2024-06-18"),
      makePaper("2407.00001", on: "2024-07-01"), makePaper("2408.00001", on: nil),
    ])
    #expect(
      try library.papers(matching: PaperFilter(date: day("2024-06-18"))).map(\.id.rawValue) == [
        "2406.00001"
      ])
    #expect(
      try library.papers(matching: PaperFilter(since: day("2024-06-01"))).map(\.id.rawValue) == [
        "2406.00001", "2407.00001",
      ])
    #expect(try library.papers().count == 4)
    #expect(try library.ids(matching: PaperFilter()) == nil)
    #expect(
      try library.ids(matching: PaperFilter(since: day("2024-06-01")))
        == Set(["2406.00001", "2407.00001"].compactMap(ArxivID.init)))
    #expect(
      try library.ids(matching: PaperFilter(date: day("2024-03-08"), since: day("2024-06-01")))
        == [])
  }

  @Test func papersByIDComeInTheOrderAskedAndSkipUnknownIDs() throws {
    let library = try PaperLibrary.inMemory()
    let papers = [makePaper("2406.00001"), makePaper("2406.00002", on: "2024-06-19", votes: nil)]
    try library.add(papers)
    let ids = ["2406.00002", "2406.99999", "2406.00001"].compactMap(ArxivID.init)
    #expect(try library.papers(ids: ids) == [papers[1], papers[0]])
  }

  @Test func theStampChangesExactlyWhenThePapersDo() throws {
    let temporary = TemporaryLibrary()
    let library = try PaperLibrary(path: temporary.path)
    let empty = try library.stamp()
    #expect(empty.generation == 0 && empty.paperCount == 0)
    try library.add([makePaper("2406.00001")])
    let one = try library.stamp()
    #expect(one == LibraryStamp(libraryID: empty.libraryID, generation: 1, paperCount: 1))
    try library.add([makePaper("2406.00001")])  // unchanged
    #expect(try library.stamp() == one)
    try library.add([makePaper("2406.00001", votes: 9)])  // a vote count changed
    #expect(try library.stamp().generation == 2)
    #expect(try PaperLibrary(path: temporary.path).stamp().libraryID == empty.libraryID)
    #expect(try PaperLibrary.inMemory().stamp().libraryID != empty.libraryID)
  }

  @Test func ordersByFirstDayThenVotesThenID() throws {
    let library = try PaperLibrary.inMemory()
    try library.add([
      makePaper("2406.00003", on: "2024-06-18", votes: 1),
      makePaper("2406.00002", on: "2024-06-18", votes: 7),
      makePaper("2406.00001", on: "2024-06-18", votes: 1),
      makePaper("2403.00009", on: "2024-03-08", votes: nil),
      makePaper("2408.00001", on: nil),
    ])
    #expect(
      try library.papers().map(\.id.rawValue) == [
        "2403.00009", "2406.00002", "2406.00001", "2406.00003", "2408.00001",
      ])
  }

  @Test func aFailedAddLeavesTheLibraryAsItWas() throws {
    let temporary = TemporaryLibrary()
    let library = try PaperLibrary(path: temporary.path)
    try library.add([makePaper("2406.00001")])
    // Make the database refuse one paper in the middle of the next batch.
    let queue = try DatabaseQueue(path: temporary.path)
    try queue.write { db in
      try db.execute(
        sql: """
          CREATE TRIGGER refuse BEFORE INSERT ON paper WHEN NEW.id = '2406.00003'
          BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
          """)
    }
    #expect(throws: LibraryError.self) {
      try library.add([
        makePaper("2406.00002"), makePaper("2406.00001", votes: 50), makePaper("2406.00003"),
      ])
    }
    let papers = try library.papers()
    #expect(papers.map(\.id.rawValue) == ["2406.00001"])
    #expect(papers.first?.votes == 1)
  }

  @Test func statisticsCountPapersDaysAndSchema() throws {
    let library = try PaperLibrary.inMemory()
    #expect(
      try library.statistics()
        == LibraryStatistics(
          paperCount: 0, dayCount: 0, firstDay: nil, lastDay: nil, schemaVersion: 5))
    try library.add([
      makePaper("2406.00001", on: "2024-06-18"), makePaper("2403.00001", on: "2024-03-08"),
    ])
    let statistics = try library.statistics()
    #expect(statistics.paperCount == 2 && statistics.dayCount == 2)
    #expect(statistics.firstDay == "2024-03-08" && statistics.lastDay == "2024-06-18")
  }

  @Test func aFileThatIsNotALibraryIsRefusedAndKept() throws {
    let temporary = TemporaryLibrary()
    try FileManager.default.createDirectory(
      atPath: (temporary.path as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    let contents = Data(String(repeating: "not a database ", count: 100).utf8)
    try contents.write(to: URL(fileURLWithPath: temporary.path))
    #expect {
      _ = try PaperLibrary(path: temporary.path)
    } throws: { error in
      "\(error)".contains("not an SQLite database") && "\(error)".contains(temporary.path)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.path)) == contents)
  }

  @Test func aLibraryFromANewerAffinityIsRefused() throws {
    let temporary = TemporaryLibrary()
    _ = try PaperLibrary(path: temporary.path)
    let queue = try DatabaseQueue(path: temporary.path)
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
    }
    #expect {
      _ = try PaperLibrary(path: temporary.path)
    } throws: { error in
      "\(error)".contains("newer version of Affinity")
    }
  }
}

@Suite struct CategoryTests {
  @Test func categoriesAreKeptAndADigestListingWithoutThemKeepsThem() throws {
    let library = try PaperLibrary.inMemory()
    var fromArxiv = makePaper("2406.00001", on: "2024-06-17")
    fromArxiv.categories = ["cs.CL", "cs.AI"]
    try library.add([fromArxiv])
    #expect(try library.papers().first?.categories == ["cs.CL", "cs.AI"])
    // The digest lists it a day later, with no categories: the text is the digest's, the
    // categories stay.
    try library.add([makePaper("2406.00001", on: "2024-06-18", summary: "새 요약")])
    let paper = try #require(try library.papers().first)
    #expect(paper.categories == ["cs.CL", "cs.AI"])
    #expect(paper.summary == "새 요약")
    #expect(try library.ids(matching: PaperFilter(category: "cs")) == [fromArxiv.id])
  }
}

@Suite struct RevisionTests {
  @Test func changesSinceAGenerationAreTheNewPapersAndChangedTexts() throws {
    let library = try PaperLibrary.inMemory()
    try library.add([makePaper("2406.00001"), makePaper("2406.00002")])
    let first = try library.stamp().generation
    #expect(try library.changes(since: first).ids.isEmpty)
    #expect(try library.changes(since: first - 1).ids.count == 2)
    try library.add([
      makePaper("2406.00003"),  // new
      makePaper("2406.00001", on: "2024-06-19", summary: "새로운 요약"),  // a later text
      makePaper("2406.00002", votes: 9),  // votes only: the text is the same
    ])
    let (changed, stamp) = try library.changes(since: first)
    #expect(changed.map(\.rawValue) == ["2406.00001", "2406.00003"])
    #expect(try library.paper(id: changed[0])?.summary == "새로운 요약")
    #expect(stamp == (try library.stamp()))
    #expect(try library.changes(since: stamp.generation).ids.isEmpty)
  }
}
