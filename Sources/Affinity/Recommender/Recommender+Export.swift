import PaperCorpus
import SimilarityCore

/// The pairwise similarities of some papers, to be streamed out block by block.
public struct PaperSimilarities {
  /// The papers, one per row and column, in order.
  public let papers: [Paper]
  /// Their cosine similarities: 1 on the diagonal, symmetric.
  public let cosines: any CosineBlocks
  /// Whether these are the exact scores `related` ranks by (up to
  /// ``Recommender/exactSimilarityLimit`` papers), or cosines of the papers' embeddings.
  public let isExact: Bool
}

extension Recommender {
  /// The most papers whose similarity matrix is computed exactly; past it, the matrix holds
  /// the cosines of their ``embedding(of:)``.
  public static let exactSimilarityLimit = 20_000

  /// The similarity matrix of some papers. Up to ``exactSimilarityLimit`` papers it holds the
  /// exact scores every other answer ranks by (sparse products on all cores), so each row's
  /// best entries are ``relatedForAll(of:count:explained:)``'s lists; past that, the cosines of
  /// the papers' embeddings, which approximate them.
  ///
  /// ```swift
  /// let day = try recommender.similarities(of: .matching(PaperFilter(date: Day("2024-06-18"))))
  /// day.cosines.forEachCosineBlock(.full, elementBudget: 1 << 20) { block in … }
  /// ```
  ///
  /// - Parameters:
  ///   - selection: The papers, in the order of the rows.
  ///   - exactLimit: The most papers computed exactly.
  /// - Returns: The papers and their similarities, computed block by block as they are read.
  /// - Throws: `RecommendationError` for an empty or bad selection, or a `LibraryError`.
  /// - Complexity: Exact: O(Σ over features of (papers having it)²) arithmetic when read,
  ///   O(papers' total features) memory. Embeddings: O(papers² × embedding dimension).
  public func similarities(
    of selection: PaperSelection, exactLimit: Int = exactSimilarityLimit
  ) throws -> PaperSimilarities {
    let library = try source.allPapers()
    let rows = try selection.rows(in: library)
    guard rows.count <= exactLimit else {
      return PaperSimilarities(
        papers: rows.map { library[$0] },
        cosines: PaperIndex.embedding(of: library, keeping: rows, configuration: configuration),
        isExact: false)
    }
    let index = PaperIndex(library: library, keeping: rows, configuration: configuration)
    return PaperSimilarities(
      papers: index.papers, cosines: SparseCosines(index.vectors), isExact: true)
  }

  /// The papers' embeddings: each paper's weighted n-gram vector folded into the model's
  /// `embeddingDimension` buckets (signs kept) and scaled to unit length, so that inner products
  /// of rows approximate the exact scores.
  ///
  /// - Parameter selection: The papers, in the order of the rows.
  /// - Returns: The papers, and one unit row per paper (zero for a paper with no known features).
  /// - Throws: `RecommendationError` for an empty or bad selection, or a `LibraryError`.
  /// - Complexity: O(total text length + papers × embedding dimension); the sparse vectors are
  ///   not kept.
  public func embedding(of selection: PaperSelection) throws -> (papers: [Paper], embedding: Matrix)
  {
    let library = try source.allPapers()
    let rows = try selection.rows(in: library)
    return (
      rows.map { library[$0] },
      PaperIndex.embedding(of: library, keeping: rows, configuration: configuration)
    )
  }
}
