import ArgumentParser
import Foundation
import NGramVectorizer

/// `--model PATH`: the vectorizer model in force.
struct ModelOption: ParsableArguments {
  @Option(
    name: .customLong("model"),
    help: ArgumentHelp(
      "A vectorizer model file (JSON, like Models/affinity-ngram-v3.json); the built-in one by default.",
      valueName: "path"))
  var path: String?

  /// The model in force: `--model`, or the built-in `affinity-ngram-v3`.
  ///
  /// - Throws: A `CommandError` naming the file when it cannot be read or is not a valid model.
  func configuration() throws -> VectorizerConfiguration {
    guard let path else { return .standard }
    let configuration: VectorizerConfiguration
    do {
      configuration = try JSONDecoder().decode(
        VectorizerConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch let error as DecodingError {
      throw CommandError("\(path): not a vectorizer model (\(Self.describe(error)))")
    } catch {
      throw CommandError("\(path): cannot read the model file (\(error.localizedDescription))")
    }
    do {
      try configuration.validate()
    } catch {
      throw CommandError("\(path): \(error)")
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
