import Affinity
import ArgumentParser
import PaperCorpus
import PaperLibrary

extension Mark: ExpressibleByArgument {}

/// The papers a mark command names: ids or links as arguments, and `--file`, one a line.
struct MarkedIDOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("The papers' arXiv ids or links.", valueName: "id"))
  var ids: [String] = []

  @Option(
    help: ArgumentHelp(
      "Read ids or links from a file ('-' for standard input), one a line; blank lines and lines starting with # are skipped.",
      valueName: "path"))
  var file: String?

  func validate() throws {
    if ids.isEmpty, file == nil { throw ValidationError("Give paper ids, or --file PATH.") }
  }

  /// The ids, the arguments' first, each once.
  func resolved() throws -> [ArxivID] {
    var texts = ids
    if let file {
      texts += try readText(file).split(whereSeparator: \.isNewline)
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
    var seen: Set<ArxivID> = []
    return try arxivIDs(texts).filter { seen.insert($0).inserted }
  }
}

/// `affinity mark liked|read|hidden ID…`.
struct MarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mark",
    abstract: "Mark papers liked, read or hidden; 'affinity recommend' reads the marks.",
    discussion: """
      A paper has one mark; a new one replaces it. Papers the library does not have yet are \
      marked too, and the mark applies when they are added. An id one slip from a paper the \
      library has is refused with 'did you mean …?', and nothing is marked.
      """)

  @Argument(help: ArgumentHelp("liked, read or hidden.", valueName: "mark"))
  var mark: Mark

  @OptionGroup var papers: MarkedIDOptions
  @OptionGroup var library: LibraryOption

  func run() throws {
    let ids = try papers.resolved()
    let library = try self.library.openForWriting()
    let known = Set(try library.papers(ids: ids).map(\.id))
    let unknown = ids.filter { !known.contains($0) }
    if !unknown.isEmpty {
      let recommender = Recommender(library: library)
      for id in unknown {
        if let closest = try recommender.closestID(to: id) {
          throw CommandError(
            "no paper \(id) in the library; did you mean \(closest)? Nothing was marked")
        }
      }
    }
    guard let today = DayArgument.today() else { throw CommandError("the clock is past 9999") }
    let changed = try library.mark(ids, as: mark, on: today)
    for id in unknown {
      printError("\(id) is not in the library yet; its mark applies when it is added")
    }
    print(
      "marked \(count(ids.count)) \(mark.rawValue)"
        + (changed < ids.count
          ? " (\(ids.count - changed) already were)" : ""))
  }
}

/// `affinity unmark ID…`.
struct UnmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unmark", abstract: "Remove papers' marks.")

  @OptionGroup var papers: MarkedIDOptions
  @OptionGroup var library: LibraryOption

  func run() throws {
    let ids = try papers.resolved()
    let removed = try library.openExisting(readsFiles: false).unmark(ids)
    print(
      "unmarked \(count(removed))"
        + (removed < ids.count ? " (\(ids.count - removed) had no mark)" : ""))
  }
}

/// `affinity marks`.
struct MarksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "marks",
    abstract: "List marked papers: id, mark, day marked, title.",
    discussion: "By day marked, then id. A paper the library does not have yet has no title.")

  @Argument(help: ArgumentHelp("Only this mark: liked, read or hidden.", valueName: "mark"))
  var mark: Mark?

  @OptionGroup var library: LibraryOption
  @OptionGroup var output: FormatOption

  func run() throws {
    let library = try self.library.openExisting(readsFiles: false)
    let marks = try library.marks(mark)
    if marks.isEmpty {
      printError(
        "no papers are marked\(mark.map { " \($0.rawValue)" } ?? ""); "
          + "mark some with 'affinity mark liked|read|hidden ID…'")
    }
    let titles = Dictionary(
      try library.papers(ids: marks.map(\.id)).map { ($0.id, $0.title) },
      uniquingKeysWith: { first, _ in first })
    try output.print(
      MarkList(
        marks: marks.map {
          MarkList.Line(
            id: $0.id.rawValue, mark: $0.mark.rawValue, day: $0.day.description,
            title: titles[$0.id])
        }))
  }
}

/// "1 paper", "3 papers".
private func count(_ papers: Int) -> String { papers == 1 ? "1 paper" : "\(papers) papers" }

/// `marks`'s output: a row per marked paper (JSON: an array of them).
struct MarkList: CommandOutput {
  struct Line: Encodable {
    var id: String
    var mark: String
    var day: String
    var title: String?
  }

  var marks: [Line]

  var rows: Rows {
    Rows(
      header: ["id", "mark", "day", "title"],
      rows: marks.map { [$0.id, $0.mark, $0.day, $0.title ?? ""] })
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(marks)
  }
}
