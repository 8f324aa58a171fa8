import NGramVectorizer
import PaperCorpus
import SimilarityCore

extension Recommender {
  /// A query's text and vector: what is scored, and what names the terms it shares.
  struct Query {
    var text: String
    var vector: SparseVector
  }

  /// Neighbours, best first, and their papers as numbered recommendations — every engine's
  /// answers end here. With a query to explain, each names the terms it shares with it.
  ///
  /// - Parameters:
  ///   - neighbors: The scored papers, best first.
  ///   - papers: Their papers, in the same order.
  ///   - query: The query, when explanations are asked for.
  ///   - vectorizer: The vectorizer the scores were computed with.
  ///   - vector: The vector of the paper at a position of `papers`.
  /// - Returns: One recommendation per neighbour, ranked from 1.
  func ranked(
    _ neighbors: [Neighbor], papers: [Paper], explaining query: Query?,
    vectorizer: NGramVectorizer, vector: (Int) -> SparseVector
  ) -> [Recommendation] {
    zip(neighbors, papers).enumerated().map { position, pair in
      Recommendation(
        rank: position + 1, score: pair.0.score, paper: pair.1,
        sharedTerms: query.map {
          SharedTerm.strongest(
            of: vectorizer.sharedTerms(
              between: $0.vector, and: vector(position), namingFrom: $0.text),
            limit: 5)
        })
    }
  }
}
