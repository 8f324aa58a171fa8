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

  /// A library's index for a model: the stored one when it is intact and its model and stamp
  /// match the library's, else one built from the library's papers and stored (best effort)
  /// for the next query. One process at a time builds a library's index: another that finds
  /// it stale waits for that build (``BuildLock``) and then uses the index it stored, if it is
  /// current.
  ///
  /// - Parameters:
  ///   - library: The library.
  ///   - configuration: The model.
  ///   - damage: Damage a query found in the stored index: it is rebuilt whatever its stamp.
  /// - Returns: The index, and whether it was stored, built or repaired.
  /// - Throws: A `LibraryError` when the library cannot be read.
  static func current(
    for library: PaperLibrary, configuration: VectorizerConfiguration,
    replacing damage: SearchIndexError? = nil
  ) throws(LibraryError) -> (index: SearchIndex, state: IndexState) {
    let path = path(for: library, configuration: configuration)
    var damage = damage
    if damage == nil {
      switch try stored(at: path, for: library, configuration: configuration) {
      case .current(let index): return (index, .current)
      case .damaged(let error): damage = error
      case .absentOrStale: break
      }
    }
    let lock = path.map { BuildLock(path: $0 + ".lock") }
    defer { lock?.release() }
    if damage == nil,
      case .current(let index) = try stored(at: path, for: library, configuration: configuration)
    {
      return (index, .current)
    }
    let (papers, stamp) = try library.snapshot()
    let (index, notStored) = build(
      papers: papers, configuration: configuration, stamp: stamp,
      storingAt: papers.isEmpty ? nil : path)
    if let notStored { return (index, .builtNotStored(notStored)) }
    if let damage { return (index, .repaired(papers: papers.count, damage: damage)) }
    return (index, .built(papers: papers.count))
  }

  /// What is stored at an index's path.
  private enum Stored {
    case current(SearchIndex)
    case damaged(SearchIndexError)
    case absentOrStale
  }

  /// The index stored at `path`: current when it reads intact and matches the model and the
  /// library's stamp.
  private static func stored(
    at path: String?, for library: PaperLibrary, configuration: VectorizerConfiguration
  ) throws(LibraryError) -> Stored {
    guard let path, FileManager.default.fileExists(atPath: path) else { return .absentOrStale }
    let stored: SearchIndex
    do {
      stored = try SearchIndex(contentsOf: path)
    } catch .damaged(let path) {
      return .damaged(.damaged(path: path))
    } catch {
      return .absentOrStale  // another version, or unreadable: built anew
    }
    let current = Metadata(configuration: configuration, stamp: try library.stamp())
    return stored.metadata == current ? .current(stored) : .absentOrStale
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
  /// The stored index was damaged, and was built again from the library's papers and stored.
  case repaired(papers: Int, damage: SearchIndexError)
}
