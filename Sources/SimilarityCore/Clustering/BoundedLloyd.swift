import Dispatch

/// Lloyd iterations of spherical k-means that skip the rows whose cluster cannot change.
///
/// Each row keeps a lower bound on its similarity to its own centre, an upper bound on its
/// similarity to each other centre (Elkan's bounds, for the cosine of unit rows) and one upper
/// bound on them all (Hamerly's, checked first). When a centre moves by `δ` (Euclidean), a unit
/// row's similarity to it changes by at most `δ` (Cauchy–Schwarz), so the bounds loosen by the
/// shifts; while the lower bound still beats the upper ones, the row stays where it is and is
/// not scored. Bounds are stored relative to each centre's total shift so far, so loosening
/// writes nothing per row. The rows that may move are scored against all centres with
/// `cblas_sgemm`, a tile at a time on all cores; centres are kept as running sums that only the
/// moved rows change. The result is Lloyd's, at a fraction of the similarity computations once
/// the centres settle.
///
/// Run it with BLAS at one thread (`BLASSettings.withSingleThreadedBLAS`): it runs its own.
struct BoundedLloyd {
  /// The rows that are clustered.
  private let data: Matrix
  /// The current centres, unit rows.
  private(set) var centres: Matrix
  /// Each row's cluster, or -1 before the first assignment.
  private(set) var assignments: [Int]
  /// The bounds, stored relative to the drifts: the lower bound on a row's similarity to its own
  /// centre `c` is `own − drift[c]`, the upper bound on its similarity to another centre `j` is
  /// `upper[j] + drift[j]` (`rows × k` of them, −∞ at `c`), and on all of them
  /// `rival + drift[k]`.
  private var bounds: Bounds
  /// Each centre's total shift so far, then (at `k`) the total of the largest shifts.
  private var drift: [Float]
  /// The sum of each cluster's rows, `k × columns`.
  private var sums: [Float]
  private var sizes: [Int]

  /// Rows scored per `cblas_sgemm`: a tile (1 MiB of rows at 256 columns) stays in cache.
  static let tileRows = 1024
  /// Moved rows summed per task; fixed, so that the sums do not depend on the core count.
  private static let movesPerTask = 8192
  /// How much the bounds must separate before a row is skipped: covers the rounding of sgemm
  /// scores and of the running sums.
  private static let margin: Float = 1e-5

  init(data: Matrix, centres: Matrix) {
    self.data = data
    self.centres = centres
    assignments = Array(repeating: -1, count: data.rows)
    bounds = Bounds(rows: data.rows, centres: centres.rows)
    drift = Array(repeating: 0, count: centres.rows + 1)
    sums = Array(repeating: 0, count: centres.rows * data.columns)
    sizes = Array(repeating: 0, count: centres.rows)
  }

  /// Iterates until no row moves or `maximumIterations` have run.
  mutating func run(maximumIterations: Int) {
    var pending = Array(0..<data.rows)
    for _ in 0..<maximumIterations {
      let nearest = score(pending)
      guard move(pending, to: nearest) else { break }
      pending = loosenBounds(by: moveCentres())
    }
  }

  /// The sum over rows of the similarity to their own centre (higher is better): by linearity,
  /// each centre's inner product with its cluster's sum.
  func objective() -> Float {
    zip(centres.elements, sums).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// Scores the given rows against every centre and sets their bounds to the exact scores.
  ///
  /// - Parameter pending: Row indices in increasing order.
  /// - Returns: Each pending row's most similar centre (the lowest index among equals).
  private mutating func score(_ pending: [Int]) -> [Int] {
    var nearest = [Int](repeating: 0, count: pending.count)
    let tiles = Self.tiles(of: pending)
    let workers = min(tiles.count, max(1, BLASSettings.processorCount))
    let (data, centres, drift) = (data, centres, drift)
    bounds.withPointers { bounds in
      nearest.withUnsafeMutableBufferPointer { nearest in
        nonisolated(unsafe) let (bounds, nearest) = (bounds, nearest)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          let scorer = TileScorer(data: data, centres: centres, drift: drift)
          for tile in stride(from: worker, to: tiles.count, by: workers) {
            scorer.score(pending, tiles[tile], bounds: bounds, nearest: nearest)
          }
        }
      }
    }
    return nearest
  }

  /// Splits the pending rows into runs that each lie within `tileRows` consecutive rows.
  private static func tiles(of pending: [Int]) -> [Range<Int>] {
    var tiles: [Range<Int>] = []
    var start = 0
    while start < pending.count {
      var end = start
      while end < pending.count, pending[end] < pending[start] + tileRows { end += 1 }
      tiles.append(start..<end)
      start = end
    }
    return tiles
  }

