import Affinity
import ArgumentParser
import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary

/// Where a reading command takes its papers from: the library, or files read into memory.
struct PaperSourceOptions: ParsableArguments {
  @OptionGroup var library: LibraryOption

  @Option(
    help: ArgumentHelp(
      "Read digests or JSON Lines from this file or folder ('-' for standard input) instead of the library; repeat it for more.",
      valueName: "path"))
  var corpus: [String] = []

  @Flag(help: "Use the built-in sample of 20 papers instead of the library.")
  var sample = false

  func validate() throws {
    if library.path != nil, sample || !corpus.isEmpty {
      throw ValidationError(
        "--db reads the library; --corpus and --sample read files instead. Choose one.")
    }
  }

  /// The papers' recommender: over the library file, or over the `--corpus` and `--sample`
  /// papers merged in memory as the library would merge them. Problems in the files are
  /// printed to standard error as they are found.
  ///
  /// - Parameter configuration: The vectorizer model.
  /// - Returns: The recommender, and whether any input had problems (the command then exits 1).
  /// - Throws: A `CommandError` when the library file does not exist.
  func openRecommender(configuration: VectorizerConfiguration = .standard) throws -> (
    recommender: Recommender, hadProblems: Bool
  ) {
    if isLibraryFile {
      return (Recommender(library: try library.openExisting(), configuration: configuration), false)
    }
    var merged = MergedPapers()
    let hadProblems = try forEachInput { merged.add($0) }
    return (Recommender(papers: merged.papers(), configuration: configuration), hadProblems)
  }

  /// Reads the sample and the `--corpus` files, printing their problems to standard error, and
  /// passes each input's papers to `add`, in order.
  ///
  /// - Returns: Whether any input had problems.
  private func forEachInput(_ add: ([Paper]) throws -> Void) throws -> Bool {
    var inputs = sample ? [try SampleDigest.read()] : []
    inputs += CorpusReader.read(paths: corpus)
    var hadProblems = false
    for input in inputs {
      for problem in input.problems { printError(problem.description) }
      hadProblems = hadProblems || !input.problems.isEmpty
      try add(input.papers)
    }
    return hadProblems
  }

  /// Whether the papers come from a library file (not `--corpus` or `--sample`).
  var isLibraryFile: Bool { !sample && corpus.isEmpty }

  /// A phrase naming the source, for messages: "the library at PATH" or "the given files".
  var name: String {
    if !isLibraryFile { return "the given files" }
    return "the library at \(library.resolvedPath)"
  }
}
