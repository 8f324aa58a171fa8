/// Why a search index could not be read or written, worded for the user.
public enum SearchIndexError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be opened or mapped.
  case unreadable(path: String, reason: String)
  /// The file is not a search index of this version, or is damaged.
  case damaged(path: String)
  /// The index could not be written; nothing was left at the path.
  case cannotWrite(path: String, reason: String)

  /// A one-line message that says what to do.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "cannot read the search index \(path): \(reason)"
    case .damaged(let path):
      "the search index \(path) is damaged or from another version of Affinity; delete it and it will be rebuilt"
    case .cannotWrite(let path, let reason):
      "cannot store the search index \(path) (\(reason)); queries will work, but each will rebuild it"
    }
  }
}
