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

  // `.unconditional`: a negative number is this option's value (and refused by name), not an
  // unknown option.
  @Option(
    name: .customShort("k"), parsing: .unconditional, help: "How many papers to return per query.")
  var count: Int = 10

  @OptionGroup var model: ModelOption

  func validate() throws {
    if count < 1 { throw ValidationError("-k must be at least 1 (got \(count)).") }
  }

  /// Every paper vectorised with the model in force (for `related --all`), and whether the
  /// inputs had problems.
  ///
  /// - Throws: A `CommandError` when there are no papers, or the source or model is bad.
  func openIndex() throws -> (index: PaperIndex, hadProblems: Bool) {
    let (papers, hadProblems) = try source.openPapers()
    return (PaperIndex(papers: papers, configuration: try model.configuration()), hadProblems)
  }

  /// The source's search for one query, on its index for the model in force (built first, with
  /// a note, when a library file's stored index is missing or stale), and whether the inputs
  /// had problems.
  ///
  /// - Throws: A `CommandError` when there are no papers, or the source or model is bad.
  func openSearch() throws -> (search: LibrarySearch, hadProblems: Bool) {
    let (library, hadProblems) = try source.open()
    let search = try LibrarySearch(library: library, configuration: try model.configuration())
    if source.isLibraryFile { reportIndexing(search.indexState, papers: search.index.paperCount) }
    return (search, hadProblems)
  }

  /// Whether a row of the index passes `--date`/`--since`.
  func accepts(_ row: Int, in index: PaperIndex) -> Bool { days.filter.accepts(index.papers[row]) }
}

/// Says on standard error when a library's search index had to be built, and why it could not
/// be kept.
func reportIndexing(_ state: SearchIndex.State, papers: Int) {
  switch state {
  case .stored: break
  case .built: printError("indexed \(papers) papers for search (the library or model changed)")
  case .builtNotStored(let error): printError(error.description)
  }
}
