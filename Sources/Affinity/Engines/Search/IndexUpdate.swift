import FileOutput
import Foundation
import NGramVectorizer
import PaperCorpus
import PaperLibrary

/// Changes to a stored ``SegmentedIndex``, written to its folder as new files, then made the
/// index by replacing the manifest (``commit()``), then the files no longer named are removed.
struct IndexUpdate {
  private var segments: [SearchIndex]
  /// Each segment's deleted rows.
  private var deleted: [Set<Int>]
  /// The index's rows when each segment was made.
  private var madeAmong: [Int]
  private var manifest: IndexManifest
  private let folder: String
  /// Told after each batch of papers is counted or written.
  var progress: (IndexProgress) -> Void = { _ in }
  /// Every bucket's document frequency over all rows, deleted ones included.
  private var frequencies: [Int32]
  private var rowCount: Int
  private var configuration: VectorizerConfiguration { manifest.configuration }

  /// Changes to a stored index.
  init(index: SegmentedIndex, manifest: IndexManifest, folder: String) {
    self.init(
      segments: index.segments, deleted: manifest.segments.map { Set($0.deleted) },
      madeAmong: manifest.segments.map(\.madeAmong), manifest: manifest, folder: folder)
  }

  /// How many papers are vectorised at a time when a segment is written: memory holds one
  /// batch's vectors (about 200 MB), whatever the library's size.
  static let batchSize = 20_000

  /// Builds a library's index from all its papers, as one segment, and stores it in `folder`
  /// (replacing whatever is there). The papers are read twice, a batch at a time, from one
  /// state of the library (see ``writeSegment(papers:_:)``).
  ///
  /// - Parameter batch: Papers vectorised at a time.
  /// - Returns: The index and the number of papers.
  /// - Throws: A `LibraryError`, or when the folder or its files cannot be written.
  static func build(
    _ library: PaperLibrary, configuration: VectorizerConfiguration, folder: String,
    batch: Int = batchSize, progress: @escaping (IndexProgress) -> Void = { _ in }
  ) throws -> (index: SegmentedIndex, papers: Int) {
    try prepare(folder)
    return try library.withSnapshot { snapshot in
      var update = IndexUpdate(
        segments: [], deleted: [], madeAmong: [],
        manifest: IndexManifest(
          configuration: configuration, stamp: snapshot.stamp,
          weights: .init(name: "", checksum: 0), segments: []),
        folder: folder)
      update.progress = progress
      let segment = try update.writeSegment(papers: snapshot.stamp.paperCount) { body in
        try snapshot.forEachBatch(of: batch, body)
      }
      update.segments = [segment]
      update.deleted = [[]]
      update.madeAmong = [segment.paperCount]
      return (try update.commit(), segment.paperCount)
    }
  }

  private init(
    segments: [SearchIndex], deleted: [Set<Int>], madeAmong: [Int], manifest: IndexManifest,
    folder: String
  ) {
    self.segments = segments
    self.deleted = deleted
    self.madeAmong = madeAmong
    self.manifest = manifest
    self.folder = folder
    frequencies = [Int32](repeating: 0, count: manifest.configuration.featureSpace)
    for segment in segments { segment.addDocumentFrequencies(to: &frequencies) }
    rowCount = segments.reduce(0) { $0 + $1.paperCount }
  }

