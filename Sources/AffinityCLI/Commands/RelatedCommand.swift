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
    let lines: [RecommendationLine]
    let hadProblems: Bool
    if all {
      (lines, hadProblems) = try relatedForAll()
    } else {
      (lines, hadProblems) = try related()
    }
    try printRecommendations(lines, format: options.output.format, explain: options.explain)
    if hadProblems { throw ExitCode.failure }
  }

  /// One paper's related papers, from the source's search index.
  private func related() throws -> ([RecommendationLine], Bool) {
    guard let text = id, let arxivID = ArxivID(text) else {
      throw CommandError(
        "'\(id ?? "")' is not an arXiv id; expected e.g. 2406.11839 or an arxiv.org link")
    }
    let (search, hadProblems) = try options.openSearch()
    let filter = options.days.filter
    let results = try search.related(to: arxivID, count: options.count, filter: filter)
    if results.isEmpty {
      printError(
        "no paper shares any term with \(arxivID)\(filter == .init() ? "" : " among the papers of --date/--since")"
      )
    }
    let query = options.explain ? try search.library.paper(id: arxivID) : nil
    let lines = results.map { recommendation in
      RecommendationLine(
        query: arxivID.rawValue, recommendation: recommendation,
        shared: query.map { search.explanation(of: $0, and: recommendation.paper) })
    }
    return (lines, hadProblems)
  }

  /// Every paper's related papers, from all the papers vectorised at once.
  private func relatedForAll() throws -> ([RecommendationLine], Bool) {
    let (index, hadProblems) = try options.openIndex()
    let rows = index.papers.indices.filter { options.accepts($0, in: index) }
    var lines: [RecommendationLine] = []
    for (row, list) in zip(rows, index.relatedForAll(rows, count: options.count)) {
      lines += list.map { recommendation in
        RecommendationLine(
          query: index.papers[row].id.rawValue, recommendation: recommendation,
          shared: options.explain ? index.explanation(of: row, and: recommendation.row) : nil)
      }
    }
    return (lines, hadProblems)
  }
}
