import Foundation
import NGramVectorizer
import PaperCorpus

/// A library's search index: segments (each a ``SearchIndex`` of some papers), read together as
/// one index over all their rows, so that adding papers writes a small segment and leaves the
/// others alone. One of ``Recommender``'s engines.
///
/// Document frequencies change as papers arrive, so each segment keeps the weights its vectors
/// were made with, and the index keeps the current ones (``vectorizer``, from every segment's
/// document frequencies). A query is made with the current weights; in each segment, feature
/// *f*'s part of a score is scaled by `current(f) / segment(f)`, so a paper's score is its
/// saturated term frequencies times the current weights, over its length when it was indexed.
/// The scale is exactly 1 in a segment made with the current weights — a full build, or the
/// newest segment — whose scores are then exactly those a from-scratch build gives.
/// Papers whose text changed are deleted from their old segment (their rows no longer count as
/// papers, though their features still count in document frequencies until the segment is
/// merged) and indexed again in a new one.
///
/// Rows are numbered across segments, in segment order: segment *s*'s row *r* is
/// `offsets[s] + r`. Ties in score rank the lower row first.
final class SegmentedIndex: @unchecked Sendable {
  /// The segments, oldest first.
  let segments: [SearchIndex]
  /// The first row of each segment.
  let offsets: [Int]
  /// Whether each row's paper was deleted (its text changed); empty when none was.
  let deleted: [Bool]
  /// The current weights: the vectorizer queries are made with.
  let vectorizer: NGramVectorizer
  /// Where the index came from, for messages: its folder, or `(memory)`.
  let location: String

  /// The number of rows, deleted ones included.
  var rowCount: Int { (offsets.last ?? 0) + (segments.last?.paperCount ?? 0) }
  /// The number of papers (rows not deleted).
  let paperCount: Int

  /// An index of segments.
  ///
  /// - Parameters:
  ///   - segments: The segments, oldest first.
  ///   - deletedRows: Each segment's deleted rows.
  ///   - weights: The current inverse document frequencies, one per bucket.
  ///   - location: Where the index lives, for messages.
  init(
    segments: [SearchIndex], deletedRows: [[Int]], weights: [Float], location: String
  ) {
    self.segments = segments
    var offsets: [Int] = []
    var total = 0
    for segment in segments {
      offsets.append(total)
      total += segment.paperCount
    }
    self.offsets = offsets
    var deleted: [Bool] = []
    var deletedCount = 0
    for (segment, rows) in zip(offsets.indices, deletedRows) where !rows.isEmpty {
      if deleted.isEmpty { deleted = [Bool](repeating: false, count: total) }
      for row in Set(rows) where row >= 0 && row < segments[segment].paperCount {
        deleted[offsets[segment] + row] = true
        deletedCount += 1
      }
    }
    self.deleted = deleted
    paperCount = total - deletedCount
    let configuration = segments.first?.metadata.configuration ?? .standard
    vectorizer = NGramVectorizer(
      configuration: configuration, documentCount: total, inverseDocumentFrequency: weights)
    self.location = location
  }

  /// One segment, made with the current weights: an index built from scratch.
  convenience init(_ segment: SearchIndex) {
    self.init(
      segments: [segment], deletedRows: [[]],
      weights: segment.vectorizer.inverseDocumentFrequency, location: segment.location)
  }

  /// Whether scores may differ from a from-scratch build's: some segment was made with older
  /// weights, or rows were deleted. Its scores may then be off by ``approximation`` more than
  /// the weights' coding allows (the policy in ``MergePolicy`` keeps them so).
  var isApproximate: Bool { segments.count > 1 || !deleted.isEmpty }

  /// How far a segment's score may be from the exact one for its older weights (0.005
  /// measured on 10,000 papers grown by a tenth, 0.004 on the real papers grown day by day).
  static let approximation: Float = 0.03
  /// How much the posting lists a query leaves out may change a score at first (see
  /// ``SearchIndex/plan(for:leavingOut:)``): on a million generated papers, 92% of a paper's
  /// postings, with about 200 papers to score exactly.
  static let pruningBudget: Float = 0.2
  /// How many papers beyond k are scored exactly first.
  static let rescoringDepth = 100
  /// How many papers are scored exactly at most, when more could beat the k-th.
  static let rescoringLimit = 500

