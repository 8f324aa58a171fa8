import Affinity
import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import Testing

@Suite struct LibrarySearchTests {
  let search: LibrarySearch

  init() throws { search = try LibrarySearch(library: try library(of: topicPapers)) }

  func id(_ text: String) throws -> ArxivID { try #require(ArxivID(text)) }

  @Test func relatedFindsThePaperOfTheSameTopicFirst() throws {
    for (query, expected) in [
      ("2406.00001", "2406.00002"), ("2406.00003", "2406.00004"), ("2406.00005", "2406.00006"),
    ] {
      #expect(try search.related(to: id(query), count: 1).map(\.paper.id.rawValue) == [expected])
    }
  }

  @Test func relatedNeverReturnsThePaperItselfAndRanksFromOne() throws {
    let results = try search.related(to: id("2406.00001"), count: 10)
    #expect(!results.contains { $0.paper.id.rawValue == "2406.00001" })
    #expect(results.map(\.rank) == Array(1...results.count))
    #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
  }

  @Test func countLargerThanTheLibraryReturnsEveryMatch() throws {
    #expect(try search.related(to: id("2406.00001"), count: 1000).count <= 5)
  }

  @Test func candidatesCanBeNarrowedByDay() throws {
    let july = try #require(Day("2024-07-01"))
    let results = try search.related(
      to: id("2406.00001"), count: 5, filter: PaperFilter(date: july))
    #expect(!results.isEmpty)
    #expect(results.allSatisfy { $0.paper.dates == [july] })
    #expect(
      try search.search("코드 생성", count: 5, filter: PaperFilter(since: Day("2024-08-01"))).isEmpty)
  }

  @Test func unknownPaperIsAnError() throws {
    #expect(throws: RecommendationError.unknownPaper(try id("2406.99999"))) {
      try search.related(to: id("2406.99999"), count: 3)
    }
  }

  @Test func anEmptyLibraryIsAnError() throws {
    #expect(throws: RecommendationError.emptyLibrary) {
      try LibrarySearch(library: try PaperLibrary.inMemory())
    }
  }

  @Test func searchFindsAKoreanSummaryFromAnEnglishTitle() throws {
    #expect(
      try search.search("Text to 3D Gaussians", count: 1).first?.paper.id.rawValue == "2406.00004")
    #expect(
      try search.search("코드 생성", count: 2).map(\.paper.id.rawValue).sorted() == [
        "2406.00005", "2406.00006",
      ])
  }

  @Test func emptyQueryIsAnErrorAndUnknownWordsFindNothing() throws {
    #expect(throws: RecommendationError.emptyQuery) { try search.search("  ?! ", count: 3) }
    #expect(try search.search("zzzzqqq", count: 3).isEmpty)
  }

  @Test func scoresEqualTheExactCosinesOfEveryPaper() throws {
    let library = try library(of: vocabularyPapers)
    let large = try LibrarySearch(library: library)
    let exact = PaperIndex(papers: try library.papers())
    for row in stride(from: 0, to: 240, by: 23) {
      let found = try large.related(to: exact.papers[row].id, count: 5)
      let query = exact.vectors[row]
      var ranked: [(row: Int, score: Float)] = []
      for other in exact.vectors.indices where other != row {
        let score = query.dot(exact.vectors[other])
        if score > 0 { ranked.append((other, score)) }
      }
      ranked.sort { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
      let best = ranked.prefix(5)
      #expect(found.map { $0.paper.id } == best.map { exact.papers[$0.row].id })
      #expect(found.map { $0.score } == best.map { $0.score })
    }
  }

  @Test func explanationNamesSharedWords() throws {
    let terms = search.explanation(of: topicPapers[0], and: topicPapers[1])
    #expect(terms.first?.term == "preference optimization")
    #expect(terms.allSatisfy { $0.share > 0 && $0.share <= 1 })
    #expect(
      search.explanation(ofQuery: "가우시안 스플래팅", and: topicPapers[3]).map(\.term).contains("가우시안"))
  }

  @Test func aPaperWithNoSummaryStillHasItsTitle() throws {
    let bare = try LibrarySearch(
      library: try library(of: topicPapers + [paper("2406.00007", "Preference Optimization", "")]))
    #expect(
      try bare.related(to: id("2406.00007"), count: 1).first?.paper.id.rawValue.hasPrefix(
        "2406.0000") == true)
  }
}
