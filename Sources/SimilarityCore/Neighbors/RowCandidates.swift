/// The best candidates so far of every row of a matrix, kept by batch selection in flat arrays.
///
/// Each row has room for twice the candidates it keeps. An offer at or above the row's
/// threshold is appended; when the room is full, the best `capacity` are selected (quickselect)
/// and the others dropped, and the threshold rises to the worst one kept. An accepted offer
/// costs O(1) amortised, where a bounded heap pays O(log capacity) to sift, and most offers are
/// turned away by comparing with the threshold, kept apart from the candidates.
struct RowCandidates {
  let rows: Int
  /// How many candidates each row keeps.
  let capacity: Int
  /// How many candidates a row holds before its best `capacity` are selected.
  private let room: Int
  /// Row `r`'s candidates are `keys[r·room ..< r·room + counts[r]]`, in no particular order.
  private var keys: [UInt64]
  private var counts: [Int32]
  private var thresholds: [Float]

  /// Room for `capacity` candidates of each of `rows` rows; offers below `minimumScore` are
  /// never kept.
  init(rows: Int, capacity: Int, minimumScore: Float = -.infinity) {
    self.rows = rows
    self.capacity = capacity
    room = 2 * capacity
    keys = Array(repeating: 0, count: rows * room)
    counts = Array(repeating: 0, count: rows)
    thresholds = Array(repeating: minimumScore, count: rows)
  }

  /// Runs `body` with direct access to the candidates.
  mutating func withPointers<T>(_ body: (Pointers) -> T) -> T {
    let (capacity, room) = (capacity, room)
    return keys.withUnsafeMutableBufferPointer { keys in
      counts.withUnsafeMutableBufferPointer { counts in
        thresholds.withUnsafeMutableBufferPointer { thresholds in
          body(
            Pointers(
              capacity: capacity, room: room, keys: keys, counts: counts, thresholds: thresholds))
        }
      }
    }
  }

  /// Row `row`'s candidates as rank keys (see ``rankKey(score:index:)``), in no particular
  /// order; its best `capacity` are among them.
  func keys(of row: Int) -> ArraySlice<UInt64> {
    keys[(row * room)..<(row * room + Int(counts[row]))]
  }

  /// The best `capacity` of some rank keys, best first, as neighbours.
  static func best(_ capacity: Int, of keys: [UInt64]) -> [Neighbor] {
    var keys = keys
    let count = min(capacity, keys.count)
    keys.withUnsafeMutableBufferPointer { keys in
      if count < keys.count { selectSmallest(count, in: keys) }
      keys[..<count].sort()
    }
    return keys[..<count].map(neighbor)
  }

  /// Rearranges `keys` (distinct) so that its `k` smallest come first, the largest of them at
  /// `k − 1`: quickselect around the median of three, partitioning without a branch per key
  /// (which way a key goes is unpredictable; a swap with itself or with a larger key is
  /// harmless).
  static func selectSmallest(_ k: Int, in keys: UnsafeMutableBufferPointer<UInt64>) {
    let target = k - 1
    var low = 0
    var high = keys.count  // the target's position is in low..<high
    while high - low > 1 {
      let last = high - 1
      let middle = low + (high - low) / 2
      // The median of three, moved to the end.
      if keys[middle] < keys[low] { keys.swapAt(middle, low) }
      if keys[last] < keys[low] { keys.swapAt(last, low) }
      if keys[middle] < keys[last] { keys.swapAt(middle, last) }
      let pivot = keys[last]
      var store = low
      for index in low..<last {
        let key = keys[index]
        keys[index] = keys[store]
        keys[store] = key
        store += key < pivot ? 1 : 0
      }
      keys.swapAt(store, last)
      if target == store { return }
      if target < store { high = store } else { low = store + 1 }
    }
  }

  /// A key whose ascending order is ``Neighbor/ranks(before:)``: higher score first, then lower
  /// index. The score is mapped to bits that order like it, highest first; −0 counts as 0.
  ///
  /// - Precondition: `score` is not NaN and `index` fits 32 bits.
  @inline(__always)
  static func rankKey(score: Float, index: Int) -> UInt64 {
    let bits = (score + 0).bitPattern  // −0 + 0 is 0
    let ascending = bits & 0x8000_0000 == 0 ? bits | 0x8000_0000 : ~bits
    return UInt64(~ascending) << 32 | UInt64(UInt32(truncatingIfNeeded: index))
  }

  /// The neighbour a rank key stands for.
  static func neighbor(_ key: UInt64) -> Neighbor {
    Neighbor(index: Int(UInt32(truncatingIfNeeded: key)), score: score(key))
  }

  private static func score(_ key: UInt64) -> Float {
    let ascending = ~UInt32(truncatingIfNeeded: key >> 32)
    return Float(
      bitPattern: ascending & 0x8000_0000 != 0 ? ascending & 0x7FFF_FFFF : ~ascending)
  }

  /// The candidates' storage, for the scoring loop.
  struct Pointers {
    let capacity: Int
    let room: Int
    let keys: UnsafeMutableBufferPointer<UInt64>
    let counts: UnsafeMutableBufferPointer<Int32>
    /// Each row's threshold: a score below it cannot be among the row's best.
    let thresholds: UnsafeMutableBufferPointer<Float>

    /// Offers candidate `index` with `score` to row `row`; NaN is never kept.
    @inline(__always)
    func offer(row: Int, index: Int, score: Float) {
      guard score >= thresholds[row] else { return }
      let base = row * room
      let count = Int(counts[row])
      keys[base + count] = rankKey(score: score, index: index)
      if count + 1 < room {
        counts[row] = Int32(count + 1)
      } else {
        keepBest(row: row, base: base)
      }
    }

    /// Keeps a full row's best `capacity` candidates and raises its threshold to the worst.
    private func keepBest(row: Int, base: Int) {
      let keys = UnsafeMutableBufferPointer(rebasing: keys[base..<(base + room)])
      RowCandidates.selectSmallest(capacity, in: keys)
      counts[row] = Int32(capacity)
      thresholds[row] = RowCandidates.score(keys[capacity - 1])
    }
  }
}