  /// Whether a row holds a paper (it was not deleted).
  func isLive(_ row: Int) -> Bool { deleted.isEmpty || !deleted[row] }

  /// The row of a paper, or `nil` when the index has no such paper.
  func row(of id: ArxivID) -> Int? {
    for segment in segments.indices.reversed() {
      if let row = segments[segment].row(of: id), isLive(offsets[segment] + row) {
        return offsets[segment] + row
      }
    }
    return nil
  }

  /// The arXiv id of a row.
  func id(ofRow row: Int) -> ArxivID? {
    guard let segment = offsets.lastIndex(where: { $0 <= row }) else { return nil }
    return segments[segment].id(ofRow: row - offsets[segment])
  }

  /// The current weights' vector of a text.
  func vector(for text: String) -> SparseVector { vectorizer.vector(for: text) }

  /// Every row's score for a query made with ``vectorizer``: its cosine with the row's paper
  /// as indexed (see the type's discussion), within the tolerance given; 0 for deleted rows.
  ///
  /// - Parameters:
  ///   - query: The query's vector.
  ///   - budget: How much the lists left out may change a score (see
  ///     ``SearchIndex/plan(for:leavingOut:)``); 0 reads every list.
  /// - Throws: `SearchIndexError.damaged` when a posting list the query reads is damaged.
  func scores(of query: SparseVector, leavingOut budget: Float = 0) throws(SearchIndexError)
    -> ApproximateScores
  {
    var plans: [SearchIndex.QueryPlan] = []
    for segment in segments {
      plans.append(try segment.plan(for: scaled(query, for: segment), leavingOut: budget))
    }
    var scores = ApproximateScores(
      values: [Float](repeating: 0, count: rowCount), plans: plans,
      approximation: isApproximate ? Self.approximation : 0)
    try add(plans.map(\.read), to: &scores)
    return scores
  }

  /// Reads more of the lists a query left out: in each segment, the last left out first, until
  /// those still left out could change a score by at most `budget` (0: all of them).
  ///
  /// - Throws: `SearchIndexError.damaged` when a posting list is damaged.
  func readMore(of scores: inout ApproximateScores, downTo budget: Float) throws(SearchIndexError) {
    var lists: [[SearchIndex.QueryList]] = []
    for segment in scores.plans.indices {
      lists.append(scores.plans[segment].readMore(downTo: budget))
    }
    try add(lists, to: &scores)
  }

  /// Adds each segment's lists to the scores of its rows, and keeps deleted rows at 0.
  private func add(_ lists: [[SearchIndex.QueryList]], to scores: inout ApproximateScores)
    throws(SearchIndexError)
  {
    try scores.values.withUnsafeMutableBufferPointer { values throws(SearchIndexError) in
      for (segment, index) in segments.enumerated() {
        let rows = offsets[segment]..<(offsets[segment] + index.paperCount)
        try index.add(lists[segment], into: UnsafeMutableBufferPointer(rebasing: values[rows]))
      }
    }
    for row in deleted.indices where deleted[row] { scores.values[row] = 0 }
  }

  /// The query as one segment scores it: each feature's value times the current weight over
  /// the segment's (unchanged where they are equal; left out where the segment gave the
  /// feature no weight).
  private func scaled(_ query: SparseVector, for segment: SearchIndex) -> SparseVector {
    let current = vectorizer.inverseDocumentFrequency
    var scaled = SparseVector()
    for (feature, value) in zip(query.indices, query.values) {
      let then = segment.weight(of: Int(feature))
      let now = current[Int(feature)]
      guard then > 0 else { continue }
      scaled.indices.append(feature)
      scaled.values.append(now == then ? value : value * (now / then))
    }
    return scaled
  }
}
