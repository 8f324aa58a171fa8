import SimilarityCore
import Testing

@Suite struct NearestNeighborsTests {
  // Rows: e₀, (0.6, 0.8), e₁, (0.6, 0.8) again (a tie with row 1), −e₀.
  let corpus = Matrix(rowArrays: [[1, 0], [0.6, 0.8], [0, 1], [0.6, 0.8], [-1, 0]])

  @Test func singleQueryRanksByScoreThenIndex() {
    // Scores against (0.6, 0.8): 0.6, 1.0, 0.8, 1.0, −0.6.
    let neighbors = corpus.nearestNeighbors(of: [0.6, 0.8], count: 3)
    #expect(neighbors.map(\.index) == [1, 3, 2])
    #expect(isClose(neighbors[0].score, 1) && isClose(neighbors[2].score, 0.8))
  }

  @Test func countLargerThanTheCorpusReturnsEverything() {
    #expect(corpus.nearestNeighbors(of: [1, 0], count: 50).map(\.index) == [0, 1, 3, 2, 4])
  }

  @Test func zeroCountAndEmptyCorpusReturnNothing() {
    #expect(corpus.nearestNeighbors(of: [1, 0], count: 0).isEmpty)
    #expect(Matrix(rows: 0, columns: 2).nearestNeighbors(of: [1, 0], count: 3).isEmpty)
  }

  @Test func candidatesCanBeExcluded() {
    let neighbors = corpus.nearestNeighbors(of: [1, 0], count: 2, where: { $0 != 0 })
    #expect(neighbors.map(\.index) == [1, 3])
  }

  @Test func nanScoresAreSkipped() {
    let withNaN = Matrix(rowArrays: [[1, 0], [.nan, 0], [0.5, 0]])
    #expect(withNaN.nearestNeighbors(of: [1, 0], count: 3).map(\.index) == [0, 2])
  }

  @Test func allPairsExcludesEachRowItself() {
    let lists = corpus.nearestNeighbors(ofRows: corpus, count: 2, excludingSameIndex: true)
    #expect(lists.map { $0.map(\.index) } == [[1, 3], [3, 2], [1, 3], [1, 2], [2, 1]])
  }

  @Test(arguments: [(1, 1), (3, 7), (64, 5), (256, 4096)])
  func tiledSearchMatchesBruteForce(queryTile: Int, corpusTile: Int) {
    // 300 deterministic rows of 17 values; the oracle is a plain double loop.
    let rows = 300
    let columns = 17
    let data = Matrix(
      rows: rows, columns: columns,
      elements: (0..<(rows * columns)).map {
        Float(($0 * 7919) % 211) / 105 - 1
      })
    let lists = data.nearestNeighbors(
      ofRows: data, count: 5, excludingSameIndex: true, queryTile: queryTile, corpusTile: corpusTile
    )
    for query in stride(from: 0, to: rows, by: 37) {
      var all: [Neighbor] = []
      for row in 0..<rows where row != query {
        var score: Float = 0
        for column in 0..<columns { score += data[query, column] * data[row, column] }
        all.append(Neighbor(index: row, score: score))
      }
      let expected = all.sorted { $0.ranks(before: $1) }.prefix(5)
      #expect(lists[query].map(\.index) == expected.map(\.index))
      #expect(
        zip(lists[query], expected).allSatisfy { isClose($0.score, $1.score, tolerance: 1e-4) })
    }
  }

  @Test func allPairsRestoresTheBLASThreadCount() {
    let before = BLASSettings.threadCount
    _ = corpus.nearestNeighbors(ofRows: corpus, count: 1)
    #expect(BLASSettings.threadCount == before)
  }
}
