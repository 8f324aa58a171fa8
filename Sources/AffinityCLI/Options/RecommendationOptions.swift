import Affinity
import ArgumentParser
import PaperCorpus

/// What every recommending command shares: `-k`, `--model`, `--explain`, where the papers come
/// from, the day filter and the output format.
struct RecommendationOptions: ParsableArguments {
  @Flag(help: "Show the shared terms behind each score.")
  var explain = false

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var filters: FilterOptions
  @OptionGroup var output: FormatOption

  // `.unconditional`: a negative number is this option's value (and refused by name), not an
  // unknown option.
  @Option(
    name: .customShort("k"), parsing: .unconditional, help: "How many papers to return per query.")
  var count: Int = 10

  @OptionGroup var model: ModelOption

  func validate() throws {
    if count < 1 { throw ValidationError("-k must be at least 1 (got \(count)).") }
  }

  /// The source's recommender with the model in force, and whether the inputs had problems.
  /// For single queries on a library file, its search index is opened first, and built with a
  /// note on standard error when it is missing or stale.
  ///
  /// - Parameter singleQueries: Whether the command asks one paper's or one text's neighbours.
  /// - Returns: The recommender, and whether any input had problems.
  /// - Throws: A `CommandError` when the source or model is bad.
  func openRecommender(forSingleQueries singleQueries: Bool) throws -> (
    recommender: Recommender, hadProblems: Bool
  ) {
    let (recommender, hadProblems) = try source.openRecommender(
      configuration: try model.configuration())
    if singleQueries, source.isLibraryFile {
      recommender.indexReport = { state in state.note.map(printError) }
      try recommender.prepareSearchIndex()
    }
    return (recommender, hadProblems)
  }
}
