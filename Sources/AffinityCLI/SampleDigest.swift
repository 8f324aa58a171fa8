import Foundation
import PaperCorpus

/// The built-in sample: 20 papers from five days of Daily Papers, summarised in our own words.
enum SampleDigest {
  /// Reads the sample digest shipped with the command.
  static func read() throws -> CorpusReadResult {
    guard let url = Bundle.module.url(forResource: "sample-digest", withExtension: "md") else {
      throw CommandError(
        "the built-in sample is missing from this installation; reinstall Affinity")
    }
    return CorpusReader.parse(Array(try Data(contentsOf: url)), source: "sample-digest.md")
  }
}
