import PaperCorpus
import PaperLibrary
import SimilarityCore
import Testing

@testable import Affinity

/// `matrix` and `related` give one similarity: the exact matrix's best entries are every
/// paper's related papers.
@Suite struct SimilaritiesTests {
  /// The whole matrix, read block by block.
  func wholeMatrix(_ cosines: any CosineBlocks, part: CosineBlock.Part = .full) -> [[Float]] {
    var rows: [[Float]] = []
    cosines.forEachCosineBlock(part, elementBudget: 1000) { block in
      for row in block.rows { rows.append(Array(block.row(row))) }
    }
    return rows
  }

  @Test(arguments: [300, 800])
  func eachRowsBestEntriesAreTheRelatedLists(count: Int) throws {
    let papers = generatedPapers(count)
    let recommender = Recommender(papers: papers)
    let similarities = try recommender.similarities(of: .all)
    #expect(similarities.isExact)
    #expect(similarities.papers.map(\.id) == papers.map(\.id))
    let matrix = wholeMatrix(similarities.cosines)
    let position = Dictionary(uniqueKeysWithValues: papers.enumerated().map { ($1.id, $0) })
    for (row, list) in try recommender.relatedForAll(count: 10).enumerated() {
      let best = matrix[row].enumerated().filter { $0.offset != row && $0.element > 0 }
        .map { Neighbor(index: $0.offset, score: $0.element) }
        .sorted { $0.ranks(before: $1) }.prefix(10)
      #expect(list.paper.id == papers[row].id)
      let listed = list.recommendations.compactMap { position[$0.paper.id] }
      #expect(listed == best.map(\.index), "paper \(row)")
      #expect(list.recommendations.map(\.score) == best.map(\.score), "paper \(row)")
    }
  }

  @Test func relatedPapersFromTheSearchIndexAreTheMatrixsBestEntries() throws {
    let papers = generatedPapers(800)
    let recommender = Recommender(papers: papers)
    let matrix = wholeMatrix(try recommender.similarities(of: .all).cosines)
    let position = Dictionary(uniqueKeysWithValues: papers.enumerated().map { ($1.id, $0) })
    for row in stride(from: 0, to: papers.count, by: 13) {
      let best = matrix[row].enumerated().filter { $0.offset != row && $0.element > 0 }
        .map { Neighbor(index: $0.offset, score: $0.element) }
        .sorted { $0.ranks(before: $1) }.prefix(10)
      let list = try recommender.related(to: papers[row].id, count: 10)
      #expect(list.compactMap { position[$0.paper.id] } == best.map(\.index), "paper \(row)")
      #expect(list.map(\.score) == best.map(\.score), "paper \(row)")
    }
  }

  @Test func theMatrixIsSymmetricWithOnesOnTheDiagonalAndEqualsDotProducts() throws {
    let papers = generatedPapers(150)
    let similarities = try Recommender(papers: papers).similarities(of: .all)
    let full = wholeMatrix(similarities.cosines)
    let lower = wholeMatrix(similarities.cosines, part: .lowerTriangle)
    let vectors = PaperIndex(library: papers).vectors
    for i in papers.indices {
      #expect(full[i][i] == 1)
      #expect(Array(lower[i]) == Array(full[i].prefix(lower[i].count)))
      for j in papers.indices where j != i {
        #expect(full[i][j] == full[j][i])
        #expect(full[i][j] == vectors[i].dot(vectors[j]))
      }
    }
  }

  @Test func aSelectionKeepsItsOrderAndTheLibrarysWeights() throws {
    let papers = generatedPapers(120)
    let picked = [papers[90].id, papers[4].id, papers[37].id]
    let similarities = try Recommender(papers: papers).similarities(of: .ids(picked))
    #expect(similarities.papers.map(\.id) == picked)
    let vectors = PaperIndex(library: papers).vectors
    let matrix = wholeMatrix(similarities.cosines)
    #expect(matrix[0][1] == vectors[90].dot(vectors[4]))
    #expect(matrix[2][0] == vectors[37].dot(vectors[90]))
  }

  @Test func pastTheLimitTheMatrixHoldsTheEmbeddingsCosines() throws {
    let papers = generatedPapers(60)
    let recommender = Recommender(papers: papers)
    let approximate = try recommender.similarities(of: .all, exactLimit: 59)
    #expect(!approximate.isExact)
    let embedding = try recommender.embedding(of: .all).embedding
    let matrix = wholeMatrix(approximate.cosines)
    for i in [0, 17, 59] {
      for j in [3, 40] where i != j {
        let dot = zip(embedding.row(i), embedding.row(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(abs(matrix[i][j] - dot) < 1e-5)
      }
    }
    #expect(try recommender.similarities(of: .all, exactLimit: 60).isExact)
  }

  @Test func badSelectionsAreErrors() throws {
    let papers = generatedPapers(20)
    let recommender = Recommender(papers: papers)
    let unknown = try #require(ArxivID("2407.99999"))
    #expect(throws: RecommendationError.unknownPaper(unknown)) {
      try recommender.similarities(of: .ids([papers[0].id, unknown]))
    }
    #expect(throws: RecommendationError.repeatedPaper(papers[1].id)) {
      try recommender.similarities(of: .ids([papers[1].id, papers[2].id, papers[1].id]))
    }
    let later = try #require(Day("2030-01-01"))
    #expect(
      throws: RecommendationError.noPapersSelected(
        emptiedBy: .days(date: later, since: nil, until: nil), among: papers.count)
    ) {
      try recommender.similarities(of: .matching(PaperFilter(date: later)))
    }
    #expect(throws: RecommendationError.noPapersSelected()) {
      try recommender.embedding(of: .ids([]))
    }
  }
}
