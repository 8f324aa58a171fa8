import Affinity
import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import SimilarityCore
import Testing

@testable import Affinity

/// The façade's answers, over a library and over papers in memory alike.
@Suite struct RecommenderTests {
  /// Each question asked of both kinds of source.
  static let sources = ["library", "memory"]

  func recommender(_ kind: String, _ papers: [Paper] = topicPapers) throws -> Recommender {
    let library = try library(of: papers)
    return kind == "library"
      ? Recommender(library: library) : Recommender(papers: try library.papers())
  }

  func id(_ text: String) throws -> ArxivID { try #require(ArxivID(text)) }

  @Test(arguments: sources)
  func relatedFindsThePaperOfTheSameTopicFirst(source: String) throws {
    let recommender = try recommender(source)
    for (query, expected) in [
      ("2406.00001", "2406.00002"), ("2406.00003", "2406.00004"), ("2406.00005", "2406.00006"),
    ] {
      #expect(
        try recommender.related(to: id(query), count: 1).map(\.paper.id.rawValue) == [expected])
    }
  }

  @Test(arguments: sources)
  func relatedNeverReturnsThePaperItselfAndRanksFromOne(source: String) throws {
    let results = try recommender(source).related(to: id("2406.00001"), count: 10)
    #expect(!results.isEmpty)
    #expect(!results.contains { $0.paper.id.rawValue == "2406.00001" })
    #expect(results.map(\.rank) == Array(1...results.count))
    #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
    #expect(results.allSatisfy { $0.sharedTerms == nil })
  }

  @Test(arguments: sources)
  func countLargerThanTheLibraryReturnsEveryPaperWithAPositiveScore(source: String) throws {
    let vectors = PaperIndex(library: try library(of: topicPapers).papers()).vectors
    for row in vectors.indices {
      let positive = vectors.indices.filter { $0 != row && vectors[row].dot(vectors[$0]) > 0 }
      let paper = try library(of: topicPapers).papers()[row]
      let results = try recommender(source).related(to: paper.id, count: 1000)
      #expect(results.count == positive.count, "\(paper.id)")
    }
  }

