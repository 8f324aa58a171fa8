/// Adds up signed feature counts by sorting them: each feature is appended as its bucket and
/// sign, and draining sorts the document's features and sums each bucket's run. A document's
/// features fit in cache, unlike a dense array over the whole feature space, so this costs a
/// few passes over them and no cache miss per feature. Scratch space for one thread.
struct TermCounter: ~Copyable {
  /// `bucket << 1 | 1` for a negative sign, `bucket << 1` for a positive one.
  private var keys: UnsafeMutablePointer<UInt32>
  private var sorted: UnsafeMutablePointer<UInt32>
  private var count = 0
  private var capacity = 4096
  private let digitStarts: UnsafeMutablePointer<Int>
  /// The two digits keys are sorted by: the low `lowBits` bits and the `highBits` above them.
  private let lowBits: UInt32
  private let highBits: UInt32

  /// Scratch for a feature space of `size` buckets (at most 2³¹).
  init(size: Int) {
    let keyBits = (size - 1).bitWidth - (size - 1).leadingZeroBitCount + 1
    lowBits = UInt32(keyBits / 2)
    highBits = UInt32(keyBits) - lowBits
    // One more than `capacity`: room for the key that ends the last run while draining.
    keys = .allocate(capacity: capacity + 1)
    sorted = .allocate(capacity: capacity + 1)
    digitStarts = .allocate(capacity: 1 << lowBits + 1 << highBits)
  }

  deinit {
    keys.deallocate()
    sorted.deallocate()
    digitStarts.deallocate()
  }

  /// The key a feature is counted under: its bucket, and its sign in the lowest bit.
  @inline(__always)
  static func key(_ bucket: HashedBucket) -> UInt32 {
    bucket.index << 1 | (bucket.sign < 0 ? 1 : 0)
  }

  /// Counts the features whose keys (see ``key(_:)``) `body` writes into the memory it is
  /// given, which has room for `limit` keys; `body` returns how many it wrote. Writing through
  /// a pointer keeps the hashing loop free of capacity checks.
  @inline(__always)
  mutating func add(atMost limit: Int, _ body: (UnsafeMutablePointer<UInt32>) -> Int) {
    if count + limit > capacity { grow(toHold: count + limit) }
    let added = body(keys + count)
    precondition(added <= limit, "More features than promised")
    count += added
  }

  private mutating func grow(toHold needed: Int) {
    while capacity < needed { capacity *= 2 }
    let larger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity + 1)
    larger.update(from: keys, count: count)
    keys.deallocate()
    keys = larger
    sorted.deallocate()
    sorted = .allocate(capacity: capacity + 1)
  }

  /// The counts added since the last drain, as a sparse vector without zeros; resets.
  mutating func drain() -> SparseVector {
    sortKeys()
    // Sums each bucket's run at the front of `keys` (buckets) and `sorted` (totals), without a
    // branch per key: every key writes its run's total so far, and the run's last key moves
    // the write position on unless the total is zero.
    let count = count
    let keys = keys
    let sorted = sorted
    var distinct = 0
    var total: Int32 = 0
    if count > 0 { sorted[count] = ~sorted[count - 1] }  // another bucket ends the last run
    for position in 0..<count {
      let key = sorted[position]
      let bucket = key >> 1
      total += 1 - Int32(bitPattern: key & 1) << 1
      keys[distinct] = bucket
      sorted[distinct] = UInt32(bitPattern: total)
      // Masks, not conditions: whether a run ends here is a coin toss that a branch would
      // mispredict.
      let continues: Int32 = sorted[position + 1] >> 1 == bucket ? -1 : 0  // all ones or none
      let counted: Int32 = total != 0 ? 1 : 0
      distinct += Int(counted & ~continues)
      total &= continues
    }
    self.count = 0
    // Arrays of exactly the right size: vectors are kept, so spare capacity would be memory.
    return SparseVector(
      indices: Array(UnsafeBufferPointer(start: keys, count: distinct)),
      values: Array(unsafeUninitializedCapacity: distinct) { values, initialized in
        for index in 0..<distinct { values[index] = Float(Int32(bitPattern: sorted[index])) }
        initialized = distinct
      })
  }

  /// Sorts the keys into `sorted` with a least-significant-digit radix sort of two passes
  /// (both digits counted in one read): linear in their number, which beats comparison sorts
  /// for these sizes.
  private mutating func sortKeys() {
    let lowDigits = 1 << lowBits
    let highDigits = 1 << highBits
    let lowMask = UInt32(lowDigits - 1)
    let low = digitStarts
    let high = digitStarts + lowDigits
    low.initialize(repeating: 0, count: lowDigits + highDigits)
    for index in 0..<count {
      let key = keys[index]
      low[Int(key & lowMask)] += 1
      high[Int(key >> lowBits)] += 1
    }
    Self.exclusivePrefixSums(low, count: lowDigits)
    Self.exclusivePrefixSums(high, count: highDigits)
    for index in 0..<count {
      let key = keys[index]
      let digit = Int(key & lowMask)
      sorted[low[digit]] = key
      low[digit] += 1
    }
    for index in 0..<count {
      let key = sorted[index]
      let digit = Int(key >> lowBits)
      keys[high[digit]] = key
      high[digit] += 1
    }
    swap(&keys, &sorted)
  }

  private static func exclusivePrefixSums(_ counts: UnsafeMutablePointer<Int>, count: Int) {
    var total = 0
    for digit in 0..<count {
      let value = counts[digit]
      counts[digit] = total
      total += value
    }
  }
}
