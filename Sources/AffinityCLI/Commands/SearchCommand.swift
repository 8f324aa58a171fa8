import Affinity
import ArgumentParser
import Foundation

/// `affinity search "free text"`.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Papers like a free text: a title, an abstract, a few words, in Korean or English.")

  @Argument(
    help: ArgumentHelp("The text to search for ('-' for standard input).", valueName: "text"))
  var text: String?

  @Option(
    help: ArgumentHelp("Read the text from a file ('-' for standard input).", valueName: "path"))
  var file: String?

  @OptionGroup var options: RecommendationOptions

  func validate() throws {
    if (text == nil) == (file == nil) {
      throw ValidationError("Give the text to search for, or --file PATH.")
    }
  }

  func run() throws {
    let query = try queryText()
    let (recommender, hadProblems) = try options.openRecommender(forSingleQueries: true)
    let results = try recommender.search(
      query, count: options.count, filter: options.filters.filter, explained: options.explain)
    if results.isEmpty { printError("no paper shares any term with the query") }
    try options.output.print(
      RecommendationOutput(
        lines: results.map { RecommendationLine(query: "-", recommendation: $0) },
        explained: options.explain))
    if hadProblems { throw ExitCode.failure }
  }

  private func queryText() throws -> String {
    guard let file = file ?? (text == "-" ? "-" : nil) else { return text ?? "" }
    return try readText(file)
  }
}
