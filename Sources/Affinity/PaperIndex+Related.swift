import NGramVectorizer
import PaperCorpus
import SimilarityCore

extension PaperIndex {
  /// The papers most similar to one of the index's papers.
  ///
  /// - Parameters:
  ///   - id: The paper read.
  ///   - k: How many to return; more than the candidates returns them all.
  ///   - isCandidate: Which rows may be recommended (e.g. papers of one day); all by default.
  ///     The paper itself never is.
  /// - Returns: Up to `k` recommendations, best first; ties by index order.
  /// - Throws: `RecommendationError.unknownPaper`.
  /// - Complexity: O(papers × embedding dimension) for the candidate scan.
  public func related(
    to id: ArxivID, count k: Int, where isCandidate: @escaping (Int) -> Bool = { _ in true }
  ) throws(RecommendationError) -> [Recommendation] {
    guard let row = row(of: id) else { throw .unknownPaper(id) }
    let query = Array(embedding.row(row))
    let candidates = embedding.nearestNeighbors(
      of: query, count: max(k, vectorizer.configuration.rescoringDepth),
      where: { $0 != row && isCandidate($0) })
    return rescored(candidates, against: vectors[row], count: k)
  }

  /// Every paper's most similar papers among `rows`, with tiled matrix products.
  ///
  /// - Parameters:
  ///   - rows: The papers to relate to each other (all by default).
  ///   - k: Neighbours per paper.
  /// - Returns: One list per entry of `rows`, in that order.
  /// - Complexity: O(rows² × embedding dimension / 2) arithmetic, O(rows × rescoring depth)
  ///   extra memory.
  public func relatedForAll(_ rows: [Int]? = nil, count k: Int) -> [[Recommendation]] {
    let subset = rows.map { embedding.selectingRows($0) } ?? embedding
    let rows = rows ?? Array(papers.indices)
    let depth = max(k, vectorizer.configuration.rescoringDepth)
    let candidates = subset.nearestNeighborsOfEachRow(count: depth)
      .map { list in list.map { rows[$0.index] } }
    let scores = SparseVector.innerProducts(
      in: vectors, queries: rows, candidates: candidates,
      dimension: vectorizer.configuration.featureSpace)
    return zip(candidates, scores).map { ranked($0, exactScores: $1, count: k) }
  }

  /// The papers most similar to a free text.
  ///
  /// - Parameters:
  ///   - text: The query: words, an abstract, a title.
  ///   - k: How many to return.
  ///   - isCandidate: Which rows may be returned; all by default.
  /// - Returns: Up to `k` recommendations, best first; none when no word of the text occurs in
  ///   the library.
  /// - Throws: `RecommendationError.emptyQuery` for a text without words.
  public func search(
    _ text: String, count k: Int, where isCandidate: @escaping (Int) -> Bool = { _ in true }
  ) throws(RecommendationError) -> [Recommendation] {
    guard text.contains(where: { $0.isLetter || $0.isNumber }) else { throw .emptyQuery }
    let vector = vectorizer.vector(for: text)
    guard vector.count > 0 else { return [] }
    let query = Self.embedding(of: [vector], dimension: embedding.columns).elements
    let candidates = embedding.nearestNeighbors(
      of: query, count: max(k, vectorizer.configuration.rescoringDepth), where: isCandidate)
    return rescored(candidates, against: vector, count: k)
  }

  /// Re-scores candidates exactly on the sparse vectors and keeps the best `k`.
  private func rescored(_ candidates: [Neighbor], against query: SparseVector, count k: Int)
    -> [Recommendation]
  {
    ranked(
      candidates.map(\.index), exactScores: candidates.map { query.dot(vectors[$0.index]) },
      count: k)
  }

  /// The best `k` candidates by their exact scores (positive ones only), as recommendations.
  private func ranked(_ candidates: [Int], exactScores: [Float], count k: Int) -> [Recommendation] {
    let exact = zip(candidates, exactScores).map { Neighbor(index: $0, score: $1) }
      .filter { $0.score > 0 }
      .sorted { $0.ranks(before: $1) }
      .prefix(k)
    return exact.enumerated().map { offset, neighbor in
      Recommendation(
        rank: offset + 1, score: neighbor.score, paper: papers[neighbor.index], row: neighbor.index)
    }
  }
}
