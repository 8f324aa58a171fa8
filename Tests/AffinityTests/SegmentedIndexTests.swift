import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import Testing

@testable import Affinity

/// A library's index growing by segments: adds, changed texts, merges and rebuilds, against a
/// from-scratch build of the same papers.
@Suite struct SegmentedIndexTests {
  let folder = LibraryFolder()
  let papers = generatedPapers(700, topics: 12)
  /// A model of 2¹⁴ buckets keeps each segment small, and the tests quick.
  static let small: VectorizerConfiguration = {
    var small = VectorizerConfiguration.standard
    small.version = "test-small"
    small.featureSpace = 1 << 14
    return small
  }()

  func recommender(_ library: PaperLibrary) -> Recommender {
    Recommender(library: library, configuration: Self.small)
  }

  func scratch(_ library: PaperLibrary) throws -> Recommender {
    Recommender(papers: try library.papers(), configuration: Self.small)
  }

  /// Each paper's related papers from a recommender, as (id, score) lists.
  func lists(_ recommender: Recommender, for ids: [ArxivID], count: Int = 10) throws
    -> [[String]]
  {
    try ids.map { id in
      try recommender.related(to: id, count: count).map { "\($0.paper.id) \($0.score)" }
    }
  }

  /// The ids of the first `count` papers at every 23rd position.
  func queries(among count: Int = 700) -> [ArxivID] {
    stride(from: 0, to: count, by: 23).map { papers[$0].id }
  }

