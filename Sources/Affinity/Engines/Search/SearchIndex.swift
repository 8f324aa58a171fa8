import FileOutput
import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary
import Parallel

/// Some papers' weighted n-gram vectors stored by feature — an inverted index — so that one
/// query is scored exactly against every paper by reading only the lists of its own features,
/// without reading or vectorising the library. A ``SegmentedIndex`` is made of these.
///
/// An index is built from vectors, in memory or straight into a file
/// (``build(ids:vectors:weights:storingAt:)``), and a file is mapped back into memory
/// (``init(contentsOf:)``), which costs next to nothing however large it is. It holds the
/// weights the vectors were made with, the papers' ids and, per feature, the rows that have it
/// with their weights in 8 bits (``PostingCode``) — features of no weight too, with weight 0,
/// so that every list's length is the feature's document frequency among these papers. Its
/// scores are the inner products of the vectors within a bound it gives with them (see
/// ``scores(of:leavingOut:)``); the best are then scored exactly from the papers' texts.
///
/// ```swift
/// let (index, notStored) = SearchIndex.build(papers: papers, configuration: .standard, storingAt: path)
/// let scores = try SearchIndex(contentsOf: path).scores(of: vector)  // .values, .tolerance
/// ```
final class SearchIndex: @unchecked Sendable {
  /// What the index was computed with.
  struct Metadata: Codable, Equatable, Sendable {
    /// The vectorizer model.
    var configuration: VectorizerConfiguration
  }

  /// The model the index was computed with.
  let metadata: Metadata
  /// The weights its vectors were made with (their IDF), as a vectorizer; made when first
  /// asked for (a copy of every weight), while ``weight(of:)`` reads one from the file.
  var vectorizer: NGramVectorizer {
    NGramVectorizer(
      configuration: metadata.configuration, documentCount: layout.paperCount,
      inverseDocumentFrequency: (0..<layout.featureSpace).map(weight))
  }
  /// The number of papers (rows).
  var paperCount: Int { layout.paperCount }

  let layout: SearchIndexLayout
  /// Where the index came from, for messages: its file, or `(memory)`.
  let location: String
  let storage: Storage
  var bytes: UnsafeRawBufferPointer { storage.bytes }

  /// Maps an index file into memory, checking its header and directory (everything but the
  /// posting lists, which are checked as queries read them).
  ///
  /// - Parameter path: The file ``build(papers:configuration:stamp:storingAt:)`` wrote.
  /// - Throws: `SearchIndexError.otherVersion` for an index of another format version,
  ///   `.damaged` for any other file that is not an intact index, `.unreadable`.
  convenience init(contentsOf path: String) throws(SearchIndexError) {
    let storage = try Storage(mapping: path)
    let bytes = storage.bytes
    if bytes.starts(with: SearchIndexLayout.family), !bytes.starts(with: SearchIndexLayout.magic) {
      throw .otherVersion(path: path)
    }
    guard let layout = SearchIndexLayout(header: bytes), layout.size == bytes.count,
      Self.directoryChecksum(of: bytes, layout: layout)
        == bytes.load(fromByteOffset: SearchIndexLayout.directoryChecksumOffset, as: UInt64.self),
      let metadata = try? JSONDecoder().decode(
        Metadata.self,
        from: Data(bytes[layout.metadata..<(layout.metadata + layout.metadataLength)])),
      metadata.configuration.featureSpace == layout.featureSpace
    else { throw .damaged(path: path) }
    // Checked whole, then read a few entries at a time: let the pages go (a library's index
    // may have a dozen segments).
    storage.release(layout.metadata..<layout.listChecksums)
    self.init(storage: storage, layout: layout, metadata: metadata, location: path)
  }

  private init(
    storage: Storage, layout: SearchIndexLayout, metadata: Metadata, location: String
  ) {
    self.storage = storage
    self.location = location
    self.layout = layout
    self.metadata = metadata
  }

