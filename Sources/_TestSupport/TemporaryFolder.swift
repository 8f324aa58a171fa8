import Foundation

/// Test-only: a fresh temporary folder, removed with everything in it when the value goes away.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// let path = try folder.write("day.md", "## Daily Papers (2024-06-18)\n")
/// ```
public final class TemporaryFolder {
  /// The folder.
  public let url: URL

  /// Creates the folder.
  public init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "affinity-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The path of a file in the folder (which need not exist).
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes text to a file in the folder.
  ///
  /// - Returns: The file's path.
  @discardableResult
  public func write(_ name: String, _ contents: String) throws -> String {
    try write(name, bytes: Array(contents.utf8))
  }

  /// Writes bytes to a file in the folder.
  ///
  /// - Returns: The file's path.
  @discardableResult
  public func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return file.path
  }

  /// The names of the files in the folder, sorted (hidden ones too).
  public func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }
}
