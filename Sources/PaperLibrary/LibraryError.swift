/// A failure of the paper library, worded for the user.
public enum LibraryError: Error, Sendable, CustomStringConvertible {
  /// The library file could not be opened or created.
  case cannotOpen(path: String, reason: String)
  /// The library was written by a newer Affinity, whose schema this one does not know.
  case newerSchema(path: String)
  /// A read or write failed; nothing was changed.
  case failed(path: String, reason: String)
  /// Another process kept writing to the library for longer than ``PaperLibrary/writeWait``.
  case busy(path: String)

  /// A one-line message that says what to do.
  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "cannot open the library at \(path): \(reason)"
    case .newerSchema(let path):
      return "the library at \(path) was written by a newer version of Affinity; upgrade Affinity"
    case .failed(let path, let reason):
      return "library \(path): \(reason); nothing was changed"
    case .busy(let path):
      return "the library at \(path) is busy: another command has been writing to it for over "
        + "\(Int(PaperLibrary.writeWait)) seconds; nothing was changed, try again when it has finished"
    }
  }
}
