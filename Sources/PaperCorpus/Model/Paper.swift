/// A research paper as a digest or a JSON Lines record describes it.
///
/// A paper's identity is its normalised arXiv id: two records with the same ``id`` are the
/// same paper, even when they come from different days.
///
/// ```swift
/// let paper = Paper(id: ArxivID("2406.11839")!, title: "mDPO", dates: [Day("2024-06-18")!])
/// paper.summary  // "" until sections are added
/// ```
public struct Paper: Sendable, Hashable, Codable {
  /// The normalised arXiv id.
  public var id: ArxivID
  /// The title, with Markdown escapes removed (TeX such as `$L_2$` is kept as written).
  public var title: String
  /// The named authors, in the order given. The digest's `+` is not a name: see ``omitsAuthors``.
  public var authors: [String]
  /// Whether the author list was shortened (a `+` in the digest's list).
  public var omitsAuthors: Bool
  /// The days the paper was listed on, ascending and without repeats.
  public var dates: [Day]
  /// The vote count on the latest day that gave one; `nil` when unknown (`Vote: -`).
  public var votes: Int?
  /// The summary, section by section, in the order written.
  public var sections: [SummarySection]
  /// arXiv subject categories, primary first (`cs.CL`, `cs.LG`); empty when the source has none.
  public var categories: [String]

  /// Creates a paper.
  ///
  /// - Parameters:
  ///   - id: The normalised arXiv id.
  ///   - title: The title.
  ///   - authors: The named authors.
  ///   - omitsAuthors: Whether some authors were left out of `authors`.
  ///   - dates: The days the paper was listed on; sorted and de-duplicated here.
  ///   - votes: The vote count, if known.
  ///   - sections: The summary sections.
  ///   - categories: The arXiv categories.
  public init(
    id: ArxivID, title: String, authors: [String] = [], omitsAuthors: Bool = false,
    dates: [Day] = [], votes: Int? = nil, sections: [SummarySection] = [],
    categories: [String] = []
  ) {
    self.id = id
    self.title = title
    self.authors = authors
    self.omitsAuthors = omitsAuthors
    self.dates = Array(Set(dates)).sorted()
    self.votes = votes
    self.sections = sections
    self.categories = categories
  }

  /// The first day the paper was listed on, if any.
  public var firstDate: Day? { dates.first }

  /// The summary as one text: the sections' texts, one per line, without their headings.
  public var summary: String { sections.map(\.text).joined(separator: "\n") }
}

/// One part of a paper's summary, such as a digest's `**What's New**` bullet.
public struct SummarySection: Sendable, Hashable, Codable {
  /// The section's heading (`What's New`), or `nil` for plain text and headless bullets.
  public var heading: String?
  /// The section's text, with Markdown escapes removed.
  public var text: String

  /// Creates a section.
  ///
  /// - Parameters:
  ///   - heading: The heading, or `nil`.
  ///   - text: The text.
  public init(heading: String? = nil, text: String) {
    self.heading = heading
    self.text = text
  }
}
