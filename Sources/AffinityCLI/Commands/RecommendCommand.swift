import Affinity
import ArgumentParser
import PaperCorpus
import PaperLibrary

/// `affinity recommend`: the span's papers ranked for the papers marked liked.
struct RecommendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "What to read: a day's papers ranked for the papers you marked liked.",
    discussion: """
      Papers are ranked by their mean similarity to the papers marked liked (see 'affinity \
      mark'); papers marked liked, read or hidden are left out. Without --date, --since or \
      --until, the newest day in the library is ranked. --explain names the liked papers each \
      recommendation is nearest to, and the terms it shares with them.
      """)

  @OptionGroup var options: RecommendationOptions

  func validate() throws {
    if !options.source.isLibraryFile {
      throw ValidationError(
        "recommend reads your marks from the library; add the files with 'affinity add' first.")
    }
  }

  func run() throws {
    let library = try options.source.library.openExisting(readsFiles: false)
    let marks = try library.marks()
    let liked = marks.filter { $0.mark == .liked }.map(\.id)
    guard !liked.isEmpty else {
      throw CommandError(
        "no papers are marked liked; mark a few you liked with 'affinity mark liked ID…' "
          + "(ids or links, or --file PATH with one a line), then ask again")
    }
    let (recommender, _) = try options.openRecommender(forSingleQueries: true)
    let present = try recommender.papers(ids: liked)
    guard !present.isEmpty else {
      throw CommandError(
        "none of the \(liked.count) papers marked liked is in the library yet; "
          + "add their digests with 'affinity add PATH…'")
    }
    var filter = options.filters.filter
    if filter.conditions.allSatisfy({ !$0.isDays }) {
      guard let newest = try library.statistics().lastDay.flatMap({ Day($0) }) else {
        throw CommandError(
          "the library has no dated papers; add digests with 'affinity add PATH…'")
      }
      filter.date = newest
      printError("ranking the papers of \(newest), the newest day (--date or --since for others)")
    }
    let results = try recommender.related(
      to: ReadingProfile(liked: present.map(\.id)), count: options.count, filter: filter,
      excluding: Set(marks.map(\.id)), explained: options.explain)
    if results.isEmpty {
      printError("no paper left to recommend among the papers the filters keep")
    }
    try options.output.print(
      RecommendationOutput(
        lines: results.map { RecommendationLine(query: "-", recommendation: $0) },
        explained: options.explain,
        titles: Dictionary(
          present.map { ($0.id.rawValue, $0.title) }, uniquingKeysWith: { first, _ in first })))
  }
}
