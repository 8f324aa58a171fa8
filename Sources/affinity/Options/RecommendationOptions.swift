import Affinity
import ArgumentParser
import Foundation
import NGramVectorizer
import PaperCorpus

/// What every recommending command shares: `-k`, `--model`, `--explain`, where the papers come
/// from, the day filter and the output format.
struct RecommendationOptions: ParsableArguments {
  @Flag(help: "Show the shared terms behind each score.")
  var explain = false

  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var days: DayFilterOptions
  @OptionGroup var output: FormatOption

  @Option(name: .customShort("k"), help: "How many papers to return per query.")
  var count: Int = 10

  @Option(
    help: ArgumentHelp(
      "A vectorizer model file (JSON, like Models/affinity-ngram-v1.json); the built-in one by default.",
      valueName: "path"))
  var model: String?

  func validate() throws {
    if count < 1 { throw ValidationError("-k must be at least 1 (got \(count)).") }
  }

  /// The papers' index, built with the model in force, and whether the inputs had problems.
  ///
  /// - Throws: A `CommandError` when there are no papers, or the source or model is bad.
  func openIndex() throws -> (index: PaperIndex, hadProblems: Bool) {
    let (library, hadProblems) = try source.open()
    let papers = try library.papers()
    guard !papers.isEmpty else { throw CommandError(RecommendationError.emptyLibrary.description) }
    return (PaperIndex(papers: papers, configuration: try configuration()), hadProblems)
  }

  /// Whether a row of the index passes `--date`/`--since`.
  func accepts(_ row: Int, in index: PaperIndex) -> Bool { days.filter.accepts(index.papers[row]) }

  /// The model in force: `--model`, or the built-in `affinity-ngram-v1`.
  func configuration() throws -> VectorizerConfiguration {
    guard let model else { return .standard }
    let configuration: VectorizerConfiguration
    do {
      configuration = try JSONDecoder().decode(
        VectorizerConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: model)))
    } catch let error as DecodingError {
      throw CommandError("\(model): not a vectorizer model (\(Self.describe(error)))")
    } catch {
      throw CommandError("\(model): cannot read the model file (\(error.localizedDescription))")
    }
    do {
      try configuration.validate()
    } catch {
      throw CommandError("\(model): \(error)")
    }
    return configuration
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, _): "missing field '\(key.stringValue)'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      context.codingPath.isEmpty
        ? "not valid JSON"
        : "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' is wrong"
    @unknown default: "\(error)"
    }
  }
}
