import Affinity
import ArgumentParser
import PaperCorpus

/// `affinity related ID` and `affinity related --all`.
struct RelatedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "related",
    abstract: "Papers related to one you read (or, with --all, to every paper).",
    discussion: """
      Similarity is the cosine of hashed character and word n-gram vectors (TF-IDF weighted), \
      so Korean and English text both count. --date and --since narrow the papers recommended.
      """)

  @Argument(help: ArgumentHelp("The paper's arXiv id or link.", valueName: "id"))
  var id: String?

  @Flag(help: "List the related papers of every paper.")
  var all = false

  @Flag(help: "Show the shared terms behind each score.")
  var explain = false

  @OptionGroup var options: RecommendationOptions
  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var days: DayFilterOptions
  @OptionGroup var output: FormatOption

  func validate() throws {
    if all == (id != nil) { throw ValidationError("Give one paper id, or --all.") }
  }

  func run() throws {
    let (library, hadProblems) = try source.open()
    let papers = try library.papers()
    guard !papers.isEmpty else { throw CommandError(RecommendationError.emptyLibrary.description) }
    let index = PaperIndex(papers: papers, configuration: try options.configuration())
    let filter = days.filter
    var lines: [RecommendationLine] = []
    if all {
      let rows = papers.indices.filter { filter.accepts(papers[$0]) }
      for (row, list) in zip(rows, index.relatedForAll(rows, count: options.count)) {
        lines += list.map { line(for: $0, query: row, in: index) }
      }
    } else {
      guard let text = id, let arxivID = ArxivID(text) else {
        throw CommandError(
          "'\(id ?? "")' is not an arXiv id; expected e.g. 2406.11839 or an arxiv.org link")
      }
      let results = try index.related(to: arxivID, count: options.count) {
        filter.accepts(papers[$0])
      }
      guard let row = index.row(of: arxivID) else {
        throw RecommendationError.unknownPaper(arxivID)
      }
      if results.isEmpty {
        printError(
          "no paper shares any term with \(arxivID)\(filter == .init() ? "" : " among the papers of --date/--since")"
        )
      }
      lines = results.map { line(for: $0, query: row, in: index) }
    }
    try printRecommendations(lines, format: output.format, explain: explain)
    if hadProblems { throw ExitCode.failure }
  }

  private func line(for recommendation: Recommendation, query row: Int, in index: PaperIndex)
    -> RecommendationLine
  {
    let shared =
      explain
      ? index.row(of: recommendation.paper.id).map { index.explanation(of: row, and: $0) } : nil
    return RecommendationLine(
      query: index.papers[row].id.rawValue, recommendation: recommendation, shared: shared)
  }
}
