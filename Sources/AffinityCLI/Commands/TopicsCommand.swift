import Affinity
import ArgumentParser
import Foundation

/// `affinity topics`: the papers in groups by topic, each with a label.
struct TopicsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topics",
    abstract: "Group papers by topic, each group with a label and its most central paper first.",
    discussion: """
      Papers are grouped in a latent semantic space of their n-gram vectors. Up to 200 papers \
      (a day or a week) are grouped flat: --k auto scores every number of groups from n/8 to \
      n/5 (about six papers a group) by silhouette and eigengap. More papers are grouped as a \
      hierarchy: 5 to 40 top-level groups (path 3) split into finest groups (3.2), both \
      counts chosen by silhouette; a top-level group of more than 16 finest ones gets a level \
      in between (3.2.1). --k sets the number of top-level groups. Either way the output says when no number is \
      clearly better. Over several days, every group shows its papers per day. The same \
      papers and seed give the same groups, whatever their order.
      """)

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var filters: FilterOptions

  @Option(
    name: .customLong("k"), parsing: .unconditional,
    help: ArgumentHelp("Number of groups, or auto.", valueName: "auto|n"))
  var count: GroupCount = .automatic

  @Option(
    help: ArgumentHelp(
      "agglomerative (average linkage) or kmeans (spherical), flat for up to 2000 papers; or "
        + "hierarchical. Default: agglomerative up to 200 papers, hierarchical above."))
  var method: ClusteringMethod?

  @Option(help: "Seeds k-means; the same seed gives the same groups.")
  var seed: UInt64 = 1

  @OptionGroup var model: ModelOption
  @OptionGroup var output: FormatOption

  func validate() throws {
    if case .fixed(let k) = count, k < 1 {
      throw ValidationError("--k must be at least 1, or auto (got \(k)).")
    }
  }

  func run() throws {
    let (recommender, hadProblems) = try source.openRecommender(
      configuration: try model.configuration())
    let topics = try recommender.topics(
      of: .matching(filters.filter), count: count, method: method, seed: seed,
      progress: progressSteps("topics"))
    try output.print(TopicsOutput(topics: topics))
    if hadProblems { throw ExitCode.failure }
  }
}

extension ClusteringMethod: ExpressibleByArgument {}

extension GroupCount: ExpressibleByArgument {
  /// Parses `--k auto` or `--k N`.
  public init?(argument: String) {
    if argument == "auto" {
      self = .automatic
    } else if let value = Int(argument) {
      self = .fixed(value)
    } else {
      return nil
    }
  }
}