  @Test func addsInSmallStepsAnswerExactlyAsAFromScratchBuild() throws {
    let library = try PaperLibrary(path: folder.libraryPath)
    try library.add(Array(papers[..<600]))
    #expect(try recommender(library).prepareSearchIndex() == .built(papers: 600))
    for start in stride(from: 600, to: 700, by: 10) {
      try library.add(Array(papers[start..<(start + 10)]))
      #expect(try recommender(library).prepareSearchIndex() == .updated(papers: 10))
    }
    let grown = recommender(library)
    let index = try grown.openSearchIndex()
    #expect(index.segments.count > 1 && index.isApproximate)
    let scratch = try scratch(library)
    #expect(try lists(grown, for: queries()) == lists(scratch, for: queries()))
    // Before rescoring, every score is within the stated approximation of the exact one.
    let exact = PaperIndex(library: try library.papers(), configuration: Self.small)
    for id in queries() {
      let row = try #require(exact.papers.firstIndex { $0.id == id })
      let approximate = try index.scores(
        of: index.vector(for: exact.papers[row].text(for: Self.small)))
      #expect(approximate.tolerance < SegmentedIndex.approximation + 0.02)
      for (other, paper) in exact.papers.enumerated() {
        let stored = try #require(index.row(of: paper.id))
        #expect(
          abs(approximate.values[stored] - exact.vectors[row].dot(exact.vectors[other]))
            <= approximate.tolerance)
      }
    }
    // A new paper is found at once: its distinctive title finds it first.
    let newcomer = paper(
      "2407.99999", "Holographic Beekeeping Telemetry", "꿀벌 군집을 홀로그램 telemetry로 관찰합니다.")
    try library.add([newcomer])
    #expect(
      try recommender(library).search("holographic beekeeping telemetry", count: 1).first?
        .paper.id == newcomer.id)
  }

  @Test func aRebuildIsOneSegmentEqualToAFromScratchBuildBitForBit() throws {
    let library = try PaperLibrary(path: folder.libraryPath)
    for start in stride(from: 0, to: 300, by: 50) {
      try library.add(Array(papers[start..<(start + 50)]))
      _ = try recommender(library).prepareSearchIndex()
    }
    let recommender = self.recommender(library)
    #expect(try recommender.rebuildSearchIndex() == .built(papers: 300))
    let index = try recommender.openSearchIndex()
    #expect(index.segments.count == 1 && !index.isApproximate)
    let scratch = SearchIndex.build(papers: try library.papers(), configuration: Self.small).index
    let exact = PaperIndex(library: try library.papers(), configuration: Self.small)
    for row in stride(from: 0, to: 300, by: 17) {
      #expect(
        try index.scores(of: exact.vectors[row]).values
          == scratch.scores(of: exact.vectors[row]).values)
    }
    #expect(try self.recommender(library).prepareSearchIndex() == .current)
  }

  @Test func aChangedTextReplacesThePapersVector() throws {
    let library = try PaperLibrary(path: folder.libraryPath)
    try library.add(Array(papers[..<200]))
    _ = try recommender(library).prepareSearchIndex()
    var changed = papers[5]
    changed.title = "Quantum Gravity Wave Telescopes"
    changed.sections = [SummarySection(text: "중력파 망원경으로 quantum gravity를 관측합니다.")]
    changed.dates = [try #require(Day("2024-08-01"))]  // a later listing: its text wins
    try library.add([changed])
    let recommender = self.recommender(library)
    #expect(try recommender.prepareSearchIndex() == .updated(papers: 1))
    let index = try recommender.openSearchIndex()
    #expect(index.paperCount == 200 && index.rowCount == 201)
    #expect(
      try recommender.search("quantum gravity telescopes", count: 1).first?.paper.id == changed.id)
    // Until its segment is merged, the old text's features still count in the document
    // frequencies: the answers are within tolerance of a from-scratch build's.
    let scratch = try scratch(library)
    for id in [changed.id] + queries(among: 200) {
      let grown = try recommender.related(to: id, count: 10)
      let fresh = try scratch.related(to: id, count: 10)
      #expect(grown.prefix(3).map(\.paper.id) == fresh.prefix(3).map(\.paper.id))
      #expect(Set(grown.map(\.paper.id)).intersection(fresh.map(\.paper.id)).count >= 9)
      #expect(zip(grown, fresh).allSatisfy { abs($0.score - $1.score) <= 0.01 })
    }
  }

  @Test func segmentsAreMergedSoTheirNumberStaysSmall() throws {
    let library = try PaperLibrary(path: folder.libraryPath)
    try library.add(Array(papers[..<500]))
    _ = try recommender(library).prepareSearchIndex()
    var counts: [Int] = []
    for start in stride(from: 500, to: 620, by: 3) {
      try library.add(Array(papers[start..<(start + 3)]))
      let recommender = self.recommender(library)
      _ = try recommender.prepareSearchIndex()
      counts.append(recommender.searchIndexSegments ?? 0)
    }
    // Three-paper segments merge ten at a time (at most nine of a tier stay); the 500-paper one
    // is made again once the library has grown by a quarter.
    #expect(counts.max()! <= 1 + 9 + 9)
    #expect(counts.last! < counts.max()!)
    #expect(
      try lists(recommender(library), for: queries(among: 620))
        == lists(try scratch(library), for: queries(among: 620)))
  }
}

@Suite struct MergePolicyTests {
  typealias Segment = MergePolicy.Segment

  @Test func staleSegmentsAreMergedFirst() {
    let segments = [
      Segment(rows: 1000, deleted: 0, madeAmong: 1000),
      Segment(rows: 300, deleted: 0, madeAmong: 1300),
    ]
    #expect(MergePolicy.nextMerge(segments) == [0])  // 1300 > 1.25 × 1000
    #expect(MergePolicy.nextMerge([Segment(rows: 1000, deleted: 0, madeAmong: 1000)]) == nil)
  }

  @Test func aSegmentMostlyDeletedIsRewritten() {
    let segments = [
      Segment(rows: 900, deleted: 301, madeAmong: 1000),
      Segment(rows: 100, deleted: 0, madeAmong: 1000),
    ]
    #expect(MergePolicy.nextMerge(segments) == [0])
  }

