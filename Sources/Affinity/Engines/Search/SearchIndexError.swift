/// Why a search index could not be read or written, worded for the user.
public enum SearchIndexError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be opened or mapped.
  case unreadable(path: String, reason: String)
  /// The file is not an intact search index: a byte is not what was written.
  case damaged(path: String)
  /// The file is a search index of another version of the format.
  case otherVersion(path: String)
  /// The index could not be written; nothing was left at the path.
  case cannotWrite(path: String, reason: String)
  /// More papers than one segment of an index holds were to be indexed at once.
  case tooManyPapers(count: Int, limit: Int)

  /// A one-line message that says what to do.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "cannot read the search index \(path): \(reason)"
    case .damaged(let path):
      "the search index \(path) is damaged"
    case .otherVersion(let path):
      "the search index \(path) is from another version of Affinity"
    case .cannotWrite(let path, let reason):
      "cannot store the search index \(path) (\(reason)); queries will work, but each will rebuild it"
    case .tooManyPapers(let count, let limit):
      "cannot index \(count) papers in one segment, at most \(limit): add new papers in several files of fewer; a library of more than \(limit) papers cannot be rebuilt"
    }
  }
}
