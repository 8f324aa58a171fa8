/// How far bringing a search index up to date has got: a segment's papers are counted (their
/// features' document frequencies), then vectorised and indexed, a batch at a time.
public struct IndexProgress: Sendable, Equatable {
  /// The two passes over a segment's papers.
  public enum Step: Sendable, Equatable {
    /// Counting the papers' features.
    case counting
    /// Vectorising the papers and writing them.
    case indexing
  }

  /// The pass.
  public var step: Step
  /// Papers done in this pass.
  public var papers: Int
  /// Papers in all.
  public var total: Int

  /// Creates a report.
  public init(step: Step, papers: Int, of total: Int) {
    self.step = step
    self.papers = papers
    self.total = total
  }
}
