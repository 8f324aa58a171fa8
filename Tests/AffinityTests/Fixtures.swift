import Foundation
import PaperCorpus
import PaperLibrary

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

/// `count` generated papers in `topics` topics (about 35 papers a topic by default), made by a
/// fixed generator: each topic has its own English terms and Korean words, every paper mixes
/// words of its topic with words common to all, as the digests' summaries do. Papers spread over
/// ten days; ids are in order.
func generatedPapers(_ count: Int, topics: Int? = nil, seed: UInt64 = 7) -> [Paper] {
  generatedPapersWithTopics(count, topics: topics, seed: seed).papers
}

/// ``generatedPapers(_:topics:seed:)`` with each paper's topic.
func generatedPapersWithTopics(_ count: Int, topics: Int? = nil, seed: UInt64 = 7)
  -> (papers: [Paper], topics: [Int])
{
  var state = seed
  func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
  func word(_ letters: [Character], _ length: Int) -> String {
    String((0..<length).map { _ in letters[next(letters.count)] })
  }
  let latin = Array("abcdefghijklmnopqrstuvwxyz")
  let hangul = (0..<400).compactMap { Unicode.Scalar(0xAC00 + $0 * 27).map(Character.init) }
  let common = (0..<300).map { _ in word(hangul, 2 + next(2)) }
  let vocabularies = (0..<(topics ?? max(2, count / 35))).map { _ in
    (0..<20).map { _ in word(latin, 4 + next(6)) } + (0..<20).map { _ in word(hangul, 2 + next(3)) }
  }
  var topicOf: [Int] = []
  let papers = (0..<count).map { index in
    let topic = next(vocabularies.count)
    topicOf.append(topic)
    let vocabulary = vocabularies[topic]
    let title = (0..<(4 + next(4))).map { _ in vocabulary[next(20)] }.joined(separator: " ")
    let summary = (0..<(60 + next(60))).map { _ in
      next(3) == 0 ? vocabulary[next(vocabulary.count)] : common[next(common.count)]
    }.joined(separator: " ")
    return paper(
      String(format: "2407.%05d", index + 1), title, summary,
      day: String(format: "2024-07-%02d", 1 + index % 10))
  }
  return (papers, topicOf)
}
