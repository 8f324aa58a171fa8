extension SparseVector {
  /// Inner products of query vectors with their candidates, on all cores.
  ///
  /// Queries are taken in blocks of eight, in the order given: a block's queries are spread
  /// into one dense scratch array (a lane each, one array per chunk of blocks), and each
  /// candidate of any of them is scored against all eight by reading only its own entries,
  /// once. Queries given one after another that share candidates (papers of one topic) read
  /// them once between them: for `related --all` on 10,000 synthetic papers, blocks of eight
  /// read 338,528 candidates instead of 2,000,000. Each score is the value ``dot(_:)`` gives
  /// (see ``QueryBlock``).
  ///
  /// ```swift
  /// let scores = SparseVector.innerProducts(
  ///   in: vectors, queries: [0, 1], candidates: [[1, 2], [0]], dimension: 1 << 20)
  /// // scores[0] == [vectors[0].dot(vectors[1]), vectors[0].dot(vectors[2])]
  /// ```
  ///
  /// - Parameters:
  ///   - vectors: The vectors, indexed by the numbers below.
  ///   - queries: The query of each list.
  ///   - candidates: For each query, the vectors to score against it.
  ///   - dimension: Larger than every index of every vector (the hashed feature space).
  /// - Returns: For each query, one score per candidate, in order.
  /// - Precondition: `queries.count == candidates.count`.
  public static func innerProducts(
    in vectors: [SparseVector], queries: [Int], candidates: [[Int]], dimension: Int
  ) -> [[Float]] {
    precondition(queries.count == candidates.count, "One candidate list per query")
    let (indices, size) = compactIndices(of: vectors, dimension: dimension)
    let blocks = Array(stride(from: 0, to: queries.count, by: QueryBlock.width))
    return NGramVectorizer.parallelChunks(blocks) { chunk in
      var block = QueryBlock(features: size, vectors: vectors.count)
      return chunk.flatMap { start in
        let members = start..<min(queries.count, start + QueryBlock.width)
        return block.scores(
          queries: queries[members], candidates: candidates[members], indices: indices,
          vectors: vectors)
      }
    }
  }

  /// The vectors' indices renumbered by rank among the indices any of them uses, and how many
  /// those are: the same order (so sums keep their order, and their value), but a dense
  /// scratch over them is as small as the features the vectors really have, and stays in cache.
  private static func compactIndices(of vectors: [SparseVector], dimension: Int)
    -> (indices: [[UInt32]], size: Int)
  {
    // How many vectors use each index, counted on all cores, then the used ones numbered in
    // order (for 10,000 papers 0.05–0.08 s in all; marking on one core made it 0.065–0.1 s).
    var frequency = [Int32](repeating: 0, count: dimension)
    NGramVectorizer.addDocumentFrequencies(of: vectors, to: &frequency)
    var rank = [UInt32](repeating: 0, count: dimension)
    var size: UInt32 = 0
    for (index, count) in frequency.enumerated() {
      rank[index] = size
      if count > 0 { size += 1 }
    }
    let ranks = rank
    let indices = NGramVectorizer.parallelChunks(vectors) { chunk in
      ranks.withUnsafeBufferPointer { rank in chunk.map { $0.indices.map { rank[Int($0)] } } }
    }
    return (indices, Int(size))
  }
}
