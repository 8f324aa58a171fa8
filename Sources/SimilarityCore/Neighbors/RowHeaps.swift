/// Bounded heaps of the best candidates for every row of a matrix, in flat arrays, with each
/// row's admission threshold (the worst score kept once the heap is full, −∞ before) apart, so
/// that most offers are turned away by one comparison.
struct RowHeaps {
  let rows: Int
  let capacity: Int
  /// Row `r`'s heap is `scores[r·capacity ..< r·capacity + counts[r]]` with `indices` alike; its
  /// root (position 0) ranks after every other entry.
  private var scores: [Float]
  private var indices: [Int32]
  private var counts: [Int32]
  private var thresholds: [Float]

  init(rows: Int, capacity: Int) {
    self.rows = rows
    self.capacity = capacity
    scores = Array(repeating: 0, count: rows * capacity)
    indices = Array(repeating: 0, count: rows * capacity)
    counts = Array(repeating: 0, count: rows)
    thresholds = Array(repeating: -.infinity, count: rows)
  }

  /// Runs `body` with direct access to the heaps.
  mutating func withPointers<T>(_ body: (Pointers) -> T) -> T {
    let capacity = capacity
    return scores.withUnsafeMutableBufferPointer { scores in
      indices.withUnsafeMutableBufferPointer { indices in
        counts.withUnsafeMutableBufferPointer { counts in
          thresholds.withUnsafeMutableBufferPointer { thresholds in
            body(
              Pointers(
                capacity: capacity, scores: scores, indices: indices, counts: counts,
                thresholds: thresholds))
          }
        }
      }
    }
  }

  /// Row `row`'s kept candidates, in no particular order.
  func candidates(of row: Int) -> [Neighbor] {
    (0..<Int(counts[row])).map {
      Neighbor(index: Int(indices[row * capacity + $0]), score: scores[row * capacity + $0])
    }
  }

  /// The heaps' storage, for the scoring loop.
  struct Pointers {
    let capacity: Int
    let scores: UnsafeMutableBufferPointer<Float>
    let indices: UnsafeMutableBufferPointer<Int32>
    let counts: UnsafeMutableBufferPointer<Int32>
    /// Each row's threshold: a score below it cannot enter that row's heap.
    let thresholds: UnsafeMutableBufferPointer<Float>

    /// Offers candidate `index` with `score` to the heap of `row`; NaN is never kept.
    @inline(__always)
    func offer(row: Int, index: Int, score: Float) {
      guard score >= thresholds[row] else { return }
      let base = row * capacity
      let count = Int(counts[row])
      if count < capacity {
        scores[base + count] = score
        indices[base + count] = Int32(index)
        counts[row] += 1
        siftUp(base: base, from: count)
        if count + 1 == capacity { thresholds[row] = scores[base] }
      } else if ranks(score, index, before: base) {
        scores[base] = score
        indices[base] = Int32(index)
        siftDown(base: base, count: count)
        thresholds[row] = scores[base]
      }
    }

    /// Whether (`score`, `index`) ranks before the entry at `position`: higher score, then lower
    /// index.
    @inline(__always)
    private func ranks(_ score: Float, _ index: Int, before position: Int) -> Bool {
      score > scores[position] || (score == scores[position] && index < Int(indices[position]))
    }

    private func ranks(_ a: Int, before b: Int) -> Bool {
      ranks(scores[a], Int(indices[a]), before: b)
    }

    private func swapAt(_ a: Int, _ b: Int) {
      scores.swapAt(a, b)
      indices.swapAt(a, b)
    }

    private func siftUp(base: Int, from start: Int) {
      var child = start
      while child > 0 {
        let parent = (child - 1) / 2
        guard ranks(base + parent, before: base + child) else { return }
        swapAt(base + parent, base + child)
        child = parent
      }
    }

    private func siftDown(base: Int, count: Int) {
      var parent = 0
      while true {
        var worst = parent
        let left = 2 * parent + 1
        let right = left + 1
        if left < count, ranks(base + worst, before: base + left) { worst = left }
        if right < count, ranks(base + worst, before: base + right) { worst = right }
        if worst == parent { return }
        swapAt(base + parent, base + worst)
        parent = worst
      }
    }
  }
}
