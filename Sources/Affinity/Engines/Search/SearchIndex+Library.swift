import Foundation
import NGramVectorizer
import PaperLibrary

extension SearchIndex {
  /// Where a library file keeps its index for a model.
  ///
  /// - Parameters:
  ///   - library: The library.
  ///   - configuration: The model.
  /// - Returns: A path beside the library, named by the model version
  ///   (`library.sqlite.affinity-ngram-v3.index`); `nil` for a library in memory.
  static func path(for library: PaperLibrary, configuration: VectorizerConfiguration)
    -> String?
  {
    guard library.path != ":memory:" else { return nil }
    let version = String(
      configuration.version.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    return "\(library.path).\(version).index"
  }

  /// A library's index for a model: the stored one when its model and stamp match the
  /// library's, else one built from the library's papers and stored (best effort) for the next
  /// query. One process at a time builds a library's index: another that finds it stale waits
  /// for that build (``BuildLock``) and then uses the index it stored, if it is current.
  ///
  /// - Parameters:
  ///   - library: The library.
  ///   - configuration: The model.
  /// - Returns: The index, and whether it was stored or built.
  /// - Throws: A `LibraryError` when the library cannot be read.
  static func current(
    for library: PaperLibrary, configuration: VectorizerConfiguration
  ) throws(LibraryError) -> (index: SearchIndex, state: IndexState) {
    let path = path(for: library, configuration: configuration)
    if let stored = try stored(at: path, for: library, configuration: configuration) {
      return (stored, .current)
    }
    let lock = path.map { BuildLock(path: $0 + ".lock") }
    defer { lock?.release() }
    if let stored = try stored(at: path, for: library, configuration: configuration) {
      return (stored, .current)
    }
    let (papers, stamp) = try library.snapshot()
    let (index, notStored) = build(
      papers: papers, configuration: configuration, stamp: stamp,
      storingAt: papers.isEmpty ? nil : path)
    return (index, notStored.map { .builtNotStored($0) } ?? .built(papers: papers.count))
  }

  /// The index stored at `path`, if it reads and matches the model and the library's stamp.
  private static func stored(
    at path: String?, for library: PaperLibrary, configuration: VectorizerConfiguration
  ) throws(LibraryError) -> SearchIndex? {
    guard let path, let stored = try? SearchIndex(contentsOf: path) else { return nil }
    let current = Metadata(configuration: configuration, stamp: try library.stamp())
    return stored.metadata == current ? stored : nil
  }
}

/// How a library's search index was found when a ``Recommender`` first needed it.
public enum IndexState: Sendable, Equatable {
  /// The stored index was current.
  case current
  /// The index was built from the library's papers (and stored, for a library file).
  case built(papers: Int)
  /// The index was built but could not be stored; the next query builds it again.
  case builtNotStored(SearchIndexError)
}
