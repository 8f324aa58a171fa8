import ArgumentParser
import PaperCorpus
import PaperLibrary

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
    guard let arxivID = ArxivID(id) else {
      throw CommandError(
        "'\(id)' is not an arXiv id; expected e.g. 2406.11839 or an arxiv.org link")
    }
    let (library, hadProblems) = try source.open()
    guard let paper = try library.paper(id: arxivID) else {
      throw CommandError(
        "no paper \(arxivID) in \(source.name); 'affinity list' shows the papers there are")
    }
    switch output.format {
    case .json: print(try jsonText(paper), terminator: "")
    case .table: print(Self.text(paper), terminator: "")
    case let format: print(Rows(papers: [paper]).rendered(format), terminator: "")
    }
    if hadProblems { throw ExitCode.failure }
  }

  /// The paper as readable text.
  static func text(_ paper: Paper) -> String {
    var lines = [
      paper.title,
      "https://arxiv.org/abs/\(paper.id)",
      "listed:  "
        + (paper.dates.isEmpty ? "-" : paper.dates.map(\.description).joined(separator: ", ")),
      "votes:   " + (paper.votes.map(String.init) ?? "-"),
      "authors: "
        + (paper.authors + (paper.omitsAuthors ? ["and others"] : []))
        .joined(separator: ", "),
    ]
    for section in paper.sections {
      lines.append("")
      if let heading = section.heading { lines.append(heading) }
      lines.append(section.text)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
