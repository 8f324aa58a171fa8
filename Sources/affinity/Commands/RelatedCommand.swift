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

  @OptionGroup var options: RecommendationOptions

  func validate() throws {
    if all == (id != nil) { throw ValidationError("Give one paper id, or --all.") }
  }

  func run() throws {
    let (index, hadProblems) = try options.openIndex()
    var lines: [RecommendationLine] = []
    if all {
      let rows = index.papers.indices.filter { options.accepts($0, in: index) }
      for (row, list) in zip(rows, index.relatedForAll(rows, count: options.count)) {
        lines += list.map { line(for: $0, query: row, in: index) }
      }
    } else {
      guard let text = id, let arxivID = ArxivID(text) else {
        throw CommandError(
          "'\(id ?? "")' is not an arXiv id; expected e.g. 2406.11839 or an arxiv.org link")
      }
      guard let row = index.row(of: arxivID) else {
        throw RecommendationError.unknownPaper(arxivID)
      }
      let results = try index.related(to: arxivID, count: options.count) {
        options.accepts($0, in: index)
      }
      if results.isEmpty {
        printError(
          "no paper shares any term with \(arxivID)\(options.days.filter == .init() ? "" : " among the papers of --date/--since")"
        )
      }
      lines = results.map { line(for: $0, query: row, in: index) }
    }
    try printRecommendations(lines, format: options.output.format, explain: options.explain)
    if hadProblems { throw ExitCode.failure }
  }

  private func line(for recommendation: Recommendation, query row: Int, in index: PaperIndex)
    -> RecommendationLine
  {
    let shared = options.explain ? index.explanation(of: row, and: recommendation.row) : nil
    return RecommendationLine(
      query: index.papers[row].id.rawValue, recommendation: recommendation, shared: shared)
  }
}
