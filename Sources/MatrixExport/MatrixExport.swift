import FileOutput
import SimilarityCore

/// Writing embeddings and cosine similarity matrices in formats other tools read with one call:
/// NumPy `.npy` (`numpy.load`), CSV (`pandas.read_csv(…, index_col=0)`) and Matrix Market
/// (`scipy.io.mmread`).
///
/// Similarity matrices are computed block by block (see
/// ``SimilarityCore/Matrix/forEachCosineBlock(_:elementBudget:_:)``) and written as they come,
/// so memory stays bounded by one block, whatever the matrix size. Every writer fills an
/// ``OutputFile``; the caller commits it.
///
/// ```swift
/// let file = try OutputFile(path: "similarity.npy")
/// try MatrixExport.writeSimilarityNumPy(of: embedding, to: file)  // its rows' cosines
/// try file.commit()
/// ```
public enum MatrixExport {
  /// Told after each block: rows finished, rows in all.
  public typealias Progress = (_ finished: Int, _ total: Int) -> Void

  /// The exact size in bytes of a `rows`×`columns` `.npy` file.
  public static func numPySize(rows: Int, columns: Int) -> Int {
    NumPyFormat.fileSize(rows: rows, columns: columns)
  }

  /// A typical size in bytes of a `rows`×`columns` CSV file of similarities (about ten bytes
  /// a value, e.g. `0.0123457,`).
  public static func estimatedCSVSize(rows: Int, columns: Int) -> Int {
    rows * (columns + 1) * 10
  }
}
