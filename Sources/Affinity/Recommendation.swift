import PaperCorpus

/// A recommended paper: its rank, its cosine similarity to the query, and the paper.
public struct Recommendation: Sendable {
  /// 1 for the best match.
  public var rank: Int
  /// The cosine similarity of the weighted n-gram vectors, in [-1, 1].
  public var score: Float
  /// The recommended paper.
  public var paper: Paper
  /// The paper's row in the index it came from (for explanations).
  public var row: Int

  /// Creates a recommendation.
  public init(rank: Int, score: Float, paper: Paper, row: Int) {
    self.rank = rank
    self.score = score
    self.paper = paper
    self.row = row
  }
}

/// Why a recommendation could not be made, worded for the user.
public enum RecommendationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The paper is not among the indexed papers.
  case unknownPaper(ArxivID)
  /// The free-text query has no words.
  case emptyQuery
  /// There are no papers to recommend from.
  case emptyLibrary

  /// A one-line message that says what to do.
  public var description: String {
    switch self {
    case .unknownPaper(let id):
      "no paper \(id) among these papers; 'affinity list' (with the same --db, --corpus or --sample) shows them"
    case .emptyQuery:
      "the query is empty; give some words, or --file PATH (- for standard input)"
    case .emptyLibrary:
      "there are no papers to recommend from; add digests with 'affinity add PATH…' or use --sample"
    }
  }
}
