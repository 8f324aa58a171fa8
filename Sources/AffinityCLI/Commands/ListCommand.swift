import ArgumentParser
import PaperCorpus

/// `affinity list`: the papers, one a line.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List papers: id, first day listed, votes, number of authors, title.",
    discussion: "Papers are ordered by first day, then votes (most first), then id.")

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var days: DayFilterOptions
  @OptionGroup var output: FormatOption

  func run() throws {
    let (recommender, hadProblems) = try source.openRecommender()
    let papers = try recommender.papers(matching: days.filter)
    if papers.isEmpty {
      try recommender.papers().isEmpty
        ? printError("\(source.name) has no papers; add digests with 'affinity add PATH…'")
        : printError("no papers match --date/--since; 'affinity info' shows the days there are")
    }
    try output.print(PaperList(papers: papers))
    if hadProblems || papers.isEmpty { throw ExitCode.failure }
  }
}
