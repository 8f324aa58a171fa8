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
    storage.release(layout.postingStarts..<layout.postings)
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

  /// Every row's score for a query — its inner product with the row's vector, within the
  /// tolerance returned — reading only the lists of the query's features, and not even all of
  /// those (see ``plan(for:leavingOut:)``).
  ///
  /// - Parameters:
  ///   - query: A vector in the index's feature space (a unit vector from ``vectorizer`` gives
  ///     cosines).
  ///   - budget: How much the lists left out may change a score; 0 reads every list.
  ///   - parts: Row ranges scored in parallel; one per core by default.
  /// - Throws: `SearchIndexError.damaged` when a posting list the query reads is damaged.
  /// - Complexity: O(Σ over the lists read of their postings).
  func scores(of query: SparseVector, leavingOut budget: Float = 0, parts: Int? = nil)
    throws(SearchIndexError) -> ApproximateScores
  {
    let plan = try plan(for: query, leavingOut: budget)
    var values = [Float](repeating: 0, count: paperCount)
    try values.withUnsafeMutableBufferPointer { values throws(SearchIndexError) in
      try add(plan.read, into: values, parts: parts)
    }
    return ApproximateScores(values: values, plans: [plan])
  }

  /// A posting list a query reads: its feature, postings, what each posting's code is
  /// multiplied by (the query's value times the list's step), and the most it can add to a
  /// score or take from it (the query's value times the list's largest weight).
  struct QueryList {
    var feature: Int
    var postings: Range<Int>
    var factor: Float
    var bound: Float
  }

  /// The posting lists of a query: those to read and those left out, and how far scores may be
  /// from the exact inner products.
  struct QueryPlan {
    var read: [QueryList]
    /// The lists left out, those that can change a score least for the postings they hold first.
    var leftOut: [QueryList]
    /// The weights' coding error (``PostingCode``) in all the lists: how far the scores of
    /// every list may be from the exact ones.
    var codingTolerance: Float
    /// The most the lists left out could add to a score or take from it.
    var leftOutBound: Float { leftOut.reduce(0) { $0 + $1.bound } }

    /// Moves lists left out to the lists to read, the last left out first, until those left
    /// out could change a score by at most `budget`.
    ///
    /// - Returns: The lists moved.
    mutating func readMore(downTo budget: Float) -> [QueryList] {
      var moved: [QueryList] = []
      var bound = leftOutBound
      while bound > budget, let list = leftOut.popLast() {
        bound -= list.bound
        moved.append(list)
      }
      if leftOut.isEmpty { moved.reverse() }  // all of them: in the query's order again
      read += moved
      return moved
    }
  }

  /// Which lists a query reads: all, or all but those that can change a score least for the
  /// postings they hold, as long as together they can change none by more than `budget`.
  func plan(for query: SparseVector, leavingOut budget: Float) throws(SearchIndexError)
    -> QueryPlan
  {
    var lists: [QueryList] = []
    var tolerance: Float = 0
    for (feature, value) in zip(query.indices, query.values) {
      guard let postings = postings(of: Int(feature)) else { throw .damaged(path: location) }
      let largest = largestWeight(of: Int(feature))
      let step = PostingCode.step(forLargest: largest)
      guard !postings.isEmpty, step > 0 else { continue }  // nothing to add
      lists.append(
        QueryList(
          feature: Int(feature), postings: postings, factor: value * step,
          bound: abs(value) * largest))
      tolerance += abs(value) * step / 2
    }
    var plan = QueryPlan(read: lists, leftOut: [], codingTolerance: tolerance)
    guard budget > 0 else { return plan }
    // The most postings for the least change first.
    let order = lists.indices.sorted {
      let (left, right) = (Float(lists[$0].postings.count), Float(lists[$1].postings.count))
      let (leftBound, rightBound) = (lists[$0].bound, lists[$1].bound)
      return left * rightBound != right * leftBound
        ? left * rightBound > right * leftBound : $0 < $1
    }
    var leftOut: [Int] = []
    var change: Float = 0
    for position in order {
      guard change + lists[position].bound <= budget else { break }
      change += lists[position].bound
      leftOut.append(position)
    }
    let isLeftOut = Set(leftOut)
    plan.read = lists.indices.filter { !isLeftOut.contains($0) }.map { lists[$0] }
    plan.leftOut = leftOut.map { lists[$0] }
    return plan
  }

  /// Adds the lists' postings to the scores of their rows (`scores` has one per row), after
  /// checking each list's checksum. The rows are split between the cores.
  ///
  /// - Throws: `SearchIndexError.damaged` when a list is damaged; nothing is added then.
  func add(
    _ lists: [QueryList], into scores: UnsafeMutableBufferPointer<Float>, parts: Int? = nil
  ) throws(SearchIndexError) {
    guard !lists.isEmpty else { return }
    prefetch(lists)
    try check(lists)
    let rows = paperCount
    let parts = parts ?? (rows < 8192 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
    nonisolated(unsafe) let scores = scores
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      accumulate(lists, rows: (rows * part / parts)..<(rows * (part + 1) / parts), into: scores)
    }
  }

  /// Starts reading, all at once, the lists a query will read (see
  /// ``Storage/prefetch(_:sampleStride:)``).
  private func prefetch(_ lists: [QueryList]) {
    let start = layout.postings
    storage.prefetch(
      lists.map(\.postings).sorted { $0.lowerBound < $1.lowerBound }.map {
        (start + 4 * $0.lowerBound)..<(start + 4 * $0.upperBound)
      })
  }

  /// Adds every posting's weight times the query's value to `scores[row]`, for the postings
  /// whose row lies in `range`, list by list.
  private func accumulate(
    _ lists: [QueryList], rows range: Range<Int>, into scores: UnsafeMutableBufferPointer<Float>
  ) {
    let postings = UnsafeRawBufferPointer(rebasing: bytes[layout.postings...])
    let last = scores.count - 1
    for list in lists {
      let factor = list.factor
      let half = factor / 2  // a code stands for the middle of its step
      let start = firstPosting(atOrAfter: range.lowerBound, in: list.postings)
      let end = firstPosting(atOrAfter: range.upperBound, in: start..<list.postings.upperBound)
      for position in start..<end {
        let posting = postings.load(fromByteOffset: 4 * position, as: UInt32.self)
        // Within bounds even for a damaged list whose checksum happened to match.
        let row = min(PostingCode.row(posting), last)
        scores[row] += factor * Float(PostingCode.code(posting)) + half
      }
    }
  }

  /// The posting at a position of the postings.
  @inline(__always)
  func posting(at position: Int) -> UInt32 { load(UInt32.self, at: layout.postings + 4 * position) }

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
  /// - Throws: `SearchIndexError.damaged` when a list is not what was written.
  private func check(_ lists: [QueryList]) throws(SearchIndexError) {
    let intact = Parallel.mapChunks(of: lists.count, size: 64) { [self] chunk in
      [
        chunk.allSatisfy { position in
          let list = lists[position]
          return Self.listChecksum(list.postings, feature: list.feature, in: bytes, layout: layout)
            == load(UInt32.self, at: layout.listChecksums + 4 * list.feature)
        }
      ]
    }
    if intact.contains(false) { throw .damaged(path: location) }
  }

  /// The first position of a posting list whose row is at least `row` (the lists are sorted).
  private func firstPosting(atOrAfter row: Int, in positions: Range<Int>) -> Int {
    guard row > 0 else { return positions.lowerBound }
    guard row < paperCount else { return positions.upperBound }
    var low = positions.lowerBound
    var high = positions.upperBound
    while low < high {
      let middle = (low + high) / 2
      if PostingCode.row(posting(at: middle)) < row {
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
