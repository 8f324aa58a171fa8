/// Scratch space for scoring a block of up to ``width`` queries against the union of their
/// candidates at once, for ``SparseVector/innerProducts(in:queries:candidates:dimension:)``.
///
/// The queries are spread into one dense array, a lane per query, so a candidate's entries are
/// read once for the whole block: queries given one after another share most of their
/// candidates (papers of one topic), and reading the candidates' vectors from memory is what
/// scoring them costs. Each lane adds its products in the candidate's index order, as
/// ``SparseVector/dot(_:)`` does, so every score is the same value a pair-by-pair product gives.
struct QueryBlock: ~Copyable {
  /// Queries scored together: one lane each.
  static let width = 8
  typealias Lanes = SIMD8<Float>

  /// The block's queries, spread over the compact feature numbers, a lane per query.
  private let dense: UnsafeMutablePointer<Lanes>
  /// Each vector's place in `union` while it is a candidate of the block, else -1.
  private let unionSlot: UnsafeMutablePointer<Int32>
  private var union: [Int] = []
  private var unionScores: [Lanes] = []

  /// Scratch for vectors numbered below `vectors` whose compact indices are below `features`.
  init(features: Int, vectors: Int) {
    dense = .allocate(capacity: features)
    dense.initialize(repeating: Lanes(), count: features)
    unionSlot = .allocate(capacity: vectors)
    unionSlot.initialize(repeating: -1, count: vectors)
  }

  deinit {
    dense.deallocate()
    unionSlot.deallocate()
  }

  /// The inner products of each query with each of its candidates, in order.
  ///
  /// - Precondition: At most ``width`` queries.
  mutating func scores(
    queries: ArraySlice<Int>, candidates: ArraySlice<[Int]>, indices: [[UInt32]],
    vectors: [SparseVector]
  ) -> [[Float]] {
    precondition(queries.count <= Self.width, "A block has at most \(Self.width) queries")
    let raw = UnsafeMutableRawPointer(dense)
    for (lane, query) in queries.enumerated() {
      for (index, value) in zip(indices[query], vectors[query].values) {
        raw.storeBytes(
          of: value, toByteOffset: Int(index) * MemoryLayout<Lanes>.stride + lane * 4,
          as: Float.self)
      }
    }
    union.removeAll(keepingCapacity: true)
    for list in candidates {
      for candidate in list where unionSlot[candidate] < 0 {
        unionSlot[candidate] = Int32(union.count)
        union.append(candidate)
      }
    }
    scoreUnion(indices: indices, vectors: vectors)
    let results = candidates.enumerated().map { lane, list in
      list.map { unionScores[Int(unionSlot[$0])][lane] }
    }
    for candidate in union { unionSlot[candidate] = -1 }
    for query in queries {
      for index in indices[query] { dense[Int(index)] = Lanes() }
    }
    return results
  }

  /// Every candidate's products with all lanes, four candidates at a time: four independent
  /// sums keep the processor busy while each addition waits for the one before.
  private mutating func scoreUnion(indices: [[UInt32]], vectors: [SparseVector]) {
    unionScores.removeAll(keepingCapacity: true)
    unionScores.append(contentsOf: repeatElement(Lanes(), count: union.count))
    let dense = UnsafePointer(dense)
    /// Adds the products of entries `range` of a candidate to `sum`.
    @inline(__always)
    func add(_ range: Range<Int>, _ index: [UInt32], _ value: [Float], to sum: inout Lanes) {
      for entry in range { sum += dense[Int(index[entry])] * Lanes(repeating: value[entry]) }
    }
    var next = 0
    while next + 4 <= union.count {
      let group = (union[next], union[next + 1], union[next + 2], union[next + 3])
      let (a, b, c, d) = (indices[group.0], indices[group.1], indices[group.2], indices[group.3])
      let (va, vb, vc, vd) = (
        vectors[group.0].values, vectors[group.1].values, vectors[group.2].values,
        vectors[group.3].values
      )
      var sums = (Lanes(), Lanes(), Lanes(), Lanes())
      let shared = min(a.count, b.count, c.count, d.count)
      for entry in 0..<shared {
        sums.0 += dense[Int(a[entry])] * Lanes(repeating: va[entry])
        sums.1 += dense[Int(b[entry])] * Lanes(repeating: vb[entry])
        sums.2 += dense[Int(c[entry])] * Lanes(repeating: vc[entry])
        sums.3 += dense[Int(d[entry])] * Lanes(repeating: vd[entry])
      }
      add(shared..<a.count, a, va, to: &sums.0)
      add(shared..<b.count, b, vb, to: &sums.1)
      add(shared..<c.count, c, vc, to: &sums.2)
      add(shared..<d.count, d, vd, to: &sums.3)
      (unionScores[next], unionScores[next + 1], unionScores[next + 2], unionScores[next + 3]) =
        sums
      next += 4
    }
    for position in next..<union.count {
      let candidate = union[position]
      add(
        0..<indices[candidate].count, indices[candidate], vectors[candidate].values,
        to: &unionScores[position])
    }
  }
}
