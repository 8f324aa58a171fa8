import Affinity
import ArgumentParser
import PaperCorpus

/// `affinity related ID…` and `affinity related --all`.
struct RelatedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "related",
    abstract: "Papers related to ones you read (or, with --all, to every paper).",
    discussion: """
      Similarity is the cosine of hashed character and word n-gram vectors (TF-IDF weighted), \
      so Korean and English text both count. Several ids make one reading profile: papers are \
      ranked by their mean similarity to them, less a quarter of their mean similarity to the \
      --not papers; the papers named are never recommended. The filters (--date, --since, \
      --author, …) narrow the papers recommended (with --all: the papers related to each other).
      """)

  @Argument(help: ArgumentHelp("The papers' arXiv ids or links.", valueName: "id"))
  var ids: [String] = []

  @Option(
    name: .customLong("not"),
    help: ArgumentHelp("A paper to steer away from; repeat it for more.", valueName: "id"))
  var avoided: [String] = []

  @Flag(help: "List the related papers of every paper.")
  var all = false

  @OptionGroup var options: RecommendationOptions

  func validate() throws {
    if all == !ids.isEmpty { throw ValidationError("Give paper ids, or --all.") }
    if all, !avoided.isEmpty { throw ValidationError("--not goes with paper ids, not --all.") }
  }

  func run() throws {
    let (recommender, hadProblems) = try options.openRecommender(forSingleQueries: !all)
    let filter = options.filters.filter
    var lines: [RecommendationLine] = []
    var titles: [String: String] = [:]
    if all {
      for list in try recommender.relatedForAll(
        of: .matching(filter), count: options.count, explained: options.explain)
      {
        lines += list.recommendations.map {
          RecommendationLine(query: list.paper.id.rawValue, recommendation: $0)
        }
      }
    } else {
      let profile = ReadingProfile(
        liked: try arxivIDs(ids), disliked: try arxivIDs(avoided, option: "--not"))
      let single = profile.papers.count == 1 ? profile.liked.first : nil
      let results =
        try single.map {
          try recommender.related(
            to: $0, count: options.count, filter: filter, explained: options.explain)
        }
        ?? recommender.related(
          to: profile, count: options.count, filter: filter, explained: options.explain)
      let query = single?.rawValue ?? "-"
      if results.isEmpty {
        printError(
          "no paper shares any term with \(profile.liked.map(\.rawValue).joined(separator: ", "))"
            + (filter == .init() ? "" : " among the papers the filters keep"))
      }
      lines = results.map { RecommendationLine(query: query, recommendation: $0) }
      for paper in try recommender.papers(ids: profile.liked) {
        titles[paper.id.rawValue] = paper.title
      }
    }
    try options.output.print(
      RecommendationOutput(lines: lines, explained: options.explain, titles: titles))
    if hadProblems { throw ExitCode.failure }
  }
}
