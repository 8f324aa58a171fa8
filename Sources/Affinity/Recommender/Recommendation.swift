import PaperCorpus
import PaperLibrary

/// A recommended paper: its rank, its score (the cosine similarity to the query), and the paper.
public struct Recommendation: Sendable {
  /// 1 for the best match.
  public var rank: Int
  /// The cosine similarity of the weighted n-gram vectors, in [-1, 1]; for a profile of
  /// several papers, its score (see ``ReadingProfile``).
  public var score: Float
  /// The recommended paper.
  public var paper: Paper
  /// Why it was recommended: the terms it shares with the query that weigh most, largest share
  /// first; `nil` unless explanations were asked for.
  public var sharedTerms: [SharedTerm]?
  /// For a reading profile, the liked papers this paper is closest to, closest first; `nil`
  /// unless explanations were asked for.
  public var closeTo: [ArxivID]?

  /// Creates a recommendation.
  public init(
    rank: Int, score: Float, paper: Paper, sharedTerms: [SharedTerm]? = nil,
    closeTo: [ArxivID]? = nil
  ) {
    self.rank = rank
    self.score = score
    self.paper = paper
    self.sharedTerms = sharedTerms
    self.closeTo = closeTo
  }
}

/// One paper and the papers recommended for it.
public struct RelatedPapers: Sendable {
  /// The paper the recommendations are for.
  public var paper: Paper
  /// Its related papers, best first.
  public var recommendations: [Recommendation]
}

/// Why a recommendation could not be made. The descriptions say what is wrong; the command line
/// adds how to fix it with its options.
public enum RecommendationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The paper is not among the papers recommended from; `closest` is one that is, and whose
  /// id the given one nearly is (a digit short, one wrong or swapped), if there is one.
  case unknownPaper(ArxivID, closest: ArxivID? = nil)
  /// A paper was named twice where each may be named once.
  case repeatedPaper(ArxivID)
  /// The free-text query has no words.
  case emptyQuery
  /// There are no papers to recommend from.
  case emptyLibrary
  /// Papers there are, but none passes the filter (or none was named): `emptiedBy` is the
  /// filter's condition that left none, applied to `among` papers that passed the ones before
  /// it (see ``PaperLibrary/PaperFilter/emptyingCondition(of:)``).
  case noPapersSelected(emptiedBy: PaperFilter.Condition? = nil, among: Int = 0)

  /// A one-line message.
  public var description: String {
    switch self {
    case .unknownPaper(let id, nil): "no paper \(id) among these papers"
    case .unknownPaper(let id, let closest?):
      "no paper \(id) among these papers; did you mean \(closest)?"
    case .repeatedPaper(let id): "\(id) is named twice"
    case .emptyQuery: "the query is empty"
    case .emptyLibrary: "there are no papers"
    case .noPapersSelected: "no papers were selected"
    }
  }
}
