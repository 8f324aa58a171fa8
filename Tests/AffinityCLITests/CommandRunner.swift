import Foundation

/// What one run of the built `affinity` binary printed and returned.
struct CommandResult {
  var status: Int32
  var output: String
  var errors: String
}

/// A run of the built `affinity` binary that has started and not yet been waited for.
///
/// The environment is the test's own with `AFFINITY_DB` pointing into `home`, so no test
/// touches the user's real library.
struct RunningCommand {
  let process = Process()
  private let output: Pipe?
  private let errors = Pipe()

  /// Starts the binary built beside this test bundle.
  ///
  /// - Parameters:
  ///   - arguments: Its arguments.
  ///   - home: The folder whose `library.sqlite` is the default library.
  ///   - input: Standard input (nothing by default).
  ///   - standardOutput: Where standard output goes, instead of being captured.
  /// - Throws: When the binary cannot be started.
  init(
    _ arguments: [String], home: URL, input: FileHandle = .nullDevice,
    standardOutput: FileHandle? = nil
  ) throws {
    process.executableURL = Bundle.module.bundleURL.deletingLastPathComponent()
      .appendingPathComponent("affinity")
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["AFFINITY_DB"] = home.appendingPathComponent("library.sqlite").path
    environment["COLUMNS"] = "100"
    process.environment = environment
    output = standardOutput == nil ? Pipe() : nil
    process.standardOutput = standardOutput ?? output
    process.standardError = errors
    process.standardInput = input
    try process.run()
  }

  /// Waits for the end, reading what it printed.
  func finish() -> CommandResult {
    // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
    let outputData = output?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }
}

/// Runs the `affinity` binary built beside this test bundle to its end; see ``RunningCommand``.
func affinity(
  _ arguments: [String], home: URL, input: FileHandle = .nullDevice,
  standardOutput: FileHandle? = nil
) throws -> CommandResult {
  try RunningCommand(arguments, home: home, input: input, standardOutput: standardOutput).finish()
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