  @Test func aFullTierIsMerged() {
    var segments = [Segment(rows: 5000, deleted: 0, madeAmong: 5000)]
    for _ in 0..<9 { segments.append(Segment(rows: 20, deleted: 0, madeAmong: 5180)) }
    #expect(MergePolicy.nextMerge(segments) == nil)
    segments.append(Segment(rows: 20, deleted: 0, madeAmong: 5200))
    #expect(MergePolicy.nextMerge(segments) == Array(1...10))
  }

  @Test func noMergeMakesASegmentOfMoreRowsThanTheLimit() {
    let tier = (0..<10).map { _ in Segment(rows: 30, deleted: 0, madeAmong: 300) }
    #expect(MergePolicy.nextMerge(tier, limit: 95) == [0, 1, 2])
    #expect(MergePolicy.nextMerge(tier, limit: 59) == nil)  // one segment alone merges nothing
    let stale = [
      Segment(rows: 50, deleted: 0, madeAmong: 50), Segment(rows: 50, deleted: 10, madeAmong: 100),
      Segment(rows: 90, deleted: 0, madeAmong: 190),
    ]
    #expect(MergePolicy.nextMerge(stale, limit: 60) == [0])  // then [1], as it grows stale
    #expect(MergePolicy.nextMerge(stale, limit: 95) == [0, 1])  // 50 + 40 live rows
  }
}

@Suite struct StreamedBuildTests {
  let folder = LibraryFolder()

  @Test(arguments: [1, 7, 50, 1000])
  func aBuildInBatchesIsTheBuildOfAllThePapers(batch: Int) throws {
    let library = try folder.library(of: generatedPapers(130, topics: 5))
    let papers = try library.papers()
    var read: [ArxivID] = []
    try library.withSnapshot { snapshot in
      try snapshot.forEachBatch(of: batch) { read += $0.map(\.id) }
    }
    #expect(read == papers.map(\.id))  // the library's order
    let path = folder.url.appendingPathComponent("index").path
    let (index, count) = try IndexUpdate.build(
      library, configuration: SegmentedIndexTests.small, folder: path, batch: batch)
    #expect(count == 130 && index.segments.count == 1)
    let whole = folder.url.appendingPathComponent("whole").path
    _ = SearchIndex.build(
      papers: papers, configuration: SegmentedIndexTests.small, storingAt: whole)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: index.segments[0].location))
        == Data(contentsOf: URL(fileURLWithPath: whole)))
    // Only the manifest, the weights and the segment are left.
    #expect(try FileManager.default.contentsOfDirectory(atPath: path).count == 3)
  }
}

extension StreamedBuildTests {
  @Test func anAddInBatchesIsTheAddOfAllThePapersAtOnce() throws {
    let papers = generatedPapers(360, topics: 6)
    let small = SegmentedIndexTests.small
    let library = try folder.library(of: Array(papers[..<300]))
    _ = try Recommender(library: library, configuration: small).prepareSearchIndex()
    try library.add(Array(papers[300...]))
    let path = try #require(SegmentedIndex.path(for: library, configuration: small))
    let manifest = try #require(try IndexManifest.read(in: path))
    var update = IndexUpdate(
      index: try SegmentedIndex.open(manifest, in: path), manifest: manifest, folder: path)
    let (ids, stamp) = try library.changes(since: manifest.stamp.generation)
    #expect(ids.count == 60)
    try update.add(ids, stamp: stamp, library: library, batch: 7)
    let updated = try update.commit()
    #expect(updated.paperCount == 360)
    let grown = Recommender(library: library, configuration: small)
    #expect(try grown.prepareSearchIndex() == .current)
    let scratch = Recommender(papers: try library.papers(), configuration: small)
    for id in stride(from: 0, to: 360, by: 29).map({ papers[$0].id }) {
      #expect(
        try grown.related(to: id, count: 10).map { "\($0.paper.id) \($0.score)" }
          == scratch.related(to: id, count: 10).map { "\($0.paper.id) \($0.score)" })
    }
  }
}
