import Foundation

/// Where the library file is, when `--db` does not say.
enum LibraryLocation {
  /// `$AFFINITY_DB`, else `$XDG_DATA_HOME/affinity/library.sqlite`, else
  /// `~/.local/share/affinity/library.sqlite`.
  static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    if let path = environment["AFFINITY_DB"], !path.isEmpty { return path }
    let dataHome =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
    return (dataHome as NSString).appendingPathComponent("affinity/library.sqlite")
  }
}
