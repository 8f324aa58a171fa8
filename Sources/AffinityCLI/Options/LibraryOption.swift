import ArgumentParser
import Foundation
import PaperLibrary

/// `--db PATH`: the library file.
struct LibraryOption: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The library file (default: $AFFINITY_DB, else $XDG_DATA_HOME/affinity/library.sqlite).",
      valueName: "path"))
  var path: String?

  /// The path in force: `--db`, else the default location.
  var resolvedPath: String { path ?? LibraryLocation.defaultPath() }

  /// Opens the library, creating it if needed (for commands that write).
  func openForWriting() throws -> PaperLibrary { try PaperLibrary(path: resolvedPath) }

  /// Opens an existing library; a missing one is an error that says how to make it.
  ///
  /// - Parameter readsFiles: Whether the command could read files instead (`--corpus`), which
  ///   the error then suggests.
  func openExisting(readsFiles: Bool = true) throws -> PaperLibrary {
    let path = resolvedPath
    guard FileManager.default.fileExists(atPath: path) else {
      throw CommandError(
        "no library at \(path); add digests with 'affinity add PATH…'"
          + (readsFiles ? ", or read files directly with --corpus PATH… or --sample" : ""))
    }
    return try PaperLibrary(path: path)
  }
}
