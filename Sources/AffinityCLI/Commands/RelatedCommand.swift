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
      so Korean and English text both count. --date and --since narrow the papers recommended \
      (with --all: the papers related to each other).
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
    let (recommender, hadProblems) = try options.openRecommender(forSingleQueries: !all)
    let filter = options.days.filter
    var lines: [RecommendationLine] = []
    if all {
      for list in try recommender.relatedForAll(
        of: .matching(filter), count: options.count, explained: options.explain)
      {
        lines += list.recommendations.map {
          RecommendationLine(query: list.paper.id.rawValue, recommendation: $0)
        }
      }
    } else {
      guard let text = id, let arxivID = ArxivID(text) else {
        throw CommandError(
          "'\(id ?? "")' is not an arXiv id; expected e.g. 2406.11839 or an arxiv.org link")
      }
      let results = try recommender.related(
        to: arxivID, count: options.count, filter: filter, explained: options.explain)
      if results.isEmpty {
        printError(
          "no paper shares any term with \(arxivID)"
            + (filter == .init() ? "" : " among the papers --date/--since keep"))
      }
      lines = results.map { RecommendationLine(query: arxivID.rawValue, recommendation: $0) }
    }
    try options.output.print(RecommendationOutput(lines: lines, explained: options.explain))
    if hadProblems { throw ExitCode.failure }
  }
}