  /// Moves the rows whose nearest centre changed, updating the running sums: each task of
  /// `movesPerTask` rows sums its changes apart, and the changes are added in task order.
  ///
  /// - Returns: Whether any row moved.
  private mutating func move(_ pending: [Int], to nearest: [Int]) -> Bool {
    let moves = pending.indices.filter { assignments[pending[$0]] != nearest[$0] }
    guard !moves.isEmpty else { return false }
    let (k, columns) = (centres.rows, data.columns)
    let tasks = (moves.count + Self.movesPerTask - 1) / Self.movesPerTask
    var changes = [Float](repeating: 0, count: tasks * k * columns)
    let (data, before) = (data, assignments)
    data.elements.withUnsafeBufferPointer { rows in
      changes.withUnsafeMutableBufferPointer { changes in
        nonisolated(unsafe) let (rows, changes) = (rows, changes)
        DispatchQueue.concurrentPerform(iterations: tasks) { task in
          let first = task * Self.movesPerTask
          for position in moves[first..<min(moves.count, first + Self.movesPerTask)] {
            let row = pending[position] * columns
            let previous = before[pending[position]]
            if previous >= 0 {
              let from = (task * k + previous) * columns
              for column in 0..<columns { changes[from + column] -= rows[row + column] }
            }
            let to = (task * k + nearest[position]) * columns
            for column in 0..<columns { changes[to + column] += rows[row + column] }
          }
        }
      }
    }
    for task in 0..<tasks {
      for element in 0..<(k * columns) { sums[element] += changes[task * k * columns + element] }
    }
    for position in moves {
      let index = pending[position]
      if assignments[index] >= 0 { sizes[assignments[index]] -= 1 }
      sizes[nearest[position]] += 1
      assignments[index] = nearest[position]
    }
    return true
  }

  /// Sets each centre to its members' normalised mean; an emptied cluster restarts at the row
  /// with the lowest bound on its own similarity (the loosened bounds then re-score it).
  ///
  /// - Returns: How far each centre moved (Euclidean).
  private mutating func moveCentres() -> [Float] {
    let columns = data.columns
    var shifts = [Float](repeating: 0, count: centres.rows)
    var taken: Set<Int> = []
    for cluster in 0..<centres.rows {
      let base = cluster * columns
      var next = Array(sums[base..<(base + columns)])
      if sizes[cluster] == 0 {
        let outlier =
          (0..<data.rows).filter { !taken.contains($0) }
          .min { ownBound($0) < ownBound($1) || (ownBound($0) == ownBound($1) && $0 < $1) } ?? 0
        taken.insert(outlier)
        next = Array(data.row(outlier))
      }
      let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { continue }
      var shift: Float = 0
      for column in 0..<columns {
        let value = next[column] / norm
        let change = value - centres.elements[base + column]
        shift += change * change
        centres.elements[base + column] = value
      }
      shifts[cluster] = shift.squareRoot()
    }
    return shifts
  }

  /// A row's current lower bound on its similarity to its own centre.
  private func ownBound(_ index: Int) -> Float {
    bounds.own[index] - drift[assignments[index]]
  }

  /// Adds the centre shifts to the drifts, which loosens every bound at once.
  ///
  /// - Returns: The rows whose bounds no longer separate, which must be scored again.
  private mutating func loosenBounds(by shifts: [Float]) -> [Int] {
    let k = centres.rows
    for (cluster, shift) in shifts.enumerated() { drift[cluster] += shift }
    drift[k] += shifts.max() ?? 0
    var pending: [Int] = []
    let total = drift[k]
    bounds.withPointers { bounds in
      assignments.withUnsafeBufferPointer { assignments in
        drift.withUnsafeBufferPointer { drift in
          for index in 0..<assignments.count {
            let own = bounds.own[index] - drift[assignments[index]]
            guard own <= bounds.rival[index] + total + Self.margin else { continue }
            var rival = -Float.infinity
            for candidate in 0..<k {
              let bound = bounds.upper[index * k + candidate] + drift[candidate]
              rival = bound > rival ? bound : rival
            }
            bounds.rival[index] = rival - total
            if own <= rival + Self.margin { pending.append(index) }
          }
        }
      }
    }
    return pending
  }
}

/// Each row's bounds, as `BoundedLloyd.drift` describes them.
private struct Bounds {
  var own: [Float]
  var upper: [Float]
  var rival: [Float]

  init(rows: Int, centres: Int) {
    own = Array(repeating: -.infinity, count: rows)
    upper = Array(repeating: .infinity, count: rows * centres)
    rival = Array(repeating: .infinity, count: rows)
  }

  /// The three arrays' storage, for writing from several threads at disjoint rows.
  struct Pointers {
    let own: UnsafeMutableBufferPointer<Float>
    let upper: UnsafeMutableBufferPointer<Float>
    let rival: UnsafeMutableBufferPointer<Float>
  }

