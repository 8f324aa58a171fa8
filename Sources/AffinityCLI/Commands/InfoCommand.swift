import ArgumentParser
import Foundation
import PaperLibrary
import SimilarityCore

/// `affinity info`: the library and the numeric library under Affinity.
struct InfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Show the library's path, paper and day counts, schema version, and BLAS set-up.")

  @OptionGroup var library: LibraryOption
  @OptionGroup var output: FormatOption

  struct Report: CommandOutput {
    var library: String
    var exists: Bool
    var papers: Int
    var days: Int
    var firstDay: String?
    var lastDay: String?
    var schemaVersion: Int?
    var blas: String
    var blasCore: String
    var blasThreads: Int
    var processors: Int

    var rows: Rows {
      Rows(
        header: ["key", "value"],
        rows: [
          ["library", library + (exists ? "" : " (not created yet; 'affinity add' creates it)")],
          ["papers", String(papers)],
          ["days", firstDay.map { "\(days) (\($0) to \(lastDay ?? $0))" } ?? String(days)],
          ["schema", schemaVersion.map(String.init) ?? "-"],
          ["blas", blas],
          ["blas core", blasCore],
          ["blas threads", "\(blasThreads) of \(processors) processors"],
        ])
    }
  }

  func run() throws {
    let path = library.resolvedPath
    let statistics =
      FileManager.default.fileExists(atPath: path)
      ? try library.openExisting().statistics() : nil
    try output.print(
      Report(
        library: path, exists: statistics != nil, papers: statistics?.paperCount ?? 0,
        days: statistics?.dayCount ?? 0, firstDay: statistics?.firstDay,
        lastDay: statistics?.lastDay, schemaVersion: statistics?.schemaVersion,
        blas: BLASSettings.configuration.trimmingCharacters(in: .whitespaces),
        blasCore: BLASSettings.coreName, blasThreads: BLASSettings.threadCount,
        processors: BLASSettings.processorCount))
  }
}
