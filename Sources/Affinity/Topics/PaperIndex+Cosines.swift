import NGramVectorizer
import SimilarityCore

extension PaperIndex {
  /// The exact cosine similarities of some papers, on their full sparse vectors (no folding
  /// noise).
  ///
  /// The features the papers use are numbered compactly; the papers' columns of each slice of
  /// `sliceWidth` features become a dense block `B`, and `B·Bᵀ` is added up (``SimilarityCore/Matrix/addGram(of:)``).
  ///
  /// - Parameters:
  ///   - rows: The papers' rows.
  ///   - sliceWidth: Features per dense block.
  /// - Returns: A `rows.count` square symmetric matrix (1 on the diagonal of non-empty papers).
  /// - Complexity: O(`rows² × distinct features`) arithmetic, O(`rows × sliceWidth`) memory.
  public func cosines(of rows: [Int], sliceWidth: Int = 4096) -> Matrix {
    var column: [UInt32: Int] = [:]
    for row in rows {
      for index in vectors[row].indices where column[index] == nil { column[index] = column.count }
    }
    let n = rows.count
    var total = Matrix(rows: n, columns: n)
    var start = 0
    while start < column.count {
      let width = min(sliceWidth, column.count - start)
      var block = Matrix(rows: n, columns: width)
      for (position, row) in rows.enumerated() {
        let vector = vectors[row]
        for (index, value) in zip(vector.indices, vector.values) {
          if let compact = column[index], compact >= start, compact < start + width {
            block[position, compact - start] = value
          }
        }
      }
      total.addGram(of: block)
      start += width
    }
    for i in 0..<n { for j in 0..<i { total[i, j] = total[j, i] } }
    return total
  }
}
