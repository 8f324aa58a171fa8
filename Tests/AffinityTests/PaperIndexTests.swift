import Affinity
import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import Testing

func paper(_ id: String, _ title: String, _ summary: String, day: String = "2024-06-18") -> Paper {
  guard let arxivID = ArxivID(id), let date = Day(day) else { fatalError("bad fixture \(id)") }
  return Paper(id: arxivID, title: title, dates: [date], sections: [SummarySection(text: summary)])
}

/// An in-memory library holding `papers`.
func library(of papers: [Paper]) throws -> PaperLibrary {
  let library = try PaperLibrary.inMemory()
  try library.add(papers)
  return library
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

/// 240 papers from a fixed 30-word vocabulary: many near-ties, and more papers than the
/// re-scoring depth.
let vocabularyPapers: [Paper] = (0..<240).map { i in
  let words: [String] = (0..<30).map { "term\($0) 용어\($0)를" }
  let summary = (0..<12).map { (j: Int) in words[(i * 7 + j * j * 11) % 30] }
  return paper(String(format: "2406.%05d", i + 1), "Paper \(i)", summary.joined(separator: " "))
}

@Suite struct PaperIndexTests {
  let index = PaperIndex(papers: topicPapers)

  @Test func allPairsAgreesWithSingleQueries() throws {
    let search = try LibrarySearch(library: try library(of: topicPapers))
    for (row, list) in index.relatedForAll(count: 2).enumerated() {
      let single = try search.related(to: topicPapers[row].id, count: 2)
      #expect(list.map(\.paper.id) == single.map(\.paper.id))
      #expect(list.map(\.score) == single.map(\.score))
    }
  }

  @Test(arguments: [1, 3])
  func allPairsEqualsBruteForceOnManyNearTies(step: Int) {
    // 240 papers, more than the re-scoring depth: most candidate pairs are listed by both
    // papers and scored once; every paper's list must still equal the exact one.
    let index = PaperIndex(papers: vocabularyPapers)
    let rows = Array(stride(from: 0, to: vocabularyPapers.count, by: step))
    for (row, list) in zip(rows, index.relatedForAll(rows, count: 10)) {
      let scores: [(row: Int, score: Float)] = rows.filter { $0 != row }.map { other in
        (other, index.vectors[row].dot(index.vectors[other]))
      }
      let exact = scores.filter { $0.score > 0 }.sorted { a, b in
        a.score > b.score || (a.score == b.score && a.row < b.row)
      }.prefix(10)
      #expect(list.map { $0.row } == exact.map { $0.row }, "paper \(row)")
      #expect(list.map { $0.score } == exact.map { $0.score }, "paper \(row)")
    }
  }

  @Test func explanationNamesSharedWords() {
    let terms = index.explanation(of: 0, and: 1)
    #expect(terms.first?.term == "preference optimization")
    #expect(terms.allSatisfy { $0.share > 0 && $0.share <= 1 })
  }

  @Test func theCommittedModelFileIsTheStandardConfiguration() throws {
    #expect(try model("affinity-ngram-v3") == .standard)
  }

  @Test func theEarlierModelStillTakesNGramsInsideScriptAwareWords() throws {
    // v2 files have no characterNGramWords: n-grams inside Tokenizer's words, as v2 always did.
    let earlier = try model("affinity-ngram-v2")
    var expected = VectorizerConfiguration.standard
    expected.version = "affinity-ngram-v2"
    expected.characterNGramWords = nil
    expected.candidateDimension = nil  // candidates in the embedding's 4096 dimensions
    expected.rescoringDepth = 100  // and 100 of them, as v2 files have always said
    #expect(earlier == expected)
    #expect(earlier.candidateSearchDimension == earlier.embeddingDimension)
    let papers = [
      paper("2406.00001", "Preference", "(DPO)를 쓰는 최적화"), paper("2406.00002", "DPO", "DPO를 쓰는 최적화"),
    ]
    let v2 = PaperIndex(papers: papers, configuration: earlier).vectors
    let v3 = PaperIndex(papers: papers, configuration: .standard).vectors
    #expect(v2[0] != v3[0])  // "(dpo)를" is one token for v3's n-grams, "dpo" and "를" for v2's
  }

  private func model(_ name: String) throws -> VectorizerConfiguration {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Models/\(name).json")
    return try JSONDecoder().decode(VectorizerConfiguration.self, from: Data(contentsOf: url))
  }
}