  /// Indexes papers added or changed: each changed one is deleted from its segment, and all go
  /// into a new segment, weighted with the document frequencies they bring; then segments are
  /// merged as ``MergePolicy`` says.
  ///
  /// - Parameters:
  ///   - ids: The papers added or changed since the index's state.
  ///   - stamp: The library's state they were found in.
  ///   - library: The library, to read the papers (a batch at a time) and those of merged
  ///     segments.
  ///   - batch: Papers read and vectorised at a time.
  /// - Throws: A `LibraryError`, or when a segment cannot be written.
  mutating func add(
    _ ids: [ArxivID], stamp: LibraryStamp, library: PaperLibrary, batch: Int = batchSize
  ) throws {
    manifest.stamp = stamp
    guard !ids.isEmpty else { return }
    for id in ids {
      for segment in segments.indices.reversed() {
        if let row = segments[segment].row(of: id), deleted[segment].insert(row).inserted {
          break
        }
      }
    }
    try append(ids, library: library, batch: batch)
    dropEmptySegments()
    while let group = MergePolicy.nextMerge(
      segments.indices.map {
        .init(
          rows: segments[$0].paperCount, deleted: deleted[$0].count,
          madeAmong: madeAmong[$0])
      })
    {
      try merge(group, library: library)
    }
  }

  /// Reads papers by id from the library, `size` at a time, in the order of `ids`.
  private static func forEachBatch(
    of ids: [ArxivID], size: Int, in library: PaperLibrary, _ body: ([Paper]) throws -> Void
  ) throws {
    for start in stride(from: 0, to: ids.count, by: size) {
      try body(try library.papers(ids: Array(ids[start..<min(ids.count, start + size)])))
    }
  }

  /// Removes segments whose every row is deleted (their features stop counting).
  private mutating func dropEmptySegments() {
    for segment in segments.indices.reversed()
    where deleted[segment].count == segments[segment].paperCount {
      segments[segment].addDocumentFrequencies(to: &frequencies, sign: -1)
      rowCount -= segments[segment].paperCount
      segments.remove(at: segment)
      deleted.remove(at: segment)
      madeAmong.remove(at: segment)
    }
  }

  /// Vectorises papers with the document frequencies of every row and theirs, and writes them
  /// as a new segment, last.
  private mutating func append(_ ids: [ArxivID], library: PaperLibrary, batch: Int) throws {
    segments.append(
      try writeSegment(papers: ids.count) { body in
        try Self.forEachBatch(of: ids, size: batch, in: library, body)
      })
    deleted.append([])
    madeAmong.append(rowCount)
  }

  /// Papers a batch at a time, read as often as asked, in the same order each time.
  typealias PaperBatches = (_ body: ([Paper]) throws -> Void) throws -> Void

  /// Writes papers as one segment in two passes over them: the first counts their features
  /// into the document frequencies, the second weighs them with the resulting weights, a batch
  /// at a time, each batch written as a part; the parts are then concatenated into the segment
  /// (byte for byte what writing all the vectors at once gives) and removed.
  ///
  /// - Parameters:
  ///   - total: How many papers the batches hold (at most ``PostingCode/maximumRows``).
  ///   - batches: The papers.
  private mutating func writeSegment(papers total: Int, _ batches: PaperBatches) throws
    -> SearchIndex
  {
    guard total <= PostingCode.maximumRows else {
      throw SearchIndexError.tooManyPapers(count: total, limit: PostingCode.maximumRows)
    }
    let configuration = configuration
    let progress = progress
    var frequencies = frequencies
    var rowCount = rowCount
    var done = 0
    try batches { papers in
      let counts = NGramVectorizer.termCounts(
        of: papers.map { $0.text(for: configuration) }, configuration: configuration)
      NGramVectorizer.addDocumentFrequencies(of: counts, to: &frequencies)
      rowCount += papers.count
      done += papers.count
      progress(IndexProgress(step: .counting, papers: done, of: total))
    }
    done = 0
    self.frequencies = frequencies
    self.rowCount = rowCount
    let weights = currentWeights
    var parts: [String] = []
    try batches { papers in
      var vectors = NGramVectorizer.termCounts(
        of: papers.map { $0.text(for: configuration) }, configuration: configuration)
      weights.weigh(&vectors, keepingDropped: true)
      let path = Self.path(folder, Self.newName("segment"))
      let (_, notStored) = SearchIndex.build(
        ids: papers.map(\.id), vectors: vectors, weights: weights, storingAt: path)
      if let notStored { throw notStored }
      parts.append(path)  // let go of: read again, a list at a time, to concatenate
      done += papers.count
      progress(IndexProgress(step: .indexing, papers: done, of: total))
    }
    if parts.count == 1 { return try SearchIndex(contentsOf: parts[0]) }
    defer { for part in parts { try? FileManager.default.removeItem(atPath: part) } }
    if parts.isEmpty {
      let (segment, notStored) = SearchIndex.build(
        ids: [], vectors: [], weights: weights,
        storingAt: Self.path(folder, Self.newName("segment")))
      if let notStored { throw notStored }
      return segment
    }
    return try SearchIndex.concatenate(
      try parts.map { try SearchIndex(contentsOf: $0) },
      storingAt: Self.path(folder, Self.newName("segment")))
  }

