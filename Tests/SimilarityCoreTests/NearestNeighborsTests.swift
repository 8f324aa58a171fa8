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

  @Test func bestOfAScoreListRanksByScoreThenIndexAndSkipsNaN() {
    let scores: [Float] = [0.2, 0.9, .nan, 0.5, 0.9]
    #expect(Neighbor.best(3, of: scores).map(\.index) == [1, 4, 3])
    #expect(Neighbor.best(9, of: scores, where: { $0 != 1 }).map(\.index) == [4, 3, 0])
    #expect(Neighbor.best(0, of: scores).isEmpty)
  }

  @Test func allPairsExcludesEachRowItself() {
    let lists = corpus.nearestNeighborsOfEachRow(count: 2)
    #expect(lists.map { $0.map(\.index) } == [[1, 3], [3, 2], [1, 3], [1, 2], [2, 1]])
  }

  @Test func allPairsWithLargeCountReturnsEveryOtherRowAndSkipsNaN() {
    let withNaN = Matrix(rowArrays: [[1, 0], [.nan, 0], [0.5, 0], [0, 1]])
    let lists = withNaN.nearestNeighborsOfEachRow(count: 10, tile: 3)
    #expect(lists.map { $0.map(\.index) } == [[2, 3], [], [0, 3], [0, 2]])
    #expect(Matrix(rows: 0, columns: 3).nearestNeighborsOfEachRow(count: 3).isEmpty)
    #expect(corpus.nearestNeighborsOfEachRow(count: 0) == Array(repeating: [], count: 5))
    #expect(Matrix(rowArrays: [[1, 0]]).nearestNeighborsOfEachRow(count: 3) == [[]])
  }

  @Test(arguments: [1, 3, 7, 64, 299, 1024])
  func tiledAllPairsMatchBruteForce(tile: Int) {
    // 300 rows of 17 seeded random values; the oracle is a plain double loop. Rounding may order near-equal scores differently, so each rank's
    // score is compared, and each returned score must be that pair's true score.
    let rows = 300
    let columns = 17
    var generator = SeededGenerator(seed: 12345)
    let data = Matrix(
      rows: rows, columns: columns,
      elements: (0..<(rows * columns)).map { _ in Float.random(in: -1..<1, using: &generator) })
    func score(_ a: Int, _ b: Int) -> Float {
      (0..<columns).reduce(0) { $0 + data[a, $1] * data[b, $1] }
    }
    let lists = data.nearestNeighborsOfEachRow(count: 5, tile: tile)
    for query in 0..<rows {
      let expected = (0..<rows).filter { $0 != query }
        .map { Neighbor(index: $0, score: score(query, $0)) }
        .sorted { $0.ranks(before: $1) }.prefix(5)
      let found = lists[query]
      #expect(found.count == 5 && Set(found.map(\.index)).count == 5)
      #expect(!found.contains { $0.index == query })
      #expect(zip(found, expected).allSatisfy { isClose($0.score, $1.score, tolerance: 1e-4) })
      #expect(found.allSatisfy { isClose($0.score, score(query, $0.index), tolerance: 1e-4) })
    }
  }

  @Test(arguments: [1, 7, 64, 400])
  func allPairsKeepTheExactBestAmongManyTies(tile: Int) {
    // Small integers: every score is exact, so the lists must equal the oracle's entry for
    // entry, and with few distinct scores most candidates tie (lower index first). 399 others
    // per row against k = 25 fill and select each row's candidates many times over.
    var generator = SeededGenerator(seed: 7)
    let rows = 400
    let data = Matrix(
      rows: rows, columns: 3,
      elements: (0..<(rows * 3)).map { _ in Float(Int.random(in: -2...2, using: &generator)) })
    let lists = data.nearestNeighborsOfEachRow(count: 25, tile: tile)
    for query in 0..<rows {
      let expected = (0..<rows).filter { $0 != query }
        .map { other in
          Neighbor(
            index: other, score: (0..<3).reduce(0) { $0 + data[query, $1] * data[other, $1] })
        }
        .sorted { $0.ranks(before: $1) }.prefix(25)
      #expect(lists[query] == Array(expected))
    }
  }

  @Test func bestOfManyTiesIsExact() {
    // Five values, the best 1,000 being 52 twos, 663 halves and the first zeros (−0 and 0,
    // equal); and falling scores in threes, where the first selection must keep the first 1,000.
    var generator = SeededGenerator(seed: 3)
    let fiveValues = (0..<5000).map { index -> Float in
      index % 97 == 0
        ? 2 : index % 7 == 0 ? 0.5 : [-0.0, 0, -1][Int.random(in: 0..<3, using: &generator)]
    }
    let falling = (0..<5000).map { -Float($0 / 3) }
    for scores in [fiveValues, falling] {
      let expected = scores.enumerated().map { Neighbor(index: $0, score: $1) }
        .sorted { $0.ranks(before: $1) }.prefix(1000)
      let best = Neighbor.best(1000, of: scores)
      #expect(best.map(\.index) == expected.map(\.index))
      #expect(best.map(\.score) == expected.map(\.score))
    }
  }

  @Test func allPairsRestoresTheBLASThreadCount() {
    let before = BLASSettings.threadCount
    _ = corpus.nearestNeighborsOfEachRow(count: 1)
    #expect(BLASSettings.threadCount == before)
  }
}

/// Each row's best positive cosines from a matrix's lower triangle, against every pair scored.
@Suite struct PositiveNeighborsTests {
  /// 90 rows of 3 small integer-valued columns, scaled to unit length: many exact ties, zero
  /// and negative cosines, and a zero row.
  let rows: Matrix = {
    var state: UInt64 = 11
    return Matrix(
      rowArrays: (0..<90).map { row in
        if row == 40 { return [0, 0, 0] }
        let values = (0..<3).map { _ -> Float in
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          return Float(Int(state >> 61) - 3)
        }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? values.map { $0 / norm } : [1, 0, 0]
      })
  }()

  @Test(arguments: [1, 7, 90 * 90])
  func listsEqualRankingEveryPair(elementBudget: Int) {
    // Budgets of one row a block, a few rows, and everything at once.
    let lists = rows.nearestPositiveNeighborsOfEachRow(count: 6, elementBudget: elementBudget)
    var cosines: [[Float]] = []
    rows.forEachCosineBlock(.full, elementBudget: 90 * 90) { block in
      for row in block.rows { cosines.append(Array(block.row(row))) }
    }
    for row in 0..<90 {
      let expected = Neighbor.best(
        6, of: cosines[row], where: { $0 != row && cosines[row][$0] > 0 })
      #expect(lists[row] == expected, "row \(row)")
      #expect(lists[row].allSatisfy { $0.score > 0 && $0.index != row })
    }
    #expect(lists[40].isEmpty)
  }

  @Test func moreThanThereAreReturnsEveryPositiveOne() {
    let lists = rows.nearestPositiveNeighborsOfEachRow(count: 500)
    func cosine(_ a: Int, _ b: Int) -> Float {
      (0..<3).reduce(0) { $0 + rows[a, $1] * rows[b, $1] }
    }
    #expect(lists[0].count == (1..<90).filter { cosine(0, $0) > 0 }.count)
    #expect(Matrix(rows: 1, columns: 3).nearestPositiveNeighborsOfEachRow(count: 3) == [[]])
  }
}
