import Foundation
import SimilarityCore

/// A deterministic matrix of unit rows (a 64-bit LCG), with row `zeroRow` all zeros if given.
func unitRows(_ rows: Int, _ columns: Int, seed: UInt64 = 1, zeroRow: Int? = nil) -> Matrix {
  var state = seed
  var elements: [Float] = []
  for row in 0..<rows {
    var values = (0..<columns).map { _ -> Float in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Float(Int(state >> 40) % 2001 - 1000) / 1000
    }
    let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    values = row == zeroRow ? values.map { _ in 0 } : values.map { $0 / norm }
    elements += values
  }
  return Matrix(rows: rows, columns: columns, elements: elements)
}

/// The cosine matrix computed naively in Double: entry (i, j) = Σ e[i][k]·e[j][k], diagonal 1.
func naiveCosines(_ e: Matrix) -> [[Float]] {
  (0..<e.rows).map { i in
    (0..<e.rows).map { j in
      i == j ? 1 : Float(zip(e.row(i), e.row(j)).reduce(0.0) { $0 + Double($1.0) * Double($1.1) })
    }
  }
}