  /// Merges segments: their papers not deleted are read from the library, vectorised with the
  /// document frequencies that leave out the merged rows and count theirs, and written as one
  /// segment in the place of the first.
  private mutating func merge(_ group: [Int], library: PaperLibrary) throws {
    var ids: [ArxivID] = []
    for segment in group {
      for row in 0..<segments[segment].paperCount where !deleted[segment].contains(row) {
        if let id = segments[segment].id(ofRow: row) { ids.append(id) }
      }
      segments[segment].addDocumentFrequencies(to: &frequencies, sign: -1)
      rowCount -= segments[segment].paperCount
    }
    let merged = try writeSegment(papers: ids.count) { body in
      try Self.forEachBatch(of: ids, size: Self.batchSize, in: library, body)
    }
    for segment in group.reversed() {
      segments.remove(at: segment)
      deleted.remove(at: segment)
      madeAmong.remove(at: segment)
    }
    segments.insert(merged, at: group[0])
    deleted.insert([], at: group[0])
    madeAmong.insert(rowCount, at: group[0])
  }

  /// The weights of the current document frequencies.
  private var currentWeights: NGramVectorizer {
    NGramVectorizer(
      documentFrequency: frequencies, documentCount: rowCount, configuration: configuration)
  }

  /// Writes the current weights and the manifest naming the segments, which makes them the
  /// index, then removes the folder's files it no longer names.
  ///
  /// - Returns: The index.
  /// - Throws: When a file cannot be written; the folder's index is then the one before.
  mutating func commit() throws -> SegmentedIndex {
    let weights = currentWeights.inverseDocumentFrequency
    let bytes = weights.withUnsafeBytes { Array($0) }
    let name = Self.newName("weights")
    let file = try OutputFile(path: Self.path(folder, name))
    try file.write(bytes)
    try file.commit()
    manifest.weights = .init(name: name, checksum: IndexManifest.checksum(bytes[...]))
    manifest.segments = segments.indices.map { position in
      .init(
        file: (segments[position].location as NSString).lastPathComponent,
        papers: segments[position].paperCount, madeAmong: madeAmong[position],
        deleted: deleted[position].sorted())
    }
    try manifest.write(in: folder)
    Self.removeFiles(in: folder, except: manifest.files)
    return SegmentedIndex(
      segments: segments, deletedRows: manifest.segments.map(\.deleted), weights: weights,
      location: folder)
  }

  /// Makes `folder` a folder (an index of the single-file format before it is removed).
  private static func prepare(_ folder: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
      try FileManager.default.removeItem(atPath: folder)
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  /// Removes the index files of `folder` not in `kept` (left by merges, or by a process that
  /// was killed while writing).
  private static func removeFiles(in folder: String, except kept: Set<String>) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names
    where name != IndexManifest.fileName && !kept.contains(name)
      && (name.hasPrefix("segment-") || name.hasPrefix("weights-"))
    {
      try? FileManager.default.removeItem(atPath: path(folder, name))
    }
  }

  private static func newName(_ kind: String) -> String {
    "\(kind)-\(UUID().uuidString.prefix(13).lowercased())"
  }

  private static func path(_ folder: String, _ name: String) -> String {
    (folder as NSString).appendingPathComponent(name)
  }
}
