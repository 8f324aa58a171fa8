import PaperCorpus

/// Which papers to take by the days they were listed on.
///
/// ```swift
/// PaperFilter(since: Day("2024-06-01"))  // papers listed on June 1st or later
/// ```
public struct PaperFilter: Sendable, Hashable {
  /// Only papers listed on this day.
  public var date: Day?
  /// Only papers listed on this day or later.
  public var since: Day?

  /// Creates a filter; with neither day set, every paper passes.
  ///
  /// - Parameters:
  ///   - date: Keep papers listed on this day.
  ///   - since: Keep papers listed on this day or later.
  public init(date: Day? = nil, since: Day? = nil) {
    self.date = date
    self.since = since
  }

  /// Whether a paper passes. A paper with no days passes only when no day is asked for.
  public func accepts(_ paper: Paper) -> Bool {
    if let date, !paper.dates.contains(date) { return false }
    if let since, !paper.dates.contains(where: { $0 >= since }) { return false }
    return true
  }
}
