import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import SimilarityCore
import Testing

@testable import Affinity

@Suite struct PaperIndexTests {
  @Test func allPairsAgreesWithSingleQueries() throws {
    let papers = try library(of: topicPapers).papers()
    let single = Recommender(papers: papers)
    for list in try Recommender(papers: papers).relatedForAll(count: 2) {
      let expected = try single.related(to: list.paper.id, count: 2)
      #expect(list.recommendations.map(\.paper.id) == expected.map(\.paper.id))
      #expect(list.recommendations.map(\.score) == expected.map(\.score))
    }
  }

  @Test(arguments: [1, 3])
  func allPairsEqualsBruteForceOnManyNearTies(step: Int) {
    // 240 papers (or every third), more than the re-scoring depth: every paper's list must
    // still equal the exact one.
    let rows = Array(stride(from: 0, to: vocabularyPapers.count, by: step))
    let index = PaperIndex(library: vocabularyPapers, keeping: rows)
    for (row, list) in index.relatedForAll(count: 10).enumerated() {
      let exact = exactRanking(index.vectors, row: row).prefix(10)
      #expect(list.map(\.index) == exact.map(\.index), "paper \(row)")
      #expect(list.map(\.score) == exact.map(\.score), "paper \(row)")
    }
  }

  @Test func keptPapersHaveTheVectorsOfTheWholeLibrary() {
    let all = PaperIndex(library: vocabularyPapers)
    let rows = [200, 3, 17]
    let kept = PaperIndex(library: vocabularyPapers, keeping: rows)
    #expect(kept.papers.map(\.id) == rows.map { vocabularyPapers[$0].id })
    #expect(kept.vectors == rows.map { all.vectors[$0] })
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
    #expect(earlier == expected)
    let papers = [
      paper("2406.00001", "Preference", "(DPO)를 쓰는 최적화"), paper("2406.00002", "DPO", "DPO를 쓰는 최적화"),
    ]
    let v2 = PaperIndex(library: papers, configuration: earlier).vectors
    let v3 = PaperIndex(library: papers, configuration: .standard).vectors
    #expect(v2[0] != v3[0])  // "(dpo)를" is one token for v3's n-grams, "dpo" and "를" for v2's
  }

  private func model(_ name: String) throws -> VectorizerConfiguration {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Models/\(name).json")
    return try JSONDecoder().decode(VectorizerConfiguration.self, from: Data(contentsOf: url))
  }
}