  /// The weight (IDF) feature `feature`'s values were made with; 0 outside the feature space.
  func weight(of feature: Int) -> Float {
    guard feature >= 0, feature < layout.featureSpace else { return 0 }
    return bytes.load(fromByteOffset: layout.weights + 4 * feature, as: Float.self)
  }

  /// The largest magnitude of a value in feature `feature`'s list (`feature` in the space).
  func largestWeight(of feature: Int) -> Float {
    bytes.load(fromByteOffset: layout.largestWeights + 4 * feature, as: Float.self)
  }

  /// Vectorises papers, fitted on them alone, and stores their vectors by feature (see
  /// ``build(ids:vectors:weights:storingAt:)``).
  ///
  /// - Parameters:
  ///   - papers: The papers, in the library's order (ties in score rank the earlier paper
  ///     first, as in ``PaperIndex``).
  ///   - configuration: The vectorizer model.
  ///   - path: Where to store the index, or `nil` to keep it in memory.
  /// - Complexity: O(total text length) on all cores, then O(total number of features).
  static func build(
    papers: [Paper], configuration: VectorizerConfiguration, storingAt path: String? = nil
  ) -> (index: SearchIndex, notStored: SearchIndexError?) {
    let (weights, vectors) = NGramVectorizer.fitted(
      on: papers.map { $0.text(for: configuration) }, configuration: configuration,
      keepingDropped: true)
    return build(ids: papers.map(\.id), vectors: vectors, weights: weights, storingAt: path)
  }

  /// Stores vectors by feature, in memory or in a file.
  ///
  /// With a `path`, the index is built straight into a file mapped for writing (no copy of its
  /// bytes), which appears at `path` whole or not at all; if it cannot, the index is built in
  /// memory and the error says why.
  ///
  /// - Parameters:
  ///   - ids: The papers' ids, a row each.
  ///   - vectors: Their vectors, made by `weights` keeping the features of no weight (see
  ///     ``NGramVectorizer/weighted(_:keepingDropped:)``).
  ///   - weights: The vectorizer that made them.
  ///   - path: Where to store the index, or `nil` to keep it in memory.
  /// - Returns: The index, and why it could not be stored at `path` (`nil` when it was, or when
  ///   there is no `path`).
  /// - Complexity: O(total number of features).
  static func build(
    ids: [ArxivID], vectors: [SparseVector], weights vectorizer: NGramVectorizer,
    storingAt path: String? = nil
  ) -> (index: SearchIndex, notStored: SearchIndexError?) {
    let configuration = vectorizer.configuration
    let metadata = Metadata(configuration: configuration)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys  // the same papers and model give the same file
    let metadataBytes = Array((try? encoder.encode(metadata)) ?? Data())
    precondition(ids.count <= PostingCode.maximumRows, "A segment of more rows than 24 bits hold")
    let ids = ids.map { Array($0.rawValue.utf8) }
    let layout = SearchIndexLayout(
      metadataLength: metadataBytes.count, paperCount: ids.count,
      featureSpace: configuration.featureSpace,
      postingCount: vectors.reduce(0) { $0 + $1.count },
      idByteCount: ids.reduce(0) { $0 + $1.count })
    let (storage, output, mappingProblem) = storage(count: layout.size, storingAt: path)
    var notStored = mappingProblem
    let file = storage.mutableBytes
    file.copyBytes(from: SearchIndexLayout.magic)
    file.storeBytes(of: SearchIndexLayout.byteOrderMark, toByteOffset: 8, as: UInt32.self)
    for (field, value) in layout.headerFields.enumerated() {
      file.storeBytes(of: value, toByteOffset: 16 + 8 * field, as: UInt64.self)
    }
    UnsafeMutableRawBufferPointer(rebasing: file[layout.metadata...]).copyBytes(from: metadataBytes)

    var offset = 0
    for (row, id) in ids.enumerated() {
      file.storeBytes(of: UInt32(offset), toByteOffset: layout.idOffsets + 4 * row, as: UInt32.self)
      UnsafeMutableRawBufferPointer(rebasing: file[(layout.idBytes + offset)...]).copyBytes(
        from: id)
      offset += id.count
    }
    file.storeBytes(
      of: UInt32(offset), toByteOffset: layout.idOffsets + 4 * ids.count, as: UInt32.self)
    let order = ids.indices.sorted { ids[$0].lexicographicallyPrecedes(ids[$1]) }
    for (position, row) in order.enumerated() {
      file.storeBytes(of: UInt32(row), toByteOffset: layout.idOrder + 4 * position, as: UInt32.self)
    }
    for (bucket, weight) in vectorizer.inverseDocumentFrequency.enumerated() {
      file.storeBytes(of: weight, toByteOffset: layout.weights + 4 * bucket, as: Float.self)
    }

    writePostings(of: vectors, into: file, layout: layout)
    writeChecksums(into: file, layout: layout)
    var location = "(memory)"
    if let output {
      do {
        try output.commit()
        location = output.path
      } catch {
        notStored = .cannotWrite(path: output.path, reason: "\(error)")
      }
    }
    let index = SearchIndex(
      storage: storage, layout: layout, metadata: metadata, location: location)
    return (index, notStored)
  }

