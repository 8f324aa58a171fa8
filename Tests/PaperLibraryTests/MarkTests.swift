import Foundation
import GRDB
import PaperCorpus
import Testing

@testable import PaperLibrary

/// Marks: one per paper, kept apart from the papers, brought in by a schema migration.
@Suite struct MarkTests {
  let today = day("2026-12-06")

  @Test func aMarkReplacesTheLastAndUnmarkRemovesIt() throws {
    let library = try PaperLibrary.inMemory()
    let (a, b) = (ArxivID("2406.00001")!, ArxivID("2406.00002")!)
    #expect(try library.mark([a, b, a], as: .liked, on: today) == 2)
    #expect(try library.mark([a], as: .liked, on: today) == 0)  // already
    #expect(try library.mark([b], as: .hidden, on: day("2026-12-07")) == 1)
    #expect(
      try library.marks() == [
        MarkedPaper(id: a, mark: .liked, day: today),
        MarkedPaper(id: b, mark: .hidden, day: day("2026-12-07")),
      ])
    #expect(try library.marks(.liked).map(\.id) == [a])
    #expect(try library.unmark([a, ArxivID("2406.00003")!]) == 1)
    #expect(try library.marks().map(\.id) == [b])
  }

  @Test func marksOutliveReAddingPapersAndWaitForPapersNotYetAdded() throws {
    let temporary = TemporaryLibrary()
    let library = try PaperLibrary(path: temporary.path)
    let early = makePaper("2406.00001", on: "2024-06-18", votes: 1)
    try library.add([early])
    let later = ArxivID("2406.00002")!
    try library.mark([early.id, later], as: .liked, on: today)
    // Re-adding the same paper (a new day, new votes) and adding the awaited one keep both marks.
    try library.add([makePaper("2406.00001", on: "2024-06-19", votes: 9), makePaper("2406.00002")])
    let reopened = try PaperLibrary(path: temporary.path)
    #expect(try reopened.marks(.liked).map(\.id) == [early.id, later])
    #expect(try reopened.papers(ids: [early.id, later]).count == 2)
  }

  @Test func aLibraryOfTheLastSchemaGainsMarksAndKeepsItsPapers() throws {
    let temporary = TemporaryLibrary()
    try FileManager.default.createDirectory(
      at: temporary.folder.appendingPathComponent("lib"), withIntermediateDirectories: true)
    // The library as the previous release left it: migrated up to v2, with a paper.
    let queue = try DatabaseQueue(path: temporary.path)
    try LibrarySchema.migrator.migrate(queue, upTo: "v2: library identity and generation")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO paper (id, title, authors, omitsAuthors, sections)
          VALUES ('2406.11839', 'mDPO', '["Fei Wang"]', 0, '[]');
          INSERT INTO appearance (paperID, day, votes) VALUES ('2406.11839', '2024-06-18', 37);
          """)
    }
    #expect(try queue.read { try $0.tableExists("mark") } == false)
    try queue.close()

    let library = try PaperLibrary(path: temporary.path)
    #expect(try library.statistics().schemaVersion == 5)
    #expect(try library.papers().map(\.title) == ["mDPO"])
    #expect(try library.papers().map(\.categories) == [[]])  // v4: categories, none yet
    try library.mark([ArxivID("2406.11839")!], as: .read, on: today)
    #expect(try library.marks().map(\.mark) == [.read])
  }
}
