/// What adding papers to the library did, paper by paper.
public struct AddSummary: Sendable, Hashable {
  /// Papers that were not in the library.
  public var added = 0
  /// Papers already there that gained a day or changed (votes, title, authors or summary).
  public var updated = 0
  /// Papers already there exactly as given.
  public var unchanged = 0

  /// Creates a summary.
  public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
    self.added = added
    self.updated = updated
    self.unchanged = unchanged
  }

  /// Adds another summary's counts to this one.
  public static func += (lhs: inout AddSummary, rhs: AddSummary) {
    lhs.added += rhs.added
    lhs.updated += rhs.updated
    lhs.unchanged += rhs.unchanged
  }
}
