/// A failure reported by a LAPACK routine, or input it cannot work on.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The input held NaN or infinity; LAPACK's result would be meaningless.
  case nonFiniteInput(routine: String)
  /// LAPACK rejected argument number `position` (a negative `info`): a bug in Affinity.
  case illegalArgument(routine: String, position: Int)
  /// The algorithm failed to converge (a positive `info`).
  case didNotConverge(routine: String, info: Int)

  /// A one-line message that says what to do.
  public var description: String {
    switch self {
    case .nonFiniteInput(let routine):
      return "\(routine): the matrix contains NaN or infinite values; check the input data"
    case .illegalArgument(let routine, let position):
      return
        "\(routine): argument \(position) was rejected; this is a bug in Affinity, please report it"
    case .didNotConverge(let routine, let info):
      return "\(routine): did not converge (info \(info)); the matrix may be badly scaled"
    }
  }

  /// Maps a LAPACK `info` code to an error, or `nil` for success.
  static func check(info: Int, routine: String) -> LinearAlgebraError? {
    if info < 0 { return .illegalArgument(routine: routine, position: -info) }
    if info > 0 { return .didNotConverge(routine: routine, info: info) }
    return nil
  }
}
