import Dispatch

/// Loops spread over all cores in chunks of consecutive indices: the one way Affinity's modules
/// share work between the cores when each index's work is independent.
///
/// ```swift
/// let squares = Parallel.mapChunks(of: 10_000, size: 256) { range in range.map { $0 * $0 } }
/// ```
public enum Parallel {
  /// Calls `body` once for each chunk of `0..<count` — consecutive indices, `size` of them
  /// (the last chunk may be shorter) — on all cores, chunks in no particular order.
  ///
  /// - Parameters:
  ///   - count: The number of indices.
  ///   - size: The longest chunk, at least 1: long enough that a chunk outweighs handing it
  ///     out, short enough that the cores finish together.
  ///   - body: The work for one chunk; chunks run at the same time.
  public static func forEachChunk(
    of count: Int, size: Int, _ body: @Sendable (Range<Int>) -> Void
  ) {
    DispatchQueue.concurrentPerform(iterations: chunkCount(of: count, size: size)) { chunk in
      body((chunk * size)..<min(count, (chunk + 1) * size))
    }
  }

  /// What `transform` makes of each chunk of `0..<count` (see
  /// ``forEachChunk(of:size:_:)``), joined in the order of the chunks.
  ///
  /// - Parameters:
  ///   - count: The number of indices.
  ///   - size: The longest chunk, at least 1.
  ///   - transform: The results for one chunk's indices; chunks run at the same time.
  /// - Returns: The results of every chunk, in index order.
  public static func mapChunks<T>(
    of count: Int, size: Int, _ transform: @Sendable (Range<Int>) -> [T]
  ) -> [T] {
    var results = [[T]](repeating: [], count: chunkCount(of: count, size: size))
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let results = buffer
      forEachChunk(of: count, size: size) { range in
        results[range.lowerBound / size] = transform(range)
      }
    }
    return results.flatMap { $0 }
  }

  private static func chunkCount(of count: Int, size: Int) -> Int {
    precondition(size >= 1, "A chunk holds at least one index")
    return (count + size - 1) / size
  }
}
