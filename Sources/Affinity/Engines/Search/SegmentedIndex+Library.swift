import FileOutput
import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary

extension SegmentedIndex {
  /// Where a library file keeps its index for a model: a folder beside the library, named by
  /// the model version (`library.sqlite.affinity-ngram-v3.index`); `nil` for a library in
  /// memory.
  static func path(for library: PaperLibrary, configuration: VectorizerConfiguration)
    -> String?
  {
    guard library.path != ":memory:" else { return nil }
    let version = String(
      configuration.version.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    return "\(library.path).\(version).index"
  }

  /// A library's index for a model, brought up to date: the stored one when it covers the
  /// library's state; else the stored one with a new segment of the papers added or changed
  /// since (and merges, see ``MergePolicy``); else, when there is none, it is damaged, or it
  /// belongs to another library or model, one built from all the papers. It is stored (best
  /// effort) for the next query. One process at a time updates a library's index: another that
  /// finds it stale waits (``BuildLock``) and then uses what the first stored.
  ///
  /// - Parameters:
  ///   - library: The library.
  ///   - configuration: The model.
  ///   - damage: Damage a query found in the stored index: it is rebuilt whatever its stamp.
  ///   - rebuilding: Whether to build it from all the papers whatever is stored (one segment:
  ///     what a full merge gives).
  ///   - progress: Told how far writing a segment has got.
  /// - Returns: The index, and how it was found.
  /// - Throws: A `LibraryError` when the library cannot be read.
  static func current(
    for library: PaperLibrary, configuration: VectorizerConfiguration,
    replacing damage: SearchIndexError? = nil, rebuilding: Bool = false,
    progress: @escaping (IndexProgress) -> Void = { _ in }
  ) throws(LibraryError) -> (index: SegmentedIndex, state: IndexState) {
    guard let folder = path(for: library, configuration: configuration) else {
      let (papers, _) = try library.snapshot()
      return (
        SegmentedIndex(SearchIndex.build(papers: papers, configuration: configuration).index),
        .built(papers: papers.count)
      )
    }
    var damage = damage
    if damage == nil, !rebuilding {
      switch try stored(in: folder, for: library, configuration: configuration) {
      case .current(let index, _): return (index, .current)
      case .damaged(let error): damage = error
      case .stale, .absent: break
      }
    }
    let lock = BuildLock(path: folder + ".lock")
    defer { lock.release() }
    var stale: (SegmentedIndex, IndexManifest)?
    if damage == nil, !rebuilding {
      switch try stored(in: folder, for: library, configuration: configuration) {
      case .current(let index, _): return (index, .current)
      case .damaged(let error): damage = error
      case .stale(let index, let manifest): stale = (index, manifest)
      case .absent: break
      }
    }
    if let (index, manifest) = stale {
      let (ids, stamp) = try library.changes(since: manifest.stamp.generation)
      if stamp.libraryID == manifest.stamp.libraryID {
        do {
          var update = IndexUpdate(index: index, manifest: manifest, folder: folder)
          update.progress = progress
          try update.add(ids, stamp: stamp, library: library)
          let updated = try update.commit()
          return (updated, ids.isEmpty ? .current : .updated(papers: ids.count))
        } catch let error as LibraryError {
          throw error
        } catch {
          // The folder cannot be written: fall through to an index in memory.
        }
      }
    }
    if try library.stamp().paperCount == 0 {  // nothing worth storing
      return (
        SegmentedIndex(SearchIndex.build(papers: [], configuration: configuration).index),
        .built(papers: 0)
      )
    }
    do {
      let (index, papers) = try IndexUpdate.build(
        library, configuration: configuration, folder: folder, progress: progress)
      if let damage { return (index, .repaired(papers: papers, damage: damage)) }
      return (index, .built(papers: papers))
    } catch let error as LibraryError {
      throw error
    } catch {
      let (papers, _) = try library.snapshot()
      let index = SegmentedIndex(
        SearchIndex.build(papers: papers, configuration: configuration).index)
      return (index, .builtNotStored(.cannotWrite(path: folder, reason: Self.reason(error))))
    }
  }

  /// What an index folder holds.
  private enum Stored {
    /// An intact index of this library and model, covering its current state.
    case current(SegmentedIndex, IndexManifest)
    /// An intact index of this library and model, of an earlier state.
    case stale(SegmentedIndex, IndexManifest)
    case damaged(SearchIndexError)
    /// No index, or one of another model, library or format: built anew.
    case absent
  }

  private static func stored(
    in folder: String, for library: PaperLibrary, configuration: VectorizerConfiguration
  ) throws(LibraryError) -> Stored {
    do {
      guard let manifest = try IndexManifest.read(in: folder),
        manifest.configuration == configuration
      else { return .absent }
      let stamp = try library.stamp()
      guard manifest.stamp.libraryID == stamp.libraryID,
        manifest.stamp.generation <= stamp.generation
      else { return .absent }
      let index = try open(manifest, in: folder)
      return manifest.stamp == stamp ? .current(index, manifest) : .stale(index, manifest)
    } catch let error as LibraryError {
      throw error
    } catch SearchIndexError.damaged(let path) {
      return .damaged(.damaged(path: path))
    } catch {
      return .absent  // another version, or unreadable: built anew
    }
  }

  /// The index a manifest describes, its files checked.
  static func open(_ manifest: IndexManifest, in folder: String) throws -> SegmentedIndex {
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    let weightsPath = path(manifest.weights.name)
    guard let data = FileManager.default.contents(atPath: weightsPath),
      data.count == 4 * manifest.configuration.featureSpace,
      IndexManifest.checksum(Array(data)[...]) == manifest.weights.checksum
    else { throw SearchIndexError.damaged(path: weightsPath) }
    let weights = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    let segments = try manifest.segments.map { segment in
      let index: SearchIndex
      do {
        index = try SearchIndex(contentsOf: path(segment.file))
      } catch SearchIndexError.unreadable {
        throw SearchIndexError.damaged(path: path(segment.file))  // a file the manifest names
      }
      guard index.paperCount == segment.papers,
        index.metadata.configuration == manifest.configuration
      else { throw SearchIndexError.damaged(path: path(segment.file)) }
      return index
    }
    return SegmentedIndex(
      segments: segments, deletedRows: manifest.segments.map(\.deleted), weights: weights,
      location: folder)
  }

  static func reason(_ error: any Error) -> String {
    if let error = error as? OutputFileError { return error.description }
    return "\(error)"
  }
}

/// How a library's search index was found when a ``Recommender`` first needed it.
public enum IndexState: Sendable, Equatable {
  /// The stored index was current.
  case current
  /// The index was built from all the library's papers (and stored, for a library file).
  case built(papers: Int)
  /// The stored index was brought up to date with the papers added or changed since.
  case updated(papers: Int)
  /// The index was built but could not be stored; the next query builds it again.
  case builtNotStored(SearchIndexError)
  /// The stored index was damaged, and was built again from the library's papers and stored.
  case repaired(papers: Int, damage: SearchIndexError)
}
