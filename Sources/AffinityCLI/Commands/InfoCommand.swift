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

  struct Report: Encodable {
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
  }

  func run() throws {
    let path = library.resolvedPath
    let statistics =
      FileManager.default.fileExists(atPath: path)
      ? try library.openExisting().statistics() : nil
    let report = Report(
      library: path, exists: statistics != nil, papers: statistics?.paperCount ?? 0,
      days: statistics?.dayCount ?? 0, firstDay: statistics?.firstDay,
      lastDay: statistics?.lastDay, schemaVersion: statistics?.schemaVersion,
      blas: BLASSettings.configuration.trimmingCharacters(in: .whitespaces),
      blasCore: BLASSettings.coreName, blasThreads: BLASSettings.threadCount,
      processors: BLASSettings.processorCount)
    switch output.format {
    case .json:
      print(try jsonText(report), terminator: "")
    case let format:
      let days = report.firstDay.map { "\(report.days) (\($0) to \(report.lastDay ?? $0))" }
      let rows = Rows(
        header: ["key", "value"],
        rows: [
          [
            "library",
            path + (report.exists ? "" : " (not created yet; 'affinity add' creates it)"),
          ],
          ["papers", String(report.papers)],
          ["days", days ?? String(report.days)],
          ["schema", report.schemaVersion.map(String.init) ?? "-"],
          ["blas", report.blas],
          ["blas core", report.blasCore],
          ["blas threads", "\(report.blasThreads) of \(report.processors) processors"],
        ])
      print(rows.rendered(format), terminator: "")
    }
  }
}