  @Test(arguments: sources)
  func candidatesCanBeNarrowedByDay(source: String) throws {
    let recommender = try recommender(source)
    let july = try #require(Day("2024-07-01"))
    let results = try recommender.related(
      to: id("2406.00001"), count: 5, filter: PaperFilter(date: july))
    #expect(results.map(\.paper.id.rawValue).sorted() == ["2406.00005", "2406.00006"])
    // A filter no paper passes is an error for every question, as for lists and exports, and
    // it names the condition that left no paper.
    let august = try #require(Day("2024-08-01"))
    let later = PaperFilter(since: august)
    let error = RecommendationError.noPapersSelected(
      emptiedBy: .days(date: nil, since: august, until: nil), among: topicPapers.count)
    #expect(throws: error) { try recommender.search("코드 생성", count: 5, filter: later) }
    #expect(throws: error) {
      try recommender.related(to: id("2406.00001"), count: 5, filter: later)
    }
    #expect(throws: error) { try recommender.relatedForAll(of: .matching(later), count: 5) }
    let julyByNobody = PaperFilter(date: july, author: "Nobody")
    #expect(throws: RecommendationError.noPapersSelected(emptiedBy: .author("Nobody"), among: 2)) {
      try recommender.related(to: id("2406.00001"), count: 5, filter: julyByNobody)
    }
  }

  @Test(arguments: sources)
  func unknownPaperIsAnError(source: String) throws {
    #expect(throws: RecommendationError.unknownPaper(try id("2406.99999"))) {
      try recommender(source).related(to: id("2406.99999"), count: 3)
    }
  }

  @Test func anEmptyLibraryIsAnErrorForEveryQuestion() throws {
    for empty in [Recommender(library: try PaperLibrary.inMemory()), Recommender(papers: [])] {
      #expect(throws: RecommendationError.emptyLibrary) {
        try empty.related(to: id("2406.00001"), count: 3)
      }
      #expect(throws: RecommendationError.emptyLibrary) { try empty.search("코드", count: 3) }
      #expect(throws: RecommendationError.emptyLibrary) { try empty.relatedForAll(count: 3) }
      #expect(throws: RecommendationError.emptyLibrary) { try empty.similarities(of: .all) }
      #expect(throws: RecommendationError.emptyLibrary) { try empty.topics() }
    }
  }

  @Test(arguments: sources)
  func searchFindsAKoreanSummaryFromAnEnglishTitle(source: String) throws {
    let recommender = try recommender(source)
    #expect(
      try recommender.search("Text to 3D Gaussians", count: 1).first?.paper.id.rawValue
        == "2406.00004")
    #expect(
      try recommender.search("코드 생성", count: 2).map(\.paper.id.rawValue).sorted() == [
        "2406.00005", "2406.00006",
      ])
  }

  @Test(arguments: sources)
  func emptyQueryIsAnErrorAndUnknownWordsFindNothing(source: String) throws {
    let recommender = try recommender(source)
    #expect(throws: RecommendationError.emptyQuery) { try recommender.search("  ?! ", count: 3) }
    #expect(try recommender.search("zzzzqqq", count: 3).isEmpty)
  }

  @Test(arguments: sources)
  func scoresEqualTheExactCosinesOfEveryPaper(source: String) throws {
    let papers = try library(of: vocabularyPapers).papers()
    let large = try recommender(source, vocabularyPapers)
    let exact = PaperIndex(library: papers)
    for row in stride(from: 0, to: 240, by: 23) {
      let found = try large.related(to: papers[row].id, count: 5)
      let best = exactRanking(exact.vectors, row: row).prefix(5)
      #expect(found.map(\.paper.id) == best.map { papers[$0.index].id })
      #expect(found.map(\.score) == best.map(\.score))
    }
  }

  @Test(arguments: sources)
  func explanationsNameSharedWordsForEveryQuestion(source: String) throws {
    let recommender = try recommender(source)
    let related = try recommender.related(to: id("2406.00001"), count: 1, explained: true)
    let terms = try #require(related.first?.sharedTerms)
    #expect(terms.first?.term == "preference optimization")
    #expect(terms.allSatisfy { $0.share > 0 && $0.share <= 1 })
    let searched = try recommender.search("가우시안 스플래팅", count: 1, explained: true)
    #expect(searched.first?.sharedTerms?.map(\.term).contains("가우시안") == true)
    // Every paper's lists explain themselves the same way as one paper's.
    let all = try recommender.relatedForAll(count: 1, explained: true)
    let first = try #require(all.first { $0.paper.id == (try? id("2406.00001")) })
    #expect(first.recommendations.first?.sharedTerms == terms)
  }

  @Test(arguments: sources)
  func aPaperWithNoSummaryStillHasItsTitle(source: String) throws {
    let bare = try recommender(
      source, topicPapers + [paper("2406.00007", "Preference Optimization", "")])
    #expect(
      try bare.related(to: id("2406.00007"), count: 1).first?.paper.id.rawValue == "2406.00002")
  }
}

/// Every other paper with a positive exact score against `row`, best first, ties by position.
func exactRanking(_ vectors: [SparseVector], row: Int) -> [Neighbor] {
  vectors.indices.filter { $0 != row }.map {
    Neighbor(index: $0, score: vectors[row].dot(vectors[$0]))
  }
  .filter { $0.score > 0 }
  .sorted { $0.ranks(before: $1) }
}

/// A mistyped id gets a "did you mean" when one paper's id is one slip away.
@Suite struct ClosestIDTests {
  let papers = [
    paper("2406.10670", "CoLoR-Filter", "조건부 손실 감소 필터링입니다."),
    paper("2406.11839", "mDPO", "멀티모달 선호 최적화입니다."),
    paper("2406.11827", "WPO", "가중치를 준 선호 최적화입니다."),
  ]

  @Test(arguments: [
    ("2406.1067", "2406.10670"),  // a digit short
    ("2406.10607", "2406.10670"),  // two digits swapped
    ("2406.11838", "2406.11839"),  // one wrong
    ("2406.19999", nil),
  ])
  func nearMissesAreSuggested(typed: String, expected: String?) throws {
    let recommender = Recommender(papers: papers)
    let id = try #require(ArxivID(typed))
    let suggestion = try recommender.closestID(to: id)
    #expect(suggestion?.rawValue == expected)
    #expect(throws: RecommendationError.unknownPaper(id, closest: suggestion)) {
      try recommender.related(to: id, count: 3)
    }
  }
}
