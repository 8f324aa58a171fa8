import Foundation
import PaperCorpus

/// Which papers to take: by the days they were listed on, an author, and votes.
///
/// ```swift
/// PaperFilter(since: Day("2024-06-01"), until: Day("2024-06-30"))  // listed in June 2024
/// PaperFilter(author: "kim", minimumVotes: 10)
/// ```
/// Every condition set must hold; with none set, every paper passes.
public struct PaperFilter: Sendable, Hashable {
  /// Only papers listed on this day.
  public var date: Day?
  /// Only papers listed on this day or later.
  public var since: Day?
  /// Only papers listed on this day or earlier.
  public var until: Day?
  /// Only papers with an author whose name contains this text, ignoring case and accents
  /// (`kim` matches `Kim`, `Nikita`; `balazs` matches `Balázs`).
  public var author: String?
  /// Only papers with at least this many votes (their latest known count; unknown counts
  /// fail).
  public var minimumVotes: Int?
  /// Only papers in this arXiv category (`cs.CL`) or archive (`cs`: any `cs.` category),
  /// ignoring case.
  public var category: String?

  /// Creates a filter.
  ///
  /// - Parameters:
  ///   - date: Keep papers listed on this day.
  ///   - since: Keep papers listed on this day or later (with `until`: on a day between them).
  ///   - until: Keep papers listed on this day or earlier.
  ///   - author: Keep papers with an author whose name contains this text.
  ///   - minimumVotes: Keep papers with at least this many votes.
  ///   - category: Keep papers in this category or archive.
  public init(
    date: Day? = nil, since: Day? = nil, until: Day? = nil, author: String? = nil,
    minimumVotes: Int? = nil, category: String? = nil
  ) {
    self.date = date
    self.since = since
    self.until = until
    self.author = author
    self.minimumVotes = minimumVotes
    self.category = category
  }

  /// Whether a paper passes. A paper with no days passes only when no day is asked for.
  public func accepts(_ paper: Paper) -> Bool {
    conditions.allSatisfy { $0.accepts(paper) }
  }

  /// The conditions set, in a fixed order: days, category, author, votes.
  public var conditions: [Condition] {
    var conditions: [Condition] = []
    if date != nil || since != nil || until != nil {
      conditions.append(.days(date: date, since: since, until: until))
    }
    if let category { conditions.append(.category(category)) }
    if let author { conditions.append(.author(author)) }
    if let minimumVotes { conditions.append(.minimumVotes(minimumVotes)) }
    return conditions
  }

  /// The condition that leaves none of `papers`, applying the conditions in order, and how many
  /// papers passed the conditions before it; `nil` when some paper passes the whole filter.
  ///
  /// - Parameter papers: The papers the filter was applied to.
  public func emptyingCondition(of papers: [Paper]) -> (condition: Condition, among: Int)? {
    var remaining = papers
    for condition in conditions {
      let among = remaining.count
      remaining = remaining.filter(condition.accepts)
      if remaining.isEmpty { return (condition, among) }
    }
    return nil
  }

  /// One condition of a filter.
  public enum Condition: Sendable, Hashable {
    /// Listed on `date`, or on a day from `since` to `until` (either end open when `nil`).
    case days(date: Day?, since: Day?, until: Day?)
    /// In this category, or a category of this archive.
    case category(String)
    /// An author's name contains this text, ignoring case and accents.
    case author(String)
    /// At least this many votes.
    case minimumVotes(Int)

    /// Whether a paper meets the condition.
    public func accepts(_ paper: Paper) -> Bool {
      switch self {
      case .days(let date, let since, let until):
        return paper.dates.contains { day in
          (date.map { day == $0 } ?? true) && (since.map { day >= $0 } ?? true)
            && (until.map { day <= $0 } ?? true)
        }
      case .category(let name):
        return PaperFilter.categories(paper.categories, include: name)
      case .author(let text):
        return PaperFilter.names(paper.authors, contain: text)
      case .minimumVotes(let minimum):
        return (paper.votes ?? Int.min) >= minimum
      }
    }
  }

  /// Whether `categories` include `name` (`cs.CL`), or one of the archive `name` (`cs` for
  /// `cs.CL`; `math` for `math.AG`, `hep-th` for itself), ignoring case.
  static func categories(_ categories: [String], include name: String) -> Bool {
    let name = name.lowercased()
    return categories.contains {
      let category = $0.lowercased()
      return category == name || category.hasPrefix(name + ".")
    }
  }

  /// Whether one of the names contains `text`, ignoring case and accents.
  static func names(_ names: [String], contain text: String) -> Bool {
    func folded(_ name: String) -> String {
      name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
    let needle = folded(text)
    return names.contains { folded($0).contains(needle) }
  }
}
