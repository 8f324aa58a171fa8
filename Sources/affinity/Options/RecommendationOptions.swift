import Affinity
import ArgumentParser
import PaperCorpus

/// What every recommending command shares: `-k`, `--model`, `--explain`, where the papers come
/// from, the day filter and the output format.
struct RecommendationOptions: ParsableArguments {
  @Flag(help: "Show the shared terms behind each score.")
  var explain = false

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var days: DayFilterOptions
  @OptionGroup var output: FormatOption

  @Option(name: .customShort("k"), help: "How many papers to return per query.")
  var count: Int = 10

  @OptionGroup var model: ModelOption

  func validate() throws {
    if count < 1 { throw ValidationError("-k must be at least 1 (got \(count)).") }
  }

  /// The papers' index, built with the model in force, and whether the inputs had problems.
  ///
  /// - Throws: A `CommandError` when there are no papers, or the source or model is bad.
  func openIndex() throws -> (index: PaperIndex, hadProblems: Bool) {
    let (papers, hadProblems) = try source.openPapers()
    return (PaperIndex(papers: papers, configuration: try model.configuration()), hadProblems)
  }

  /// Whether a row of the index passes `--date`/`--since`.
  func accepts(_ row: Int, in index: PaperIndex) -> Bool { days.filter.accepts(index.papers[row]) }
}
