import NGramVectorizer
import PaperCorpus

/// What a reader liked, and what to steer away from: the papers a recommendation is for.
///
/// ```swift
/// let profile = ReadingProfile(liked: [ArxivID("2406.11839")!, ArxivID("2406.11827")!])
/// let next = try recommender.related(to: profile, count: 5)
/// ```
/// A profile scores a paper by the mean of its cosines with the liked papers, less a quarter of
/// the mean of its cosines with the disliked ones (Rocchio's rule on unit vectors). On our
/// topic labels of the shared papers, two liked papers of a topic bring more of it into the
/// top five than either alone, and steering away from one off-topic paper helps most at this
/// weight (see docs/design.md).
public struct ReadingProfile: Sendable, Hashable {
  /// The papers liked; at least one.
  public var liked: [ArxivID]
  /// The papers to steer away from.
  public var disliked: [ArxivID]

  /// How much the disliked papers weigh against the liked ones.
  static let dislikedWeight: Float = 0.25

  /// Creates a profile.
  ///
  /// - Parameters:
  ///   - liked: The papers liked.
  ///   - disliked: The papers to steer away from.
  public init(liked: [ArxivID], disliked: [ArxivID] = []) {
    self.liked = liked
    self.disliked = disliked
  }

  /// Every paper the profile names, liked first.
  public var papers: [ArxivID] { liked + disliked }

  /// The profile's query vector from its papers' unit vectors: the liked ones' mean less
  /// ``dislikedWeight`` times the disliked ones' mean. Its inner product with a paper's vector
  /// is the profile's score of that paper.
  static func vector(liked: [SparseVector], disliked: [SparseVector]) -> SparseVector {
    if liked.count == 1, disliked.isEmpty { return liked[0] }
    return SparseVector.weightedSum(
      liked.map { ($0, 1 / Float(liked.count)) }
        + disliked.map { ($0, -dislikedWeight / Float(disliked.count)) })
  }
}