  mutating func withPointers<T>(_ body: (Pointers) -> T) -> T {
    own.withUnsafeMutableBufferPointer { own in
      upper.withUnsafeMutableBufferPointer { upper in
        rival.withUnsafeMutableBufferPointer { rival in
          body(Pointers(own: own, upper: upper, rival: rival))
        }
      }
    }
  }
}

/// One worker's buffers for scoring tiles of rows against the centres.
private final class TileScorer {
  let data: Matrix
  let centres: Matrix
  let drift: [Float]
  private var scores: [Float]
  private var gathered: [Float] = []
  /// Per row of the tile: its column in `scores`, its best and second-best score so far, and
  /// the centre of the best.
  private let column: UnsafeMutablePointer<Int>
  private let best: UnsafeMutablePointer<Float>
  private let rival: UnsafeMutablePointer<Float>
  private let nearestCentre: UnsafeMutablePointer<Int>

  init(data: Matrix, centres: Matrix, drift: [Float]) {
    self.data = data
    self.centres = centres
    self.drift = drift
    scores = Array(repeating: 0, count: BoundedLloyd.tileRows * centres.rows)
    column = .allocate(capacity: BoundedLloyd.tileRows)
    best = .allocate(capacity: BoundedLloyd.tileRows)
    rival = .allocate(capacity: BoundedLloyd.tileRows)
    nearestCentre = .allocate(capacity: BoundedLloyd.tileRows)
  }

  deinit {
    column.deallocate()
    best.deallocate()
    rival.deallocate()
    nearestCentre.deallocate()
  }

  /// Scores the rows `pending[tile]` (a tile that is mostly pending in place, a sparse one
  /// gathered first), sets their bounds, and writes each one's most similar centre (the lowest
  /// index among equals) at its position in `nearest`.
  ///
  /// The scores are computed as `centres × rowsᵀ`, `k` × tile, which OpenBLAS runs faster than
  /// the tall, narrow `rows × centresᵀ`.
  func score(
    _ pending: [Int], _ tile: Range<Int>, bounds: Bounds.Pointers,
    nearest: UnsafeMutableBufferPointer<Int>
  ) {
    let k = centres.rows
    let columns = data.columns
    let first = pending[tile.lowerBound]
    let span = pending[tile.upperBound - 1] - first + 1
    let inPlace = 2 * tile.count >= span
    if inPlace {
      LinearAlgebra.multiply(
        centres.elements, offset: 0, rows: k, inner: columns, transposed: false,
        leadingDimension: columns, by: data.elements, offset: first * columns, columns: span,
        transposed: true, leadingDimension: columns, into: &scores)
    } else {
      gather(pending[tile])
      LinearAlgebra.multiply(
        centres.elements, rows: k, inner: columns, transposed: false, leadingDimension: columns,
        by: gathered, columns: tile.count, transposed: true, leadingDimension: columns,
        into: &scores)
    }
    let width = inPlace ? span : tile.count
    let count = tile.count
    pending.withUnsafeBufferPointer { pending in
      drift.withUnsafeBufferPointer { drift in
        scores.withUnsafeBufferPointer { scores in
          let rows = UnsafeBufferPointer(rebasing: pending[tile])
          let upper = bounds.upper
          for position in 0..<count {
            column[position] = inPlace ? rows[position] - first : position
            best[position] = -.infinity
            rival[position] = -.infinity
            nearestCentre[position] = 0
          }
          // Centre by centre, so that each pass reads one row of scores in order.
          for centre in 0..<k {
            for position in 0..<count {
              let score = scores[centre * width + column[position]]
              upper[rows[position] * k + centre] = score - drift[centre]
              if score > best[position] {
                rival[position] = best[position]
                best[position] = score
                nearestCentre[position] = centre
              } else if score > rival[position] {
                rival[position] = score
              }
            }
          }
          for position in 0..<count {
            let (index, centre) = (rows[position], nearestCentre[position])
            upper[index * k + centre] = -.infinity
            bounds.own[index] = best[position] + drift[centre]
            bounds.rival[index] = rival[position] - drift[k]
            nearest[tile.lowerBound + position] = centre
          }
        }
      }
    }
  }

  /// Copies the given rows into `gathered`, one after another.
  private func gather(_ rows: ArraySlice<Int>) {
    let columns = data.columns
    if gathered.isEmpty { gathered = Array(repeating: 0, count: BoundedLloyd.tileRows * columns) }
    data.elements.withUnsafeBufferPointer { source in
      gathered.withUnsafeMutableBufferPointer { gathered in
        for (position, index) in rows.enumerated() {
          _ = UnsafeMutableBufferPointer(rebasing: gathered[(position * columns)...]).update(
            fromContentsOf: source[(index * columns)..<(index * columns + columns)])
        }
      }
    }
  }
}
