import ArgumentParser
import SimilarityCore

/// The `affinity` command: recommends research papers by meaning.
@main
struct AffinityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "affinity",
    abstract: "Recommends research papers by meaning, from Daily Papers digests.",
    discussion: """
      Papers come from a library (--db, kept across days), or straight from files with \
      --corpus PATH…, or from the built-in sample with --sample.
      """,
    version: "0.1.0",
    subcommands: [
      AddCommand.self, ListCommand.self, ShowCommand.self, RelatedCommand.self, SearchCommand.self,
      MarkCommand.self, UnmarkCommand.self, MarksCommand.self, RecommendCommand.self,
      TopicsCommand.self, ReportCommand.self, MatrixCommand.self, EmbeddingsCommand.self,
      IndexCommand.self,
      InfoCommand.self,
    ]
  )

  /// Stops OpenBLAS's spinning idle threads before any command runs (see
  /// ``BLASSettings/stopIdleThreads()``), then runs the command the arguments name; errors from
  /// the libraries are worded with the options that fix them (``CommandError/wording(_:)``).
  static func main() {
    BLASSettings.stopIdleThreads()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      exit(withError: CommandError.wording(error))
    }
  }
}
