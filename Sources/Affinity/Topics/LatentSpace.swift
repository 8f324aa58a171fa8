import NGramVectorizer
import PaperCorpus
import Parallel
import SimilarityCore

/// A latent semantic space learned from a sample of papers: the top right singular vectors of
/// the sample's vectors, so that any paper can be placed in it without the papers' similarity
/// matrix.
///
/// The sample's cosine matrix `X Xᵀ = U Λ Uᵀ` (`LAPACKE_ssyevd`, sample × sample) gives the
/// right singular vectors `V = Xᵀ U Λ^−½`; a paper `x` is placed at `x V`, which for a sample
/// paper is its row of `U Λ^½` — the truncated SVD that the day-sized grouping uses. The
/// decomposition runs on one thread, so that its rounding, and so the groups, do not depend on
/// the thread count. Only the
/// features that at least two sample papers share span `V` (the others cannot relate papers).
struct LatentSpace {
  /// The number of dimensions.
  let dimensions: Int
  /// Each feature's row of `basis`, or −1 for a feature outside the space.
  private let rowOfFeature: [Int32]
  /// `V`, one row of `dimensions` values per kept feature.
  private let basis: [Float]

  /// Learns the space from sample papers' unit vectors.
  ///
  /// - Parameters:
  ///   - sample: The sample's vectors.
  ///   - featureSpace: The vectors' dimension.
  ///   - dimensions: The most dimensions kept (fewer when the sample spans fewer).
  /// - Throws: `LinearAlgebraError` when the decomposition fails.
  /// - Complexity: O(`sample³`) for the decomposition, O(features × dimensions) memory.
  init(sample: [SparseVector], featureSpace: Int, dimensions: Int) throws(LinearAlgebraError) {
    let cosines = SparseCosines(sample).matrix()
    // One thread, so that the space (and the groups) do not depend on the thread count.
    let decomposition = try BLASSettings.withSingleThreadedBLAS {
      () throws(LinearAlgebraError) in try cosines.symmetricEigendecomposition()
    }
    let kept = decomposition.values.indices.reversed().prefix(dimensions)
      .filter { decomposition.values[$0] > 1e-6 }
    let d = max(1, kept.count)
    var uses = [UInt8](repeating: 0, count: featureSpace)
    for vector in sample {
      for index in vector.indices { uses[Int(index)] &+= uses[Int(index)] < 2 ? 1 : 0 }
    }
    var rowOfFeature = [Int32](repeating: -1, count: featureSpace)
    var featureCount = 0
    for feature in 0..<featureSpace where uses[feature] >= 2 {
      rowOfFeature[feature] = Int32(featureCount)
      featureCount += 1
    }
    var basis = [Float](repeating: 0, count: featureCount * d)
    let scale = kept.map { 1 / decomposition.values[$0].squareRoot() }
    for (paper, vector) in sample.enumerated() {
      let coordinates = zip(kept, scale).map { decomposition.vectors[paper, $0] * $1 }
      for (index, value) in zip(vector.indices, vector.values) {
        let row = Int(rowOfFeature[Int(index)])
        guard row >= 0 else { continue }
        for column in 0..<coordinates.count {
          basis[row * d + column] += value * coordinates[column]
        }
      }
    }
    self.dimensions = d
    self.rowOfFeature = rowOfFeature
    self.basis = basis
  }

  /// The papers' places in the space, each scaled to unit length (zero for a paper that shares
  /// no feature with the sample), on all cores.
  func project(_ vectors: [SparseVector]) -> Matrix {
    let d = dimensions
    var elements = [Float](repeating: 0, count: vectors.count * d)
    elements.withUnsafeMutableBufferPointer { output in
      basis.withUnsafeBufferPointer { basis in
        rowOfFeature.withUnsafeBufferPointer { rowOfFeature in
          nonisolated(unsafe) let (output, basis, rowOfFeature) = (output, basis, rowOfFeature)
          Parallel.forEachChunk(of: vectors.count, size: 64) { chunk in
            for paper in chunk {
              let target = output.baseAddress! + paper * d
              let vector = vectors[paper]
              for (index, value) in zip(vector.indices, vector.values) {
                let row = Int(rowOfFeature[Int(index)])
                guard row >= 0 else { continue }
                let source = basis.baseAddress! + row * d
                for column in 0..<d { target[column] += value * source[column] }
              }
              var squares: Float = 0
              for column in 0..<d { squares += target[column] * target[column] }
              let norm = squares.squareRoot()
              if norm > 0 { for column in 0..<d { target[column] /= norm } }
            }
          }
        }
      }
    }
    return Matrix(rows: vectors.count, columns: d, elements: elements)
  }
}

extension PaperIndex {
  /// Some of a library's papers placed in a latent semantic space learned from a seeded sample
  /// of them (see ``LatentSpace``), built in two passes over the texts (document frequencies of
  /// all the papers, then the kept papers' vectors a chunk at a time) without keeping the
  /// sparse vectors.
  ///
  /// - Parameters:
  ///   - library: Every paper of the library (their IDF is fitted here).
  ///   - rows: The papers to place, by position in `library`, in the order wanted.
  ///   - configuration: The vectorizer settings.
  ///   - sampleSize: The most papers the space is learned from.
  ///   - dimensions: The most dimensions.
  ///   - seed: Seeds the sample.
  /// - Returns: One unit row per kept paper, in the order of `rows`.
  /// - Throws: `LinearAlgebraError` when the decomposition fails.
  static func latentRows(
    of library: [Paper], keeping rows: [Int], configuration: VectorizerConfiguration,
    sampleSize: Int = 2000, dimensions: Int = 128, seed: UInt64
  ) throws(LinearAlgebraError) -> Matrix {
    let texts = library.map { $0.text(for: configuration) }
    let vectorizer = NGramVectorizer(fittingOn: texts, configuration: configuration)
    var generator = SeededGenerator(seed: seed)
    var positions = Array(rows.indices)
    let sampled = min(sampleSize, rows.count)
    for position in 0..<sampled {
      positions.swapAt(
        position, position + Int(generator.next() % UInt64(rows.count - position)))
    }
    let sample = positions.prefix(sampled).sorted().map { texts[rows[$0]] }
    let space = try LatentSpace(
      sample: vectorizer.vectors(for: sample), featureSpace: configuration.featureSpace,
      dimensions: dimensions)
    var elements: [Float] = []
    elements.reserveCapacity(rows.count * space.dimensions)
    for start in stride(from: 0, to: rows.count, by: 4096) {
      let chunk = rows[start..<min(rows.count, start + 4096)].map { texts[$0] }
      elements += space.project(vectorizer.vectors(for: chunk)).elements
    }
    return Matrix(rows: rows.count, columns: space.dimensions, elements: elements)
  }
}
