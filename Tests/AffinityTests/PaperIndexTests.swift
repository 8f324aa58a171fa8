import Affinity
import Foundation
import NGramVectorizer
import PaperCorpus
import Testing

func paper(_ id: String, _ title: String, _ summary: String, day: String = "2024-06-18") -> Paper {
  guard let arxivID = ArxivID(id), let date = Day(day) else { fatalError("bad fixture \(id)") }
  return Paper(id: arxivID, title: title, dates: [date], sections: [SummarySection(text: summary)])
}

/// Six papers in three topics, summaries written for these tests.
let topicPapers = [
  paper(
    "2406.00001", "Direct Preference Optimization for Multimodal Models",
    "이미지 조건 선호 최적화 preference optimization으로 환각을 줄입니다."),
  paper(
    "2406.00002", "Weighted Preference Optimization",
    "off-policy 선호 데이터에 가중치를 주는 preference optimization 방법입니다."),
  paper("2406.00003", "Gaussian Splatting for 4D Scenes", "가우시안 스플래팅으로 움직이는 4D 장면을 복원합니다."),
  paper("2406.00004", "Text to 3D Gaussians", "텍스트에서 3D 가우시안 스플래팅 자산을 생성합니다."),
  paper(
    "2406.00005", "A Benchmark for Code Generation", "여러 프로그래밍 언어의 코드 생성 벤치마크입니다.",
    day: "2024-07-01"),
  paper(
    "2406.00006", "Repository-Level Code Generation", "실제 저장소 수준의 코드 생성 평가입니다.", day: "2024-07-01"),
]

@Suite struct PaperIndexTests {
  let index = PaperIndex(papers: topicPapers)

  func id(_ text: String) throws -> ArxivID { try #require(ArxivID(text)) }

  @Test func relatedFindsThePaperOfTheSameTopicFirst() throws {
    #expect(
      try index.related(to: id("2406.00001"), count: 1).map(\.paper.id.rawValue) == ["2406.00002"])
    #expect(
      try index.related(to: id("2406.00003"), count: 1).map(\.paper.id.rawValue) == ["2406.00004"])
    #expect(
      try index.related(to: id("2406.00005"), count: 1).map(\.paper.id.rawValue) == ["2406.00006"])
  }

  @Test func relatedNeverReturnsThePaperItselfAndRanksFromOne() throws {
    let results = try index.related(to: id("2406.00001"), count: 10)
    #expect(!results.contains { $0.paper.id.rawValue == "2406.00001" })
    #expect(results.map(\.rank) == Array(1...results.count))
    #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
  }

  @Test func countLargerThanTheLibraryReturnsEveryMatch() throws {
    #expect(try index.related(to: id("2406.00001"), count: 1000).count <= 5)
  }

  @Test func candidatesCanBeNarrowed() throws {
    let results = try index.related(to: id("2406.00001"), count: 5) {
      topicPapers[$0].dates.first == Day("2024-07-01")
    }
    #expect(results.allSatisfy { $0.paper.dates.first == Day("2024-07-01") })
  }

  @Test func unknownPaperIsAnError() throws {
    #expect(throws: RecommendationError.unknownPaper(try id("2406.99999"))) {
      try index.related(to: id("2406.99999"), count: 3)
    }
  }

  @Test func searchFindsAKoreanSummaryFromAnEnglishTitle() throws {
    #expect(
      try index.search("Text to 3D Gaussians", count: 1).first?.paper.id.rawValue == "2406.00004")
    #expect(
      try index.search("코드 생성", count: 2).map(\.paper.id.rawValue).sorted() == [
        "2406.00005", "2406.00006",
      ])
  }

  @Test func emptyQueryIsAnErrorAndUnknownWordsFindNothing() throws {
    #expect(throws: RecommendationError.emptyQuery) { try index.search("  ?! ", count: 3) }
    #expect(try index.search("zzzzqqq", count: 3).isEmpty)
  }

  @Test func allPairsAgreesWithSingleQueries() throws {
    let all = index.relatedForAll(count: 2)
    for (row, list) in all.enumerated() {
      let single = try index.related(to: topicPapers[row].id, count: 2)
      #expect(list.map(\.paper.id) == single.map(\.paper.id))
    }
  }

  @Test func singleQueriesAreExactBeyondTheRescoringDepth() throws {
    // 240 papers (more than the 100 re-scored candidates) from a fixed 30-word vocabulary.
    let words: [String] = (0..<30).map { "term\($0) 용어\($0)를" }
    let papers: [Paper] = (0..<240).map { i in
      let summary = (0..<12).map { (j: Int) in words[(i * 7 + j * j * 11) % 30] }
      return paper(
        String(format: "2406.%05d", i + 1), "Paper \(i)", summary.joined(separator: " "))
    }
    let large = PaperIndex(papers: papers)
    for row in stride(from: 0, to: 240, by: 23) {
      let found = try large.related(to: papers[row].id, count: 5)
      let scores: [(row: Int, score: Float)] = large.vectors.indices.filter { $0 != row }
        .map { ($0, large.vectors[row].dot(large.vectors[$0])) }
      let exact = scores.filter { $0.score > 0 }
        .sorted { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
      #expect(found.map { $0.row } == exact.prefix(5).map { $0.row })
      #expect(zip(found, exact).allSatisfy { abs($0.score - $1.score) < 1e-6 })
    }
  }

  @Test func explanationNamesSharedWords() {
    let terms = index.explanation(of: 0, and: 1)
    #expect(terms.first?.term == "preference optimization")
    #expect(terms.allSatisfy { $0.share > 0 && $0.share <= 1 })
  }

  @Test func aPaperWithNoSummaryStillHasItsTitle() throws {
    let bare = PaperIndex(
      papers: topicPapers + [paper("2406.00007", "Preference Optimization", "")])
    #expect(
      try bare.related(to: id("2406.00007"), count: 1).first?.paper.id.rawValue.hasPrefix(
        "2406.0000") == true)
  }

  @Test func theCommittedModelFileIsTheStandardConfiguration() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Models/affinity-ngram-v2.json")
    let decoded = try JSONDecoder().decode(
      VectorizerConfiguration.self, from: Data(contentsOf: url))
    #expect(decoded == .standard)
  }
}
