import Foundation

/// What one run of the built `affinity` binary printed and returned.
struct CommandResult {
  var status: Int32
  var output: String
  var errors: String
}

/// Runs the `affinity` binary built beside this test bundle.
///
/// The environment is the test's own with `AFFINITY_DB` pointing into `home`, so no test
/// touches the user's real library.
func affinity(_ arguments: [String], home: URL) throws -> CommandResult {
  let process = Process()
  process.executableURL = Bundle.module.bundleURL.deletingLastPathComponent()
    .appendingPathComponent("affinity")
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["AFFINITY_DB"] = home.appendingPathComponent("library.sqlite").path
  environment["COLUMNS"] = "100"
  process.environment = environment
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  let errorData = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
    errors: String(decoding: errorData, as: UTF8.self))
}

/// Runs the `affinity` binary with the given arguments; see the array form.
func affinity(_ arguments: String..., home: URL) throws -> CommandResult {
  try affinity(arguments, home: home)
}

/// The text of a golden file committed under `Golden/`.
func golden(_ name: String) throws -> String {
  guard let url = Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil) else {
    throw CocoaError(.fileNoSuchFile)
  }
  return try String(contentsOf: url, encoding: .utf8)
}

/// The shared corpus beside the repository; under CI it must be there.
enum SharedCorpus {
  static let path = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpus/daily-papers").path
  static var shouldRun: Bool {
    FileManager.default.fileExists(atPath: path)
      || ProcessInfo.processInfo.environment["CI"] == "true"
  }
}
