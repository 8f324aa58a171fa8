/// Something wrong with an input file or one of its entries, worded for the user.
///
/// The description names the file and, where there is one, the line:
/// `digest.md:42: paper heading has no arXiv link; expected '### [Title](https://arxiv.org/abs/ID)'`.
public struct CorpusProblem: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file (or folder) the problem is in, as the user named it.
  public var source: String
  /// The 1-based line number, or `nil` for a problem with the whole file.
  public var line: Int?
  /// What is wrong and what was expected.
  public var message: String

  /// Creates a problem report.
  ///
  /// - Parameters:
  ///   - source: The file or folder.
  ///   - line: The 1-based line, if the problem has one.
  ///   - message: What is wrong and what was expected.
  public init(source: String, line: Int? = nil, message: String) {
    self.source = source
    self.line = line
    self.message = message
  }

  /// A one-line message that says what to do.
  public var description: String {
    if let line { return "\(source):\(line): \(message)" }
    return "\(source): \(message)"
  }
}

/// What reading one input yielded: the good papers, and the problems found on the way.
public struct CorpusReadResult: Sendable {
  /// The file the papers came from, as the user named it.
  public var source: String
  /// The papers read successfully, in file order.
  public var papers: [Paper]
  /// Every problem found; an entry with a problem is not in ``papers``.
  public var problems: [CorpusProblem]
  /// The number of paper entries that were found but rejected.
  public var rejectedCount: Int

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - source: The file.
  ///   - papers: The good papers.
  ///   - problems: The problems.
  ///   - rejectedCount: The number of entries rejected.
  public init(
    source: String, papers: [Paper] = [], problems: [CorpusProblem] = [], rejectedCount: Int = 0
  ) {
    self.source = source
    self.papers = papers
    self.problems = problems
    self.rejectedCount = rejectedCount
  }
}
