import ArgumentParser
import PaperCorpus
import PaperLibrary

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
    let (library, hadProblems) = try source.open()
    let papers = try library.papers(matching: days.filter)
    if papers.isEmpty {
      try library.statistics().paperCount == 0
        ? printError("\(source.name) has no papers; add digests with 'affinity add PATH…'")
        : printError("no papers match --date/--since; 'affinity info' shows the days there are")
    }
    switch output.format {
    case .json: print(try jsonText(papers), terminator: "")
    case let format: print(Rows(papers: papers).rendered(format), terminator: "")
    }
    if hadProblems || papers.isEmpty { throw ExitCode.failure }
  }
}
