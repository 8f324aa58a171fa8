import Affinity
import ArgumentParser
import PaperCorpus
import PaperLibrary

/// `affinity add PATH…`: reads digests into the library, one transaction per file.
struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add digests (.md, .txt) or JSON Lines files, or folders of them, to the library.",
    discussion: """
      Adding a digest again changes nothing; a paper listed on several days keeps every day. \
      Malformed entries are reported and skipped, the rest of their file is still added, and \
      the command then exits with status 1.
      """)

  @Argument(
    help: ArgumentHelp(
      "Digest or JSON Lines files, or folders of them ('-' for standard input).",
      valueName: "path"))
  var paths: [String] = []

  @Flag(help: "Add the built-in sample of 20 papers.")
  var sample = false

  @OptionGroup var library: LibraryOption

  func validate() throws {
    if paths.isEmpty && !sample {
      throw ValidationError("Give at least one file or folder to add, or --sample.")
    }
  }

  func run() throws {
    let store = try library.openForWriting()
    var inputs = sample ? [try SampleDigest.read()] : []
    inputs += CorpusReader.read(paths: paths)
    var summary = AddSummary()
    var rejected = 0
    var problems = 0
    for input in inputs {
      for problem in input.problems { printError(problem.description) }
      problems += input.problems.count
      rejected += input.rejectedCount
      summary += try store.add(input.papers)
    }
    let files = inputs.count == 1 ? "1 file" : "\(inputs.count) files"
    try writeStandardOutput(
      "added \(summary.added), updated \(summary.updated), unchanged \(summary.unchanged), "
        + "rejected \(rejected) (\(files) into \(store.path))\n")
    // Index now, so that the first query is as fast as the next.
    let state = try Recommender(library: store).prepareSearchIndex()
    switch state {
    case .current, .built(papers: 0): break
    case .built, .repaired: try writeStandardOutput((state.note ?? "") + "\n")
    case .builtNotStored:
      printError(state.note ?? "")
      problems += 1
    }
    if problems > 0 { throw ExitCode.failure }
  }
}
