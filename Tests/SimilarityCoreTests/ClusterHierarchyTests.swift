import Foundation
import SimilarityCore
import Testing

@Suite struct ClusterHierarchyTests {
  /// Unit rows around `coarse × fine` directions: each coarse direction has `fine` directions
  /// near it, each row is one fine direction plus noise. Returns the rows and each row's fine
  /// and coarse group.
  static func twoLevelRows(
    coarse: Int, fine: Int, perGroup: Int, columns: Int = 48, seed: UInt64 = 3
  ) -> (rows: Matrix, fine: [Int], coarse: [Int]) {
    var generator = SeededGenerator(seed: seed)
    func noise(_ scale: Float) -> [Float] {
      (0..<columns).map { _ in Float.random(in: -scale...scale, using: &generator) }
    }
    var rows: [[Float]] = []
    var fineOf: [Int] = []
    var coarseOf: [Int] = []
    for c in 0..<coarse {
      let centre = noise(1)
      for f in 0..<fine {
        let direction = zip(centre, noise(0.4)).map(+)
        for _ in 0..<perGroup {
          rows.append(zip(direction, noise(0.15)).map(+))
          fineOf.append(c * fine + f)
          coarseOf.append(c)
        }
      }
    }
    return (Matrix(rowArrays: rows).normalizedRows(), fineOf, coarseOf)
  }

  @Test func findsBothLevelsOfSeparatedGroups() {
    let data = Self.twoLevelRows(coarse: 4, fine: 6, perGroup: 30)
    let hierarchy = data.rows.clusterHierarchy(topCounts: 2...10, seed: 1, microClusters: 200)
    #expect(hierarchy.levels.count == 2)
    let top = hierarchy.levels[0]
    let finest = hierarchy.levels[1]
    #expect(finest.clustering == Clustering(assignments: data.fine))
    #expect(top.clustering == Clustering(assignments: data.coarse), "\(top.candidates)")
    #expect(top.isClear && finest.isClear)
  }

  @Test func levelsNestAndEveryRowIsInOneClusterOfEach() {
    let rows = Matrix.noisyGroups(rows: 3000, columns: 24, groups: 60, seed: 9)
    let hierarchy = rows.clusterHierarchy(seed: 2, microClusters: 300, silhouetteRows: 500)
    #expect(hierarchy.levels.count >= 2)
    for level in hierarchy.levels {
      #expect(level.clustering.assignments.count == 3000)
      #expect(!level.candidates.isEmpty)
    }
    #expect((5...40).contains(hierarchy.levels[0].clustering.count))
    for (coarse, fine) in zip(hierarchy.levels, hierarchy.levels.dropFirst()) {
      #expect(fine.clustering.count > coarse.clustering.count)
      var parent: [Int: Int] = [:]
      for (row, cluster) in fine.clustering.assignments.enumerated() {
        let above = coarse.clustering.assignments[row]
        #expect(parent[cluster, default: above] == above, "a cluster with two parents")
        parent[cluster] = above
      }
    }
    let again = rows.clusterHierarchy(seed: 2, microClusters: 300, silhouetteRows: 500)
    #expect(again.levels.map(\.clustering) == hierarchy.levels.map(\.clustering))
  }

  @Test func aGivenTopCountIsKept() {
    let data = Self.twoLevelRows(coarse: 4, fine: 6, perGroup: 10)
    let hierarchy = data.rows.clusterHierarchy(topCount: 7, seed: 1)
    #expect(hierarchy.levels[0].clustering.count == 7)
    #expect(hierarchy.levels[0].isClear)
  }

  /// A cluster's silhouette from the sums equals the one from the full similarity matrix.
  @Test func sweptSilhouettesEqualTheDirectOnes() {
    let rows = Matrix.noisyGroups(rows: 120, columns: 12, groups: 5, seed: 4)
    let hierarchy = rows.clusterHierarchy(topCounts: 2...10, seed: 1, silhouetteRows: 120)
    let cosines = rows.multiplied(by: rows, transposingOther: true)
    for level in hierarchy.levels {
      let direct = cosines.silhouette(of: level.clustering)
      let swept = level.candidates.first { $0.count == level.clustering.count }?.silhouette
      #expect(abs((swept ?? -9) - direct) < 1e-4, "\(level.clustering.count) clusters")
    }
  }

