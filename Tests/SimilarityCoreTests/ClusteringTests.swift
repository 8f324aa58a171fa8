import SimilarityCore
import Testing

@Suite struct ClusteringTests {
  /// Two tight groups of unit rows around (1, 0, 0) and (0, 1, 0), and one row alone at (0, 0, 1).
  let rows = Matrix(rowArrays: [
    [1, 0.1, 0], [0.99, 0, 0.14], [1, -0.1, 0],
    [0.1, 1, 0], [0, 0.99, 0.14], [-0.1, 1, 0],
    [0, 0, 1],
  ]).normalizedRows()

  @Test func kMeansFindsSeparatedGroupsTheSameWayEveryTime() {
    let first = rows.sphericalKMeans(clusters: 3, seed: 7)
    #expect(first.members == [[0, 1, 2], [3, 4, 5], [6]])
    #expect(rows.sphericalKMeans(clusters: 3, seed: 7) == first)
    #expect(rows.sphericalKMeans(clusters: 3, seed: 8).members == first.members)
  }

  /// Lloyd's fixed point: every row is at least as similar to its own cluster's normalised mean
  /// as to any other, so skipping rows by their bounds lost no move. With 3 clusters the 3,000
  /// rows are more than the seeding sample (256 per cluster); with 12 they are not.
  @Test(arguments: [3, 12])
  func kMeansEndsWhereNoRowWouldMove(clusters: Int) {
    let data = Matrix.noisyGroups(rows: 3000, columns: 24, groups: 12, seed: 5)
    let clustering = data.sphericalKMeans(clusters: clusters, seed: 3, restarts: 2)
    #expect(clustering.count == clusters)
    #expect(data.sphericalKMeans(clusters: clusters, seed: 3, restarts: 2) == clustering)
    let centres = Matrix(
      rowArrays: clustering.members.map { members in
        var sum = [Float](repeating: 0, count: data.columns)
        for row in members {
          for (column, value) in data.row(row).enumerated() { sum[column] += value }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return sum.map { $0 / norm }
      })
    let scores = data.multiplied(by: centres, transposingOther: true)
    let misplaced = (0..<data.rows).filter { row in
      let own = scores[row, clustering.assignments[row]]
      return (0..<clusters).contains { scores[row, $0] > own + 1e-4 }
    }
    #expect(misplaced.isEmpty)
  }

  @Test func kMeansWithMoreClustersThanRowsGivesOneEach() {
    #expect(rows.sphericalKMeans(clusters: 50, seed: 1).count == 7)
    #expect(Matrix(rows: 0, columns: 3).sphericalKMeans(clusters: 2, seed: 1).count == 0)
  }

  @Test func averageLinkageMergesTheClosestGroupsFirst() {
    let cosines = rows.multiplied(by: rows, transposingOther: true)
    let dendrogram = cosines.averageLinkage()
    #expect(dendrogram.merges.count == 6)
    #expect(
      zip(dendrogram.merges, dendrogram.merges.dropFirst()).allSatisfy {
        $0.similarity >= $1.similarity
      })
    #expect(dendrogram.clustering(count: 3).members == [[0, 1, 2], [3, 4, 5], [6]])
    #expect(dendrogram.clustering(count: 7).count == 7)
    #expect(dendrogram.clustering(count: 1).members == [Array(0..<7)])
  }

  /// Hand-checked: groups {0, 1} and {2, 3} with within-similarity 0.9 and across 0.1; the
  /// second merge's average is (0.9), the last one (0.1 · 4) / 4 = 0.1.
  @Test func averageLinkageUsesTheMeanSimilarity() {
    let cosines = Matrix(rowArrays: [
      [1, 0.9, 0.1, 0.1], [0.9, 1, 0.1, 0.1], [0.1, 0.1, 1, 0.9], [0.1, 0.1, 0.9, 1],
    ])
    let merges = cosines.averageLinkage().merges
    #expect(merges.map(\.similarity) == [0.9, 0.9, 0.1])
    #expect(merges.map { [$0.first, $0.second] } == [[0, 1], [2, 3], [0, 2]])
  }

  @Test func silhouetteRewardsTheTruePartition() {
    let cosines = rows.multiplied(by: rows, transposingOther: true)
    let truth = Clustering(assignments: [0, 0, 0, 1, 1, 1, 2])
    let mixed = Clustering(assignments: [0, 1, 0, 1, 0, 1, 2])
    #expect(cosines.silhouette(of: truth) > 0.5)
    #expect(cosines.silhouette(of: mixed) < cosines.silhouette(of: truth))
    #expect(cosines.silhouette(of: Clustering(assignments: Array(repeating: 0, count: 7))) == 0)
  }

  /// Two groups of two papers with no similarity across: the normalised affinity is two blocks
  /// [[0, 1], [1, 0]], eigenvalues 1, 1, −1, −1, so the gap after the second is the largest.
  @Test func twoSeparateGroupsShowAsTwoEigenvaluesOfOne() throws {
    let cosines = Matrix(rowArrays: [
      [1, 0.8, 0, -0.2], [0.8, 1, 0, 0], [0, 0, 1, 0.5], [-0.2, 0, 0.5, 1],
    ])
    let spectrum = try cosines.normalizedAffinitySpectrum()
    let expected: [Float] = [1, 1, -1, -1]
    #expect(zip(spectrum, expected).allSatisfy { abs($0 - $1) < 1e-5 })
  }

  @Test func clusteringsAreNumberedByFirstAppearance() {
    #expect(Clustering(assignments: [5, 5, 2, 9, 2]).assignments == [0, 0, 1, 2, 1])
    #expect(Clustering(assignments: [5, 5, 2, 9, 2]) == Clustering(assignments: [1, 1, 0, 3, 0]))
  }

  @Test func addGramAccumulates() {
    var gram = Matrix(rows: 2, columns: 2)
    gram.addGram(of: Matrix(rowArrays: [[1, 0], [1, 1]]))
    gram.addGram(of: Matrix(rowArrays: [[2], [0]]))
    #expect(gram == Matrix(rowArrays: [[5, 1], [1, 2]]))
  }
}

extension Matrix {
  /// `rows` unit rows scattered around `groups` random directions, reproducibly.
  static func noisyGroups(rows: Int, columns: Int, groups: Int, seed: UInt64)
    -> Matrix
  {
    var generator = SeededGenerator(seed: seed)
    let directions = (0..<groups).map { _ in
      (0..<columns).map { _ in Float.random(in: -1...1, using: &generator) }
    }
    return Matrix(
      rowArrays: (0..<rows).map { _ in
        directions[Int.random(in: 0..<groups, using: &generator)].map {
          $0 + Float.random(in: -0.8...0.8, using: &generator)
        }
      }
    ).normalizedRows()
  }

  /// Each row scaled to unit length.
  func normalizedRows() -> Matrix {
    Matrix(
      rowArrays: (0..<rows).map { row in
        let values = Array(self.row(row))
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return values.map { $0 / norm }
      })
  }
}
