import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import Testing

@testable import Affinity

/// A library file in a fresh temporary folder, removed when the test ends.
final class LibraryFolder {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "affinity-index-\(UUID().uuidString)")
  var libraryPath: String { url.appendingPathComponent("library.sqlite").path }

  func library(of papers: [Paper]) throws -> PaperLibrary {
    let library = try PaperLibrary(path: libraryPath)
    try library.add(papers)
    return library
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

extension IndexState {
  var isRepair: Bool { if case .repaired = self { true } else { false } }
}

@Suite struct SearchIndexTests {
  let folder = LibraryFolder()

  func ranking(_ recommender: Recommender, _ id: ArxivID) throws -> [String] {
    try recommender.related(to: id, count: 5).map { "\($0.paper.id) \($0.score)" }
  }

  /// A recommender over a library, with its search index opened, and how it was found.
  func opened(
    _ library: PaperLibrary, _ configuration: VectorizerConfiguration = .standard
  ) throws -> (recommender: Recommender, state: IndexState) {
    let recommender = Recommender(library: library, configuration: configuration)
    return (recommender, try recommender.prepareSearchIndex())
  }

  @Test func aLibraryFileKeepsItsIndexUntilItsPapersChange() throws {
    let library = try folder.library(of: topicPapers)
    #expect(try opened(library).state == .built(papers: 6))
    let path = try #require(SegmentedIndex.path(for: library, configuration: .standard))
    #expect(path == folder.libraryPath + ".affinity-ngram-v3.index")
    #expect(FileManager.default.fileExists(atPath: path))

    let (again, state) = try opened(try PaperLibrary(path: folder.libraryPath))
    #expect(state == .current)
    let inMemory = Recommender(library: try AffinityTests.library(of: topicPapers))
    for paper in topicPapers {
      #expect(try ranking(again, paper.id) == ranking(inMemory, paper.id))
    }

    let newcomer = paper(
      "2406.00008", "Preference Optimization Again", "선호 최적화 preference optimization")
    try library.add([newcomer])
    let (updated, updatedState) = try opened(library)
    #expect(updatedState == .updated(papers: 1))
    #expect(
      try updated.related(to: topicPapers[0].id, count: 5).map(\.paper.id).contains(newcomer.id))
  }

  @Test func eachModelHasItsOwnIndex() throws {
    let library = try folder.library(of: topicPapers)
    _ = try opened(library)
    var other = VectorizerConfiguration.standard
    other.version = "test/other model"
    other.termFrequencySaturation = 1.2
    #expect(try opened(library, other).state == .built(papers: 6))
    #expect(
      SegmentedIndex.path(for: library, configuration: other)
        == folder.libraryPath + ".test_other_model.index")
    #expect(try opened(library).state == .current)
    #expect(try opened(library, other).state == .current)
  }

  @Test(arguments: [
    "garbage manifest", "truncated segment", "missing segment", "garbage weights",
    "another library's",
  ])
  func aBadIndexIsRebuilt(damage: String) throws {
    let library = try folder.library(of: topicPapers)
    let path = try #require(SegmentedIndex.path(for: library, configuration: .standard))
    _ = try opened(library)
    let files = try FileManager.default.contentsOfDirectory(atPath: path)
    func file(_ prefix: String) throws -> URL {
      URL(fileURLWithPath: path).appendingPathComponent(
        try #require(files.first { $0.hasPrefix(prefix) }))
    }
    var damaged = path
    switch damage {
    case "garbage manifest":
      damaged = try file("manifest").path
      try Data(String(repeating: "not an index ", count: 100).utf8).write(to: try file("manifest"))
    case "truncated segment":
      damaged = try file("segment").path
      let bytes = try Data(contentsOf: try file("segment"))
      try bytes.prefix(bytes.count / 2).write(to: try file("segment"))
    case "missing segment":
      damaged = try file("segment").path
      try FileManager.default.removeItem(at: try file("segment"))
    case "garbage weights":
      damaged = try file("weights").path
      try Data(repeating: 7, count: 4 << 20).write(to: try file("weights"))
    default:
      let elsewhere = LibraryFolder()
      let other = try elsewhere.library(of: topicPapers)
      _ = try opened(other)
      let otherPath = try #require(SegmentedIndex.path(for: other, configuration: .standard))
      try FileManager.default.removeItem(atPath: path)
      try FileManager.default.copyItem(atPath: otherPath, toPath: path)
    }
    let (search, state) = try opened(library)
    // Another library's index is sound but not this library's; the others are damage, and said
    // to be.
    switch damage {
    case "another library's": #expect(state == .built(papers: 6))
    default: #expect(state == .repaired(papers: 6, damage: .damaged(path: damaged)))
    }
    #expect(
      try search.related(to: topicPapers[0].id, count: 1).first?.paper.id == topicPapers[1].id)
  }

  @Test func singleBitFlipsAnywhereGiveTheSoundIndexsAnswersOrARepair() throws {
    // A model of 2¹⁴ buckets keeps the file small, and the queries' lists a larger part of it.
    var small = VectorizerConfiguration.standard
    small.version = "test-small"
    small.featureSpace = 1 << 14
    let papers = generatedPapers(60)
    let library = try folder.library(of: papers)
    let path = try #require(SegmentedIndex.path(for: library, configuration: small))
    let queries = [papers[0].id, papers[17].id, papers[42].id]
    let (sound, _) = try opened(library, small)
    let expected = try queries.map { try ranking(sound, $0) }
    // Every file of the index folder, one after the other: a bit anywhere in them.
    let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted().map {
      URL(fileURLWithPath: path).appendingPathComponent($0)
    }
    let clean = try files.map { try Data(contentsOf: $0) }
    let total = clean.reduce(0) { $0 + $1.count }
    var state: UInt64 = 3
    var repairs = 0
    for _ in 0..<200 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var bit = Int((state >> 20) % UInt64(total * 8))
      // Put the last round's index back (a repair writes new files; clear them out).
      try FileManager.default.removeItem(atPath: path)
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      for (file, bytes) in zip(files, clean) { try bytes.write(to: file) }
      var target = 0
      while bit >= clean[target].count * 8 {
        bit -= clean[target].count * 8
        target += 1
      }
      var damaged = clean[target]
      damaged[bit / 8] ^= 1 << UInt8(bit % 8)
      try damaged.write(to: files[target])
      let recommender = Recommender(library: library, configuration: small)
      var states: [IndexState] = []
      recommender.indexReport = { states.append($0) }
      for (query, answer) in zip(queries, expected) {
        #expect(try ranking(recommender, query) == answer, "bit \(bit)")
      }
      #expect(states.allSatisfy { $0 == .current || $0.isRepair }, "bit \(bit): \(states)")
      repairs += states.count { $0.isRepair }
    }
    // Most bits lie in posting lists the three queries never read; a fair share do not.
    #expect(repairs > 0)
  }

  @Test func anIndexThatCannotBeStoredStillAnswers() throws {
    let library = try folder.library(of: topicPapers)
    let path = try #require(SegmentedIndex.path(for: library, configuration: .standard))
    // A folder where the manifest should go: the manifest cannot be written.
    try FileManager.default.createDirectory(
      atPath: path + "/manifest.json", withIntermediateDirectories: true)
    let (search, state) = try opened(library)
    guard case .builtNotStored(let error) = state else {
      Issue.record("expected an index that could not be stored, got \(state)")
      return
    }
    #expect(error.description.contains(path))
    #expect(
      try search.related(to: topicPapers[0].id, count: 1).first?.paper.id == topicPapers[1].id)
  }

  @Test func aWrittenIndexReadsBackTheSame() throws {
    let papers = try library(of: topicPapers).papers()
    try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    let path = folder.url.appendingPathComponent("index").path
    let (built, notStored) = SearchIndex.build(
      papers: papers, configuration: .standard, storingAt: path)
    #expect(notStored == nil)
    let inMemory = SearchIndex.build(papers: papers, configuration: .standard).index
    // The file holds exactly the bytes an index built in memory has.
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: path))
        == Data(inMemory.bytes.prefix(inMemory.bytes.count)))
    let read = try SearchIndex(contentsOf: path)
    #expect(read.metadata == built.metadata)
    #expect(read.vectorizer.inverseDocumentFrequency == built.vectorizer.inverseDocumentFrequency)
    let exact = PaperIndex(library: papers)
    for (row, paper) in papers.enumerated() {
      #expect(read.row(of: paper.id) == row)
      #expect(read.id(ofRow: row) == paper.id)
      let scores = try read.scores(of: exact.vectors[row])
      #expect(try scores.values == built.scores(of: exact.vectors[row]).values)
      #expect(!scores.isPruned && scores.tolerance < 0.01)
      for (other, vector) in exact.vectors.enumerated() {
        #expect(abs(scores.values[other] - exact.vectors[row].dot(vector)) <= scores.tolerance)
      }
    }
    #expect(read.row(of: try #require(ArxivID("2406.99999"))) == nil)
    #expect(read.id(ofRow: papers.count) == nil)
  }

  @Test(arguments: [1, 2, 3, 7])
  func scoresDoNotDependOnHowTheRowsAreSplit(parts: Int) throws {
    let papers = vocabularyPapers
    let index = SearchIndex.build(papers: papers, configuration: .standard).index
    let exact = PaperIndex(library: papers)
    for row in stride(from: 0, to: 240, by: 37) {
      let scores = try index.scores(of: exact.vectors[row], parts: parts)
      #expect(scores.values == (try index.scores(of: exact.vectors[row], parts: 1).values))
      for (other, vector) in exact.vectors.enumerated() {
        #expect(abs(scores.values[other] - exact.vectors[row].dot(vector)) <= scores.tolerance)
      }
    }
  }

  @Test(arguments: [Float(0.01), 0.05, 0.2])
  func listsLeftOutChangeNoScoreByMoreThanTheTolerance(budget: Float) throws {
    let papers = generatedPapers(400, topics: 8)
    let index = SearchIndex.build(papers: papers, configuration: .standard).index
    let exact = PaperIndex(library: papers)
    var pruned = 0
    for row in stride(from: 0, to: 400, by: 19) {
      let all = try index.scores(of: exact.vectors[row])
      let scores = try index.scores(of: exact.vectors[row], leavingOut: budget)
      #expect(scores.tolerance <= all.tolerance + budget)
      if scores.isPruned { pruned += 1 }
      for (other, vector) in exact.vectors.enumerated() {
        #expect(abs(scores.values[other] - exact.vectors[row].dot(vector)) <= scores.tolerance)
      }
    }
    #expect(pruned > 0)
  }

  @Test func readingMoreOfTheListsLeftOutNarrowsTheTolerance() throws {
    let papers = generatedPapers(400, topics: 8)
    let index = SegmentedIndex(SearchIndex.build(papers: papers, configuration: .standard).index)
    let exact = PaperIndex(library: papers)
    for row in stride(from: 0, to: 400, by: 41) {
      var scores = try index.scores(of: exact.vectors[row], leavingOut: 0.3)
      #expect(scores.isPruned)
      for budget: Float in [0.1, 0.02, 0] {
        let before = scores.tolerance
        try index.readMore(of: &scores, downTo: budget)
        #expect(scores.leftOutBound <= budget && scores.tolerance <= before)
        for (other, vector) in exact.vectors.enumerated() {
          #expect(abs(scores.values[other] - exact.vectors[row].dot(vector)) <= scores.tolerance)
        }
      }
      #expect(!scores.isPruned)
      #expect(try scores.tolerance == index.scores(of: exact.vectors[row]).tolerance)
    }
  }

  @Test func aDamagedPostingListIsAnErrorNotACrash() throws {
    let papers = try library(of: topicPapers).papers()
    try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    let path = folder.url.appendingPathComponent("index").path
    let built = SearchIndex.build(papers: papers, configuration: .standard, storingAt: path).index
    let query = PaperIndex(library: papers).vectors[0]
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    // Point the query's first feature's list far past the end of the file.
    let start = built.layout.postingStarts + 8 * (Int(query.indices[0]) + 1)
    bytes.replaceSubrange(start..<(start + 8), with: [UInt8](repeating: 0x7F, count: 8))
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(throws: SearchIndexError.damaged(path: path)) {
      try SearchIndex(contentsOf: path).scores(of: query)
    }
  }
}

