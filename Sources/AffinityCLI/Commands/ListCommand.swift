import ArgumentParser
import PaperCorpus

/// `affinity list`: the papers, one a line.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List papers: id, first day listed, votes, number of authors, title.",
    discussion: "Papers are ordered by first day, then votes (most first), then id.")

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var filters: FilterOptions
  @OptionGroup var output: FormatOption

  func run() throws {
    let (recommender, hadProblems) = try source.openRecommender()
    let papers = try recommender.papers(matching: filters.filter)
    if papers.isEmpty {
      switch try recommender.emptySelection(for: filters.filter) {
      case .emptyLibrary:
        printError("\(source.name) has no papers; add digests with 'affinity add PATH…'")
      case let error: printError("\(CommandError.wording(error))")
      }
    }
    try output.print(PaperList(papers: papers))
    if hadProblems || papers.isEmpty { throw ExitCode.failure }
  }
}
