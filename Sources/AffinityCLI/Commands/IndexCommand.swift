import Affinity
import ArgumentParser

/// `affinity index [--rebuild]`: brings the library's search index up to date, or rebuilds it.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Bring the library's search index up to date, or rebuild it (--rebuild).",
    discussion: """
      'add' and the first query after it keep the index up to date by themselves: papers added \
      go into a small new segment, and segments are merged as the library grows. --rebuild \
      builds it from all the papers as one segment (what merging every segment gives): the \
      index a from-scratch build writes, byte for byte.
      """)

  @Flag(help: "Build the index from all the papers, whatever is stored.")
  var rebuild = false

  @OptionGroup var library: LibraryOption
  @OptionGroup var model: ModelOption

  func run() throws {
    let recommender = Recommender(
      library: try library.openExisting(readsFiles: false), configuration: try model.configuration()
    )
    let state = try rebuild ? recommender.rebuildSearchIndex() : recommender.prepareSearchIndex()
    if case .builtNotStored = state {
      printError(state.note ?? "")
      throw ExitCode.failure
    }
    let segments = recommender.searchIndexSegments ?? 0
    try writeStandardOutput(
      (state.note ?? "the search index is up to date")
        + " (\(segments) \(segments == 1 ? "segment" : "segments"))\n")
  }
}