  /// Memory for an index of `count` bytes: the file being written at `path`, mapped, or (with
  /// no path, or when the file cannot be made) memory of its own, with the reason.
  private static func storage(count: Int, storingAt path: String?) -> (
    storage: Storage, output: OutputFile?, notStored: SearchIndexError?
  ) {
    guard let path else { return (Storage(allocating: count), nil, nil) }
    do throws(OutputFileError) {
      let file = try OutputFile(path: path)
      return (try Storage(mappingForWriting: file, count: count), file, nil)
    } catch {
      return (Storage(allocating: count), nil, .cannotWrite(path: path, reason: "\(error)"))
    }
  }

  /// Writes every posting list's checksum, on all cores, then the directory's.
  private static func writeChecksums(
    into file: UnsafeMutableRawBufferPointer, layout: SearchIndexLayout
  ) {
    nonisolated(unsafe) let bytes = UnsafeRawBufferPointer(file)
    nonisolated(unsafe) let checksums = UnsafeMutableRawBufferPointer(
      rebasing: file[layout.listChecksums...]
    ).bindMemory(to: UInt32.self)
    Parallel.forEachChunk(of: layout.featureSpace, size: 4096) { features in
      for feature in features {
        if let list = postings(of: feature, in: bytes, layout: layout) {
          checksums[feature] = listChecksum(list, feature: feature, in: bytes, layout: layout)
        }
      }
    }
    file.storeBytes(
      of: directoryChecksum(of: bytes, layout: layout),
      toByteOffset: SearchIndexLayout.directoryChecksumOffset, as: UInt64.self)
  }

