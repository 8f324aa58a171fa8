/// Keeps the `k` best neighbours seen so far, in a binary heap whose root is the worst kept.
///
/// Offering a candidate worse than the root costs one comparison, so scanning a row of scores
/// is nearly as cheap as reading it.
struct TopKSelection {
  let capacity: Int
  private(set) var heap: [Neighbor] = []

  init(capacity: Int) {
    self.capacity = capacity
    heap.reserveCapacity(capacity)
  }

  /// Offers a candidate; NaN scores are never kept.
  @inline(__always)
  mutating func offer(_ index: Int, _ score: Float) {
    guard capacity > 0, !score.isNaN else { return }
    let candidate = Neighbor(index: index, score: score)
    if heap.count < capacity {
      heap.append(candidate)
      siftUp(heap.count - 1)
    } else if candidate.ranks(before: heap[0]) {
      heap[0] = candidate
      siftDown(0)
    }
  }

  /// The kept neighbours, best first.
  func sorted() -> [Neighbor] { heap.sorted { $0.ranks(before: $1) } }

  /// The heap is a min-heap under `ranks(before:)`: a parent ranks after its children.
  private mutating func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[parent].ranks(before: heap[child]) else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      var worst = parent
      let left = 2 * parent + 1
      let right = left + 1
      if left < heap.count, heap[worst].ranks(before: heap[left]) { worst = left }
      if right < heap.count, heap[worst].ranks(before: heap[right]) { worst = right }
      if worst == parent { return }
      heap.swapAt(parent, worst)
      parent = worst
    }
  }
}
