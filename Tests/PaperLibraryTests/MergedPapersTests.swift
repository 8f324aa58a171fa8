import PaperCorpus
import PaperLibrary
import Testing

@Suite struct MergedPapersTests {
  /// Listings of a few papers on a few days, with changing votes (some unknown), titles and
  /// repeats inside one batch, in batches as files would come: every rule of the merge is hit.
  static func batches(seed: UInt64) -> [[Paper]] {
    var state = seed
    func next(_ bound: Int) -> Int {  // a 64-bit LCG's high bits: deterministic everywhere
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    return (0..<12).map { _ in
      (0..<(1 + next(8))).map { _ in
        let votes = next(4) == 0 ? nil : next(3)
        return makePaper(
          "2406.0000\(next(6))", title: "T\(next(3))",
          on: next(10) == 0 ? nil : "2024-06-1\(next(6))", votes: votes,
          summary: "요약 \(next(2))")
      }
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func mergesExactlyAsTheLibraryDoes(seed: UInt64) throws {
    let library = try PaperLibrary.inMemory()
    var merged = MergedPapers()
    for batch in Self.batches(seed: seed) {
      #expect(merged.add(batch) == (try library.add(batch)))
      #expect(merged.papers() == (try library.papers()))
    }
    for filter in [
      PaperFilter(date: day("2024-06-12")), PaperFilter(since: day("2024-06-14")),
      PaperFilter(date: day("2024-06-15"), since: day("2024-06-11")),
    ] {
      #expect(merged.papers(matching: filter) == (try library.papers(matching: filter)))
    }
  }

  @Test func anOlderListingAddsItsDayButKeepsTheNewerText() {
    var merged = MergedPapers()
    merged.add([makePaper("2406.00001", title: "New", on: "2024-06-18", votes: 5)])
    #expect(
      merged.add([makePaper("2406.00001", title: "Old", on: "2024-06-12", votes: 2)])
        == AddSummary(updated: 1))
    let paper = merged.papers().first
    #expect(paper?.title == "New")
    #expect(paper?.dates == [day("2024-06-12"), day("2024-06-18")])
    #expect(paper?.votes == 5)
    #expect(
      merged.add([makePaper("2406.00001", title: "New", on: "2024-06-18", votes: 5)])
        == AddSummary(unchanged: 1))
  }
}
