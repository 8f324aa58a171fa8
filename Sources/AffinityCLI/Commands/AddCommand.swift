import Affinity
import ArgumentParser
import PaperCorpus
import PaperLibrary

/// `affinity add PATH…`: reads digests into the library, one transaction per file.
struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract:
      "Add digests, JSON Lines (the arXiv metadata snapshot too) or Hugging Face daily-papers files, or folders of them, to the library.",
    discussion: """
      Adding a digest again changes nothing; a paper listed on several days keeps every day. \
      Malformed entries are reported and skipped, the rest of their file is still added, and \
      the command then exits with status 1. Files of any size are read a part at a time, each \
      file in one transaction; on a terminal, progress is shown on standard error.
      """)

  @Argument(
    help: ArgumentHelp(
      "Digest or JSON Lines files, or folders of them ('-' for standard input).",
      valueName: "path"))
  var paths: [String] = []

  @Flag(help: "Add the built-in sample of 20 papers.")
  var sample = false

  @Flag(help: "Show no progress, only the summary.")
  var quiet = false

  @OptionGroup var library: LibraryOption

  func validate() throws {
    if paths.isEmpty && !sample {
      throw ValidationError("Give at least one file or folder to add, or --sample.")
    }
  }

  func run() throws {
    let store = try library.openForWriting()
    var summary = AddSummary()
    var rejected = 0
    var problems = 0
    let progress = AddProgress(quiet: quiet)
    func report(_ result: CorpusReadResult) {
      if !result.problems.isEmpty { progress.clearLine() }
      for problem in result.problems { printError(problem.description) }
      problems += result.problems.count
      rejected += result.rejectedCount
    }
    if sample {
      let digest = try SampleDigest.read()
      report(digest)
      summary += try store.add(digest.papers)
    }
    let inputs = CorpusReader.inputs(paths)
    for input in inputs {
      summary += try store.add { add in
        try CorpusReader.forEachPart(of: input) { part in
          report(part.result)
          try add(part.result.papers)
          progress.update(part)
        }
      }
      progress.finish()
    }
    let count = inputs.count + (sample ? 1 : 0)
    let files = count == 1 ? "1 file" : "\(count) files"
    try writeStandardOutput(
      "added \(summary.added), updated \(summary.updated), unchanged \(summary.unchanged), "
        + "rejected \(rejected) (\(files) into \(store.path))\n")
    // Index now, so that the first query is as fast as the next.
    let recommender = Recommender(library: store)
    recommender.indexProgress = { progress.update($0) }
    let state = try recommender.prepareSearchIndex()
    progress.finish()
    switch state {
    case .current, .built(papers: 0): break
    case .built, .updated, .repaired: try writeStandardOutput((state.note ?? "") + "\n")
    case .builtNotStored:
      printError(state.note ?? "")
      problems += 1
    }
    if problems > 0 { throw ExitCode.failure }
  }
}