  /// Ward's merges equal the ones a direct search over all pairs makes, by the merge cost
  /// |A||B|/(|A|+|B|)·‖μA − μB‖² of the groups' items.
  @Test func wardMergesTheCheapestPairEachTime() {
    var generator = SeededGenerator(seed: 5)
    let points = (0..<14).map { _ in
      (0..<3).map { _ in Float.random(in: -1...1, using: &generator) }
    }
    let sizes = (0..<14).map { _ in Int.random(in: 1...5, using: &generator) }
    let dendrogram = Matrix(rowArrays: points).wardLinkage(sizes: sizes)
    var groups = (0..<14).map { [$0] }
    var costs: [Float] = []
    while groups.count > 1 {
      func mean(_ group: [Int]) -> (mean: [Float], size: Float) {
        let size = Float(group.reduce(0) { $0 + sizes[$1] })
        return (
          (0..<3).map { c in group.reduce(0) { $0 + points[$1][c] * Float(sizes[$1]) } / size },
          size
        )
      }
      var best = (cost: Float.infinity, a: 0, b: 0)
      for a in groups.indices {
        for b in groups.indices where b > a {
          let (ma, na) = mean(groups[a])
          let (mb, nb) = mean(groups[b])
          let squared = zip(ma, mb).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
          let cost = na * nb / (na + nb) * squared
          if cost < best.cost { best = (cost, a, b) }
        }
      }
      costs.append(best.cost)
      groups[best.a] += groups[best.b]
      groups.remove(at: best.b)
    }
    #expect(zip(dendrogram.merges.map { -$0.similarity }, costs).allSatisfy { abs($0 - $1) < 1e-4 })
  }

  /// 20,000 rows: a similarity matrix of them would take 1.6 GB; the hierarchy takes a few MB.
  @Test func neverHoldsARowsByRowsMatrix() {
    let rows = Matrix.noisyGroups(rows: 20_000, columns: 8, groups: 30, seed: 7)
    let before = Self.peakResidentBytes()
    let hierarchy = rows.clusterHierarchy(seed: 1, microClusters: 64, silhouetteRows: 256)
    let grown = Self.peakResidentBytes() - before
    #expect(hierarchy.levels.last?.clustering.assignments.count == 20_000)
    #expect(grown < 200 << 20, "peak memory grew by \(grown >> 20) MB")
  }

  static func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
  }

  /// A cluster of more than the limit is split into about the square root of its rows as many
  /// parts, each inside it; smaller clusters stay whole.
  @Test func splittingBreaksOnlyTheLargeClusters() {
    let rows = Matrix.noisyGroups(rows: 60, columns: 6, groups: 4, seed: 8)
    let dendrogram = rows.multiplied(by: rows, transposingOther: true).averageLinkage()
    let cut = dendrogram.clustering(count: 3)
    let split = dendrogram.splitting(cut, largerThan: 16)
    for members in cut.members {
      let parts = Set(members.map { split.assignments[$0] })
      let expected = members.count > 16 ? Int(Double(members.count).squareRoot().rounded()) : 1
      #expect(parts.count == expected, "\(members.count) rows")
    }
    #expect(split.count > cut.count)
  }
}

@Suite struct ClassicalScalingTests {
  /// Points on a plane, as unit vectors in three dimensions (x, y, 1 normalised, close to the
  /// plane), come back with their distances' order kept.
  @Test func recoversAPlanesLayout() throws {
    let points: [[Float]] = [[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.5], [2, 0]]
    let rows = Matrix(rowArrays: points.map { [$0[0] * 0.1, $0[1] * 0.1, 1] }).normalizedRows()
    let places = try rows.multiplied(by: rows, transposingOther: true).classicalScaling()
    #expect(places.rows == 6 && places.columns == 2)
    func distance(_ a: Int, _ b: Int) -> Float {
      let dx = places[a, 0] - places[b, 0]
      let dy = places[a, 1] - places[b, 1]
      return (dx * dx + dy * dy).squareRoot()
    }
    #expect(distance(0, 4) < distance(0, 3))
    #expect(distance(0, 1) < distance(0, 5))
    #expect(abs(distance(0, 1) - distance(0, 2)) < 0.2 * distance(0, 1))
    let again = try rows.multiplied(by: rows, transposingOther: true).classicalScaling()
    #expect(again == places)
  }
}