@Suite struct ConcatenationTests {
  let folder = LibraryFolder()

  @Test(arguments: [[240], [100, 140], [1, 60, 0, 179], [80, 80, 80]])
  func partsConcatenateToTheIndexOfAllTheirVectors(sizes: [Int]) throws {
    let papers = vocabularyPapers
    try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    let (weights, vectors) = NGramVectorizer.fitted(
      on: papers.map { $0.text(for: .standard) }, configuration: .standard, keepingDropped: true)
    let whole = folder.url.appendingPathComponent("whole").path
    _ = SearchIndex.build(
      ids: papers.map(\.id), vectors: vectors, weights: weights, storingAt: whole)
    var parts: [SearchIndex] = []
    var start = 0
    for (number, size) in sizes.enumerated() {
      let path = folder.url.appendingPathComponent("part\(number)").path
      let range = start..<(start + size)
      _ = SearchIndex.build(
        ids: range.map { papers[$0].id }, vectors: Array(vectors[range]), weights: weights,
        storingAt: path)
      parts.append(try SearchIndex(contentsOf: path))
      start += size
    }
    let joined = folder.url.appendingPathComponent("joined").path
    _ = try SearchIndex.concatenate(parts, storingAt: joined)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: joined))
        == Data(contentsOf: URL(fileURLWithPath: whole)))
  }
}
