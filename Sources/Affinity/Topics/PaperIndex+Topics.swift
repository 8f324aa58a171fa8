import NGramVectorizer
import PaperCorpus
import SimilarityCore

extension PaperIndex {
  /// Groups papers by topic and labels each group.
  ///
  /// ```swift
  /// let index = PaperIndex(library: papers, configuration: .standard.forTopics)
  /// let topics = try index.topics()
  /// topics.groups[0].label  // ["gaussian splatting", "3d", …]
  /// ```
  ///
  /// Build the index with the configuration's ``VectorizerConfiguration/forTopics`` weighting:
  /// it groups better than the one tuned for search (see the README's quality table).
  ///
  /// For `k` groups, the papers' exact cosines are reduced to a `k`-dimensional latent semantic
  /// space (the top eigenvectors of the cosine matrix, `LAPACKE_ssyevd`, scaled by the square
  /// roots of their eigenvalues — a truncated SVD of the vectors, as spectral clustering uses
  /// `k` eigenvectors), which keeps topics and drops word-level noise; the papers are grouped
  /// there by `method`. With `.automatic`, every count from `n/8` to `n/5` (at least 2) is
  /// scored by its silhouette on the exact cosines and by the eigengap of the normalised
  /// affinity; a count that stands out on both is taken, otherwise about six papers a group
  /// (see ``TopicChoice``). Papers are sorted by id first, so their order never matters.
  ///
  /// - Parameters:
  ///   - count: `.automatic`, or a fixed number of groups.
  ///   - method: Agglomerative (the default) or k-means.
  ///   - seed: Seeds k-means.
  /// - Returns: The groups with labels and the choice of their number.
  /// - Throws: `TopicError` for more groups than papers.
  /// - Complexity: O(`n³`) for `n` papers (eigendecomposition, linkage, silhouettes).
  func topics(
    count: GroupCount = .automatic, method: ClusteringMethod = .agglomerative, seed: UInt64 = 1
  ) throws -> Topics {
    guard !papers.isEmpty else { throw RecommendationError.noPapersSelected() }
    if case .fixed(let k) = count, k > papers.count {
      throw TopicError.tooManyGroups(requested: k, papers: papers.count)
    }
    let rows = papers.indices.sorted { papers[$0].id < papers[$1].id }
    let exact = SparseCosines(rows.map { vectors[$0] }).matrix()
    let decomposition = try exact.symmetricEigendecomposition()
    func partition(_ k: Int) -> Clustering {
      let latent = Self.latentSpace(decomposition, dimensions: k)
      return switch method {
      case .agglomerative:
        latent.multiplied(by: latent, transposingOther: true).averageLinkage().clustering(count: k)
      case .kmeans:
        latent.sphericalKMeans(clusters: k, seed: seed, restarts: 10)
      case .hierarchical:
        preconditionFailure("A hierarchy is grouped by HierarchicalTopics")
      }
    }
    let choice: TopicChoice
    switch count {
    case .fixed(let k):
      choice = TopicChoice(
        count: k, candidates: [], silhouetteCount: nil, eigengapCount: nil, isClear: true)
    case .automatic:
      choice = try Self.chooseCount(rows.count, cosines: exact, partition: partition)
    }
    let clustering = partition(choice.count)
    let groups = clustering.members.map { members in
      group(of: members.map { rows[$0] }, positions: members, cosines: exact)
    }
    let labels = TopicLabeler(papers: rows.map { papers[$0] })
      .labels(of: clustering.members)
    let labelled = zip(groups, labels).map { TopicGroup(label: $1, members: $0) }
    return Topics(
      groups: labelled.sorted(by: TopicGroup.largerFirst), levels: [choice], method: method)
  }

  /// The members of one group, most central first: each paper's cosine to the group's centre
  /// (the sum of its members' vectors), from the exact cosines.
  private func group(of rows: [Int], positions: [Int], cosines: Matrix) -> [TopicMember] {
    let sums = positions.map { i in positions.reduce(Float(0)) { $0 + cosines[i, $1] } }
    let norm = sums.reduce(0, +).squareRoot()
    return zip(rows, sums).map { row, sum in
      TopicMember(paper: papers[row], centrality: norm > 0 ? sum / norm : 0)
    }
    .sorted { ($0.centrality, $1.paper.id) > ($1.centrality, $0.paper.id) }
  }

  /// The papers in a latent semantic space of `dimensions` dimensions: rows of the top
  /// eigenvectors of their cosine matrix, scaled by the square roots of their (positive)
  /// eigenvalues, then to unit length — a truncated SVD of the paper vectors.
  static func latentSpace(_ decomposition: SymmetricEigendecomposition, dimensions: Int) -> Matrix {
    let n = decomposition.values.count
    let kept = (0..<n).reversed().prefix(dimensions).filter { decomposition.values[$0] > 1e-6 }
    var latent = Matrix(rows: n, columns: max(1, kept.count))
    for row in 0..<n {
      for (column, index) in kept.enumerated() {
        latent[row, column] =
          decomposition.vectors[row, index] * decomposition.values[index].squareRoot()
      }
      let norm = latent.row(row).reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0 { for column in 0..<latent.columns { latent[row, column] /= norm } }
    }
    return latent
  }

  /// Scores every candidate count. The best silhouette is a clear choice when it beats the
  /// runner-up by a margin and the eigengap agrees within one group; otherwise the count is
  /// about six papers a group (the silhouette of sparse text keeps rising with k, so its
  /// maximum is no answer on its own).
  static func chooseCount(
    _ n: Int, cosines: Matrix, partition: (Int) -> Clustering
  ) throws -> TopicChoice {
    guard n >= 3 else {
      return TopicChoice(
        count: 1, candidates: [], silhouetteCount: nil, eigengapCount: nil, isClear: false)
    }
    let low = max(2, (n + 4) / 8)
    let high = max(low, min(n - 1, (n + 2) / 5))
    let spectrum = try cosines.normalizedAffinitySpectrum()
    let candidates = (low...high).map { k in
      GroupCountScore(
        count: k, silhouette: cosines.silhouette(of: partition(k)),
        eigengap: k < spectrum.count ? spectrum[k - 1] - spectrum[k] : 0)
    }
    let ranked = candidates.sorted { ($0.silhouette, $1.count) > ($1.silhouette, $0.count) }
    let best = ranked[0]
    let runnerUp = ranked.count > 1 ? ranked[1].silhouette : -1
    let gapChoice =
      candidates.max { ($0.eigengap ?? 0, $1.count) < ($1.eigengap ?? 0, $0.count) }?.count
      ?? best.count
    let isClear = best.silhouette - runnerUp >= 0.02 && abs(gapChoice - best.count) <= 1
    let sixEach = min(high, max(low, (n + 5) / 6))
    return TopicChoice(
      count: isClear ? best.count : sixEach, candidates: candidates,
      silhouetteCount: best.count, eigengapCount: gapChoice, isClear: isClear)
  }
}
