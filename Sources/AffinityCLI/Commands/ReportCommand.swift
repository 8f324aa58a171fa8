import Affinity
import ArgumentParser
import FileOutput
import Foundation
import PaperCorpus
import PaperLibrary
import ReportPage

/// `affinity report`: one self-contained HTML page of a span's papers.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write one HTML page of a span's papers: topic map, similarities, groups.",
    discussion: """
      The page works offline and on a phone: a map of the papers by similarity, coloured by \
      topic group (hover or focus a mark for its paper, click for arXiv); a similarity heatmap \
      (of the papers, or of the groups for more than 150 papers); papers per day of each group \
      over several days; the span's papers ranked for the papers you marked liked, when there \
      are any; and the groups with every paper, readable without scripts. The same papers give \
      the same page.
      """)

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var filters: FilterOptions

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("The HTML file to write; - for standard output.", valueName: "file"))
  var output: String

  @Option(help: "Seeds the grouping; the same seed gives the same page.")
  var seed: UInt64 = 1

  @OptionGroup var model: ModelOption

  func run() throws {
    let (recommender, hadProblems) = try source.openRecommender(
      configuration: try model.configuration())
    let filter = filters.filter
    let map = try recommender.topicMap(
      of: .matching(filter), seed: seed, progress: progressSteps("report"))
    let (forYou, likedTitles) = try recommendations(recommender, filter: filter)
    let page = ReportPage(
      map: map, title: Self.title(of: map), forYou: forYou, likedTitles: likedTitles)
    let file = output == "-" ? OutputFile.standardOutput() : try OutputFile(path: output)
    try file.write(page.html())
    try file.commit()
    if output != "-" {
      printError(
        "wrote the report of \(map.points.count) papers in \(map.topics.groups.count) groups "
          + "to \(output)")
    }
    if hadProblems { throw ExitCode.failure }
  }

  /// The span's papers ranked for the papers marked liked in the library, leaving out marked
  /// ones; none without a library or liked papers.
  private func recommendations(_ recommender: Recommender, filter: PaperFilter) throws -> (
    [Recommendation], [ArxivID: String]
  ) {
    guard source.isLibraryFile else { return ([], [:]) }
    let marks = try source.library.openExisting(readsFiles: false).marks()
    let liked = try recommender.papers(ids: marks.filter { $0.mark == .liked }.map(\.id))
    guard !liked.isEmpty else { return ([], [:]) }
    try recommender.prepareSearchIndex()
    let results = try recommender.related(
      to: ReadingProfile(liked: liked.map(\.id)), count: 10, filter: filter,
      excluding: Set(marks.map(\.id)), explained: true)
    return (
      results, Dictionary(liked.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    )
  }

  /// The span's days: one day, or the first to the last.
  static func title(of map: TopicMap) -> String {
    guard let first = map.topics.days.first, let last = map.topics.days.last else {
      return "papers without dates"
    }
    return first == last ? first.description : "\(first) to \(last)"
  }
}
