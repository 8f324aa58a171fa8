import Foundation
import PaperCorpus

/// Parses text as if it were a file with the given name.
func parse(_ text: String, name: String = "test.md") -> CorpusReadResult {
  CorpusReader.parse(Array(text.utf8), source: name)
}

/// The path of a committed fixture.
func fixturePath(_ name: String) throws -> String {
  guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
    throw FixtureMissing(name: name)
  }
  return url.path
}

struct FixtureMissing: Error { var name: String }

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("affinity-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
