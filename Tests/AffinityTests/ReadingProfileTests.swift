import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import Testing
import _TestSupport

@testable import Affinity

/// Several liked papers, and papers to steer away from, as one query.
@Suite struct ReadingProfileTests {
  let papers = generatedPapers(120, topics: 4)

  func id(_ text: String) throws -> ArxivID { try #require(ArxivID(text)) }

  /// Each paper's exact cosine with every paper, by id.
  func cosines(of paper: ArxivID, in papers: [Paper]) throws -> [ArxivID: Float] {
    let index = PaperIndex(library: papers)
    let row = try #require(papers.firstIndex { $0.id == paper })
    return Dictionary(
      uniqueKeysWithValues: papers.indices.map {
        (papers[$0].id, index.vectors[row].dot(index.vectors[$0]))
      })
  }

  @Test(arguments: ["library", "memory"])
  func oneLikedPaperIsRelatedToIt(source: String) throws {
    let library = try library(of: papers)
    let recommender =
      source == "library"
      ? Recommender(library: library) : Recommender(papers: try library.papers())
    let first = papers[0].id
    let alone = try recommender.related(to: first, count: 10)
    let profile = try recommender.related(to: ReadingProfile(liked: [first]), count: 10)
    #expect(profile.map(\.paper.id) == alone.map(\.paper.id))
    #expect(profile.map(\.score) == alone.map(\.score))
  }

  @Test func aProfileScoresTheMeanOfItsCosinesLessAQuarterOfTheAvoidedOnes() throws {
    let recommender = Recommender(papers: papers)
    let (a, b, avoided) = (papers[0].id, papers[1].id, papers[2].id)
    let withA = try cosines(of: a, in: papers)
    let withB = try cosines(of: b, in: papers)
    let withAvoided = try cosines(of: avoided, in: papers)
    let results = try recommender.related(
      to: ReadingProfile(liked: [a, b], disliked: [avoided]), count: 200)
    #expect(results.count > 20)
    for result in results {
      let id = result.paper.id
      let expected = (withA[id]! + withB[id]!) / 2 - 0.25 * withAvoided[id]!
      #expect(abs(result.score - expected) < 1e-5, "\(id)")
    }
    // Every paper with a positive score is there, best first; the profile's own never are.
    let positive = papers.filter {
      ![a, b, avoided].contains($0.id)
        && (withA[$0.id]! + withB[$0.id]!) / 2 - 0.25 * withAvoided[$0.id]! > 1e-5
    }
    #expect(Set(results.map(\.paper.id)).isSuperset(of: positive.map(\.id)))
    #expect(!results.contains { [a, b, avoided].contains($0.paper.id) })
    #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
  }

  @Test func excludedPapersAndTheFilterNarrowTheCandidates() throws {
    let recommender = Recommender(papers: papers)
    let liked = ReadingProfile(liked: [papers[0].id, papers[5].id])
    let all = try recommender.related(to: liked, count: 10)
    let excluded = Set(all.prefix(3).map(\.paper.id))
    let rest = try recommender.related(to: liked, count: 7, excluding: excluded)
    #expect(rest.map(\.paper.id) == all.dropFirst(3).map(\.paper.id))
    let day = try #require(Day("2024-07-03"))
    let onADay = try recommender.related(to: liked, count: 50, filter: PaperFilter(date: day))
    #expect(!onADay.isEmpty && onADay.allSatisfy { $0.paper.dates.contains(day) })
  }

  @Test func explanationsNameTheNearestLikedPapersFirst() throws {
    let recommender = Recommender(papers: papers)
    let (a, b) = (papers[0].id, papers[1].id)
    let withA = try cosines(of: a, in: papers)
    let withB = try cosines(of: b, in: papers)
    let results = try recommender.related(
      to: ReadingProfile(liked: [a, b]), count: 10, explained: true)
    for result in results {
      let nearest = try #require(result.closeTo?.first)
      let id = result.paper.id
      #expect(nearest == (withA[id]! >= withB[id]! ? a : b), "\(id)")
      #expect(result.sharedTerms?.isEmpty == false)
    }
    // One paper asked about is not named back.
    #expect(
      try recommender.related(to: a, count: 3, explained: true).allSatisfy { $0.closeTo == nil })
  }

  @Test func badProfilesAreErrors() throws {
    let recommender = Recommender(papers: papers)
    let (a, b) = (papers[0].id, papers[1].id)
    #expect(throws: RecommendationError.repeatedPaper(a)) {
      try recommender.related(to: ReadingProfile(liked: [a, b, a]), count: 3)
    }
    #expect(throws: RecommendationError.repeatedPaper(b)) {
      try recommender.related(to: ReadingProfile(liked: [a, b], disliked: [b]), count: 3)
    }
    let unknown = try id("2407.99999")
    #expect(throws: RecommendationError.unknownPaper(unknown)) {
      try recommender.related(to: ReadingProfile(liked: [a], disliked: [unknown]), count: 3)
    }
    #expect(
      throws: RecommendationError.unknownPaper(try id("2407.0119"), closest: try id("2407.00119"))
    ) {
      try recommender.related(to: ReadingProfile(liked: [a, try id("2407.0119")]), count: 3)
    }
  }

  /// On our topic labels of the shared papers (Scripts/eval/topics.tsv): two liked papers of a
  /// topic bring more of it into the top five than one does, and steering away from the nearest
  /// paper of another topic helps too (the figures are in docs/benchmarks.md).
  @Test(.enabled(if: SharedCorpus.shouldRun, "../shared/corpus/daily-papers is not there"))
  func twoLikedPapersBeatOneOnTheSharedPapers() throws {
    let papers = CorpusReader.read(paths: [SharedCorpus.path]).flatMap(\.papers)
    var merged = MergedPapers()
    merged.add(papers)
    let recommender = Recommender(papers: merged.papers())
    let labels = try String(
      contentsOf: SharedCorpus.repository.appendingPathComponent("Scripts/eval/topics.tsv"),
      encoding: .utf8
    ).split(separator: "\n").filter { !$0.hasPrefix("#") }.reduce(into: [ArxivID: String]()) {
      let fields = $1.split(separator: "\t")
      if let id = ArxivID(String(fields[0])) { $0[id] = String(fields[1]) }
    }
    func precision(_ profile: ReadingProfile, topic: String) throws -> Double {
      let top = try recommender.related(to: profile, count: 5)
      return Double(top.filter { labels[$0.paper.id] == topic }.count) / 5
    }
    let ids = labels.keys.sorted()
    var one: [Double] = []
    var pairs: [Double] = []
    var avoiding: [Double] = []
    for a in ids {
      let topic = labels[a]!
      guard ids.filter({ labels[$0] == topic }).count >= 2 else { continue }
      one.append(try precision(ReadingProfile(liked: [a]), topic: topic))
      let offTopic = try recommender.related(to: a, count: 50).first {
        labels[$0.paper.id] != topic
      }
      let avoided = try #require(offTopic).paper.id
      avoiding.append(try precision(ReadingProfile(liked: [a], disliked: [avoided]), topic: topic))
      for b in ids where b > a && labels[b] == topic {
        pairs.append(try precision(ReadingProfile(liked: [a, b]), topic: topic))
      }
    }
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
    #expect(labels.count == 76 && pairs.count == 285)
    #expect(mean(pairs) > mean(one) + 0.04, "pairs \(mean(pairs)), one \(mean(one))")
    #expect(mean(avoiding) > mean(one), "avoiding \(mean(avoiding)), one \(mean(one))")
  }
}
