import Foundation
import NGramVectorizer
import PaperCorpus
import Parallel

extension SearchIndex {
  /// The row of a paper, found by binary search over the sorted ids.
  ///
  /// - Parameter id: An arXiv id.
  /// - Returns: Its row, or `nil` when the index has no such paper.
  func row(of id: ArxivID) -> Int? {
    let wanted = Array(id.rawValue.utf8)
    var low = 0
    var high = paperCount
    while low < high {
      let middle = (low + high) / 2
      let row = Int(load(UInt32.self, at: layout.idOrder + 4 * middle))
      guard let candidate = idBytes(ofRow: row) else { return nil }
      if candidate.elementsEqual(wanted) { return row }
      if candidate.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// Adds every feature's document frequency among the index's papers (the length of its
  /// list, which holds every paper that has the feature, weighted or not) — or takes them away,
  /// for `sign` −1 — then lets the pages of the posting starts go.
  func addDocumentFrequencies(to frequencies: inout [Int32], sign: Int32 = 1) {
    for feature in 0..<min(frequencies.count, layout.featureSpace) {
      frequencies[feature] += sign * Int32(postings(of: feature)?.count ?? 0)
    }
    storage.release(layout.postingStarts..<layout.postingRows)
  }

  /// The arXiv id of a row.
  ///
  /// - Parameter row: A row, `0..<paperCount`.
  /// - Returns: The id, or `nil` when the stored bytes are not one (a damaged file).
  func id(ofRow row: Int) -> ArxivID? {
    idBytes(ofRow: row).flatMap { ArxivID(String(decoding: $0, as: UTF8.self)) }
  }

  func idBytes(ofRow row: Int) -> UnsafeRawBufferPointer.SubSequence? {
    guard row >= 0, row < paperCount else { return nil }
    let start = Int(load(UInt32.self, at: layout.idOffsets + 4 * row))
    let end = Int(load(UInt32.self, at: layout.idOffsets + 4 * (row + 1)))
    guard start <= end, end <= layout.idByteCount else { return nil }
    return bytes[(layout.idBytes + start)..<(layout.idBytes + end)]
  }

  /// The inner product of a vector with every paper's vector: their cosines, for a unit vector
  /// from ``vectorizer``. Only the query's features' postings are read; the rows are split
  /// between the cores.
  ///
  /// - Parameter query: A vector in the index's feature space.
  /// - Returns: One score per row.
  /// - Throws: `SearchIndexError.damaged` when a posting list the query reads is damaged.
  /// - Complexity: O(Σ over the query's features of the papers having them).
  func scores(of query: SparseVector) throws(SearchIndexError) -> [Float] {
    try scores(
      of: query, parts: paperCount < 8192 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
  }

  /// ``scores(of:)`` with the rows split into `parts` ranges, one per task.
  func scores(of query: SparseVector, parts: Int) throws(SearchIndexError) -> [Float] {
    prefetchPostings(of: query)
    try checkLists(of: query)
    let rows = paperCount
    var scores = [Float](repeating: 0, count: rows)
    var damaged = [Bool](repeating: false, count: parts)
    scores.withUnsafeMutableBufferPointer { scores in
      damaged.withUnsafeMutableBufferPointer { damaged in
        nonisolated(unsafe) let scores = scores
        nonisolated(unsafe) let damaged = damaged
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          damaged[part] = !accumulate(
            query, rows: (rows * part / parts)..<(rows * (part + 1) / parts), into: scores)
        }
      }
    }
    if damaged.contains(true) { throw .damaged(path: location) }
    return scores
  }

  /// Starts reading, all at once, the parts of the index a query will read: first where its
  /// features' posting lists start, then the lists (see ``Storage/prefetch(_:sampleStride:)``).
  private func prefetchPostings(of query: SparseVector) {
    let layout = layout
    let features = query.indices.map(Int.init).filter { $0 < layout.featureSpace }
    storage.prefetch(
      features.map { (layout.postingStarts + 8 * $0)..<(layout.postingStarts + 8 * ($0 + 2)) })
    let lists = features.compactMap { postings(of: $0) }
    for array in [layout.postingRows, layout.postingWeights] {  // 4-byte entries both
      storage.prefetch(lists.map { (array + 4 * $0.lowerBound)..<(array + 4 * $0.upperBound) })
    }
  }

  /// Adds `query[f] × weight` to `scores[row]` for every posting of the query's features whose
  /// row lies in `range`, feature by feature (so each row's sum is formed in the same order as
  /// ``SparseVector``'s inner products).
  ///
  /// - Returns: `false` when a posting list is out of bounds.
  private func accumulate(
    _ query: SparseVector, rows range: Range<Int>, into scores: UnsafeMutableBufferPointer<Float>
  ) -> Bool {
    for (feature, value) in zip(query.indices, query.values) {
      guard let postings = postings(of: Int(feature)) else { return false }
      let end = postings.upperBound
      var position = firstPosting(atOrAfter: range.lowerBound, in: postings)
      while position < end {
        let row = Int(load(UInt32.self, at: layout.postingRows + 4 * position))
        if row >= range.upperBound { break }
        if row >= range.lowerBound {
          scores[row] += value * load(Float.self, at: layout.postingWeights + 4 * position)
        }
        position += 1
      }
    }
    return true
  }

  /// The positions of a feature's postings, or `nil` when the feature or its list lies outside
  /// the index (a damaged file). Inlined: it runs once per query feature inside the scoring
  /// loop, where a call is a measurable share of a query.
  @inline(__always)
  func postings(of feature: Int) -> Range<Int>? {
    Self.postings(of: feature, in: bytes, layout: layout)
  }

  /// Checks the checksum of every posting list a query reads, on all cores, before any is
  /// used: the lists are read from memory once here, and are in the cache for scoring.
  ///
  /// - Throws: `SearchIndexError.damaged` when a list or its bounds are not what was written.
  private func checkLists(of query: SparseVector) throws(SearchIndexError) {
    let features = query.indices
    let intact = Parallel.mapChunks(of: features.count, size: 64) { [self] chunk in
      [
        chunk.allSatisfy { position in
          let feature = Int(features[position])
          guard let list = postings(of: feature) else { return false }
          return Self.listChecksum(list, feature: feature, in: bytes, layout: layout)
            == load(UInt32.self, at: layout.listChecksums + 4 * feature)
        }
      ]
    }
    if intact.contains(false) { throw .damaged(path: location) }
  }

  /// The first position of a posting list whose row is at least `row` (the lists are sorted).
  private func firstPosting(atOrAfter row: Int, in positions: Range<Int>) -> Int {
    guard row > 0 else { return positions.lowerBound }
    var low = positions.lowerBound
    var high = positions.upperBound
    while low < high {
      let middle = (low + high) / 2
      if Int(load(UInt32.self, at: layout.postingRows + 4 * middle)) < row {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// A value at a byte offset of the index (every array is aligned for its type).
  @inline(__always)
  private func load<T>(_ type: T.Type, at offset: Int) -> T {
    bytes.load(fromByteOffset: offset, as: type)
  }
}
