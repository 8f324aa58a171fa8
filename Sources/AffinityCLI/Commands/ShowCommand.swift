import ArgumentParser
import PaperCorpus

/// `affinity show ID`: one paper in full.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one paper: title, link, days, votes, authors and summary.")

  @Argument(help: ArgumentHelp("The paper's arXiv id or link, e.g. 2406.11839.", valueName: "id"))
  var id: String

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var output: FormatOption

  func run() throws {
    let arxivID = try arxivIDs([id])[0]
    let (recommender, hadProblems) = try source.openRecommender()
    guard let paper = try recommender.papers(ids: [arxivID]).first else {
      if let closest = try recommender.closestID(to: arxivID) {
        throw CommandError("no paper \(arxivID) in \(source.name); did you mean \(closest)?")
      }
      throw CommandError(
        "no paper \(arxivID) in \(source.name); 'affinity list' shows the papers there are")
    }
    try output.print(PaperDetail(paper: paper))
    if hadProblems { throw ExitCode.failure }
  }
}
