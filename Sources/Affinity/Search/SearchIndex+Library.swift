import Foundation
import NGramVectorizer
import PaperLibrary

extension SearchIndex {
  /// How a library's index was found.
  public enum State: Sendable, Equatable {
    /// The stored index was current.
    case stored
    /// The index was built from the library's papers (and stored, for a library file).
    case built
    /// The index was built but could not be stored; the next query builds it again.
    case builtNotStored(SearchIndexError)
  }

  /// Where a library file keeps its index for a model.
  ///
  /// - Parameters:
  ///   - library: The library.
  ///   - configuration: The model.
  /// - Returns: A path beside the library, named by the model version
  ///   (`library.sqlite.affinity-ngram-v3.index`); `nil` for a library in memory.
  public static func path(for library: PaperLibrary, configuration: VectorizerConfiguration)
    -> String?
  {
    guard library.path != ":memory:" else { return nil }
    let version = String(
      configuration.version.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    return "\(library.path).\(version).index"
  }

  /// A library's index for a model: the stored one when its model and stamp match the
  /// library's, else one built from the library's papers and stored (best effort) for the next
  /// query.
  ///
  /// - Parameters:
  ///   - library: The library.
  ///   - configuration: The model.
  /// - Returns: The index, and whether it was stored or built.
  /// - Throws: A `LibraryError` when the library cannot be read.
  public static func current(
    for library: PaperLibrary, configuration: VectorizerConfiguration
  ) throws(LibraryError) -> (index: SearchIndex, state: State) {
    let stamp = try library.stamp()
    let path = path(for: library, configuration: configuration)
    if let path, let stored = try? SearchIndex(contentsOf: path),
      stored.metadata == Metadata(configuration: configuration, stamp: stamp)
    {
      return (stored, .stored)
    }
    let papers = try library.papers()
    let (index, notStored) = build(
      papers: papers, configuration: configuration, stamp: stamp,
      storingAt: papers.isEmpty ? nil : path)
    return (index, notStored.map { .builtNotStored($0) } ?? .built)
  }
}
