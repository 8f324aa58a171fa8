import Foundation

/// The shared Daily Papers sample beside the repository (`../shared/corpus/daily-papers`), when
/// it is there. Under CI it must be.
public enum SharedCorpus {
  /// The repository's folder.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The corpus folder.
  public static let path = repository.deletingLastPathComponent()
    .appendingPathComponent("shared/corpus/daily-papers").path

  /// Whether the corpus is there.
  public static var isAvailable: Bool { FileManager.default.fileExists(atPath: path) }

  /// Run when the corpus is there, and always under CI (where its absence is a failure).
  public static var shouldRun: Bool {
    isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"
  }
}