  /// The checksum of the header's first bytes and of the metadata through the weights.
  static func directoryChecksum(of bytes: UnsafeRawBufferPointer, layout: SearchIndexLayout)
    -> UInt64
  {
    var checksum = Checksum()
    for range in layout.directoryRanges {
      checksum.add(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }
    return checksum.value
  }

  /// The checksum of feature `feature`'s posting list, whose postings are `list`: its bounds,
  /// its rows and its weights.
  static func listChecksum(
    _ list: Range<Int>, feature: Int, in bytes: UnsafeRawBufferPointer, layout: SearchIndexLayout
  ) -> UInt32 {
    listChecksum(
      feature: feature, list: list,
      largest: bytes.load(fromByteOffset: layout.largestWeights + 4 * feature, as: Float.self),
      postings: UnsafeRawBufferPointer(
        rebasing: bytes[
          (layout.postings + 4 * list.lowerBound)..<(layout.postings + 4 * list.upperBound)]))
  }

  /// The checksum of a posting list: its feature, bounds and largest weight, then its postings.
  static func listChecksum(
    feature: Int, list: Range<Int>, largest: Float, postings: UnsafeRawBufferPointer
  ) -> UInt32 {
    var checksum = Checksum()
    checksum.add(UInt64(feature))
    checksum.add(UInt64(list.lowerBound))
    checksum.add(UInt64(list.upperBound))
    checksum.add(UInt64(largest.bitPattern))
    checksum.add(postings)
    return UInt32(truncatingIfNeeded: checksum.value)
  }

  /// The positions of a feature's postings, or `nil` when the feature or its list lies outside
  /// the index (a damaged file): read from the posting starts without trusting them.
  @inline(__always)
  static func postings(of feature: Int, in bytes: UnsafeRawBufferPointer, layout: SearchIndexLayout)
    -> Range<Int>?
  {
    guard feature >= 0, feature < layout.featureSpace else { return nil }
    let start = bytes.load(fromByteOffset: layout.postingStarts + 8 * feature, as: UInt64.self)
    let end = bytes.load(fromByteOffset: layout.postingStarts + 8 * (feature + 1), as: UInt64.self)
    guard start <= end, end <= UInt64(layout.postingCount) else { return nil }
    return Int(start)..<Int(end)
  }

  /// Fills the posting lists: a counting sort of every (feature, row) by feature, on all cores,
  /// after each feature's largest weight is found. Each part fills the lists of its own range of
  /// features (about as many postings in each), reading every vector's entries in that range,
  /// rows in order.
  private static func writePostings(
    of vectors: [SparseVector], into file: UnsafeMutableRawBufferPointer,
    layout: SearchIndexLayout
  ) {
    var next = [Int](repeating: 0, count: layout.featureSpace + 1)
    var largest = [Float](repeating: 0, count: layout.featureSpace)
    for vector in vectors {
      for (index, value) in zip(vector.indices, vector.values) {
        next[Int(index) + 1] += 1
        largest[Int(index)] = max(largest[Int(index)], abs(value))
      }
    }
    for bucket in 0..<layout.featureSpace { next[bucket + 1] += next[bucket] }
    for (bucket, start) in next.enumerated() {
      file.storeBytes(
        of: UInt64(start), toByteOffset: layout.postingStarts + 8 * bucket, as: UInt64.self)
    }
    for (bucket, value) in largest.enumerated() {
      file.storeBytes(of: value, toByteOffset: layout.largestWeights + 4 * bucket, as: Float.self)
    }
    let steps = largest.map(PostingCode.step(forLargest:))
    nonisolated(unsafe) let postings = UnsafeMutableRawBufferPointer(
      rebasing: file[layout.postings...]
    ).bindMemory(to: UInt32.self)
    let parts = 4 * ProcessInfo.processInfo.activeProcessorCount
    let total = next[layout.featureSpace]
    var bounds = [0]
    for bucket in 0..<layout.featureSpace where next[bucket + 1] * parts >= total * bounds.count {
      bounds.append(bucket + 1)
      if bounds.count > parts { break }
    }
    if bounds.last != layout.featureSpace { bounds.append(layout.featureSpace) }
    let partBounds = bounds
    next.withUnsafeMutableBufferPointer { next in
      nonisolated(unsafe) let next = next
      DispatchQueue.concurrentPerform(iterations: partBounds.count - 1) { part in
        let low = UInt32(partBounds[part])
        let high = UInt32(partBounds[part + 1])
        for (row, vector) in vectors.enumerated() {
          let indices = vector.indices
          var entry = indices.firstIndex(notBelow: low)
          while entry < indices.count, indices[entry] < high {
            let bucket = Int(indices[entry])
            let position = next[bucket]
            postings[position] = PostingCode.posting(
              row: row, weight: vector.values[entry], step: steps[bucket])
            next[bucket] = position + 1
            entry += 1
          }
        }
      }
    }
  }
}
