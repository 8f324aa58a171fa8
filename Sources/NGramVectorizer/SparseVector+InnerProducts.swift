extension SparseVector {
  /// Inner products of query vectors with their candidates, on all cores.
  ///
  /// Each query is spread once into a dense scratch array (one per core), and each candidate
  /// is then scored by reading only its own entries, so a query with `c` candidates costs
  /// O(query.count + Σ candidate.count) without merging index lists.
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
    return NGramVectorizer.parallelChunks(Array(queries.indices)) { chunk in
      var dense = [Float](repeating: 0, count: dimension)
      return chunk.map { position in
        let query = vectors[queries[position]]
        for (index, value) in zip(query.indices, query.values) { dense[Int(index)] = value }
        defer { for index in query.indices { dense[Int(index)] = 0 } }
        return candidates[position].map { vectors[$0].gathered(from: dense) }
      }
    }
  }

  /// Σ self[i]·dense[i].
  private func gathered(from dense: [Float]) -> Float {
    dense.withUnsafeBufferPointer { dense in
      indices.withUnsafeBufferPointer { indices in
        values.withUnsafeBufferPointer { values in
          var sum: Float = 0
          for entry in 0..<indices.count { sum += dense[Int(indices[entry])] * values[entry] }
          return sum
        }
      }
    }
  }
}
