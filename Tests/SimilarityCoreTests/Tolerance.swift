import SimilarityCore

/// Whether two floats agree within an absolute tolerance (BLAS output is never compared with `==`).
func isClose(_ a: Float, _ b: Float, tolerance: Float = 1e-5) -> Bool {
  abs(a - b) <= tolerance
}

/// Whether two matrices have the same shape and agree element-wise within `tolerance`.
func isClose(_ a: Matrix, _ b: Matrix, tolerance: Float = 1e-5) -> Bool {
  a.rows == b.rows && a.columns == b.columns
    && zip(a.elements, b.elements).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}
