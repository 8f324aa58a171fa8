/// Counts that describe a library.
public struct LibraryStatistics: Sendable, Hashable {
  /// The number of distinct papers.
  public var paperCount: Int
  /// The number of distinct days papers were listed on.
  public var dayCount: Int
  /// The first day papers were listed on, if any.
  public var firstDay: String?
  /// The last day papers were listed on, if any.
  public var lastDay: String?
  /// The number of schema migrations applied; grows as Affinity's storage evolves.
  public var schemaVersion: Int

  /// Creates statistics.
  public init(
    paperCount: Int, dayCount: Int, firstDay: String?, lastDay: String?, schemaVersion: Int
  ) {
    self.paperCount = paperCount
    self.dayCount = dayCount
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.schemaVersion = schemaVersion
  }
}
