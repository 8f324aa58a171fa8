import COpenBLAS

#if canImport(Glibc)
  import Glibc
#endif

/// The only place that calls OpenBLAS and LAPACKE. Each function takes Swift arrays, keeps the
/// pointers inside its closures, and names the C routine it calls.
enum LinearAlgebra {
  /// `C = op(A) × op(B)` in row-major order, with `cblas_sgemm` (alpha 1, beta 0; beta 1 adds
  /// to `C` instead). `A` and `B` start at element offsets `aOffset` and `bOffset` of their
  /// arrays, so row tiles need no copy.
  static func multiply(
    _ a: [Float], offset aOffset: Int = 0, rows m: Int, inner k: Int, transposed transposeA: Bool,
    leadingDimension lda: Int,
    by b: [Float], offset bOffset: Int = 0, columns n: Int, transposed transposeB: Bool,
    leadingDimension ldb: Int,
    into c: inout [Float], adding: Bool = false
  ) {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasInt(m), blasInt(n), blasInt(k), 1, a.baseAddress.map { $0 + aOffset },
            blasInt(lda), b.baseAddress.map { $0 + bOffset }, blasInt(ldb), adding ? 1 : 0,
            c.baseAddress,
            blasInt(n))
        }
      }
    }
  }

  /// `y = A × x` for a row-major `m`×`n` matrix `A`, with `cblas_sgemv` (alpha 1, beta 0).
  static func multiply(
    _ a: [Float], rows m: Int, columns n: Int, by x: [Float], into y: inout [Float]
  ) {
    a.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { x in
        y.withUnsafeMutableBufferPointer { y in
          cblas_sgemv(
            CblasRowMajor, CblasNoTrans, blasInt(m), blasInt(n), 1, a.baseAddress, blasInt(n),
            x.baseAddress, 1, 0, y.baseAddress, 1)
        }
      }
    }
  }

  /// Eigenvalues (ascending, into `values`) and eigenvectors (as columns, overwriting `matrix`)
  /// of a symmetric row-major matrix, with `LAPACKE_ssyevd` on its upper triangle.
  static func symmetricEigen(_ matrix: inout [Float], order n: Int, values: inout [Float])
    throws(LinearAlgebraError)
  {
    let info = matrix.withUnsafeMutableBufferPointer { matrix in
      values.withUnsafeMutableBufferPointer { values in
        LAPACKE_ssyevd(
          LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")),
          affinity_lapack_int(n), matrix.baseAddress, affinity_lapack_int(n), values.baseAddress)
      }
    }
    if let error = LinearAlgebraError.check(info: Int(info), routine: "LAPACKE_ssyevd") {
      throw error
    }
  }

  /// The thread count OpenBLAS uses, from `openblas_get_num_threads`.
  static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// Sets the thread count with `openblas_set_num_threads`.
  static func setThreadCount(_ count: Int) { openblas_set_num_threads(Int32(count)) }

  /// Ends OpenBLAS's worker threads with `blas_thread_shutdown_`, which OpenBLAS exports (for
  /// its own use around `fork`) but does not declare; its next multi-threaded call starts them
  /// again. Looked up at run time, so a BLAS without it (a single-threaded build) is left as it
  /// is. Returns whether it was found.
  @discardableResult
  static func endWorkerThreads() -> Bool {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_")
      else { return false }
      typealias Shutdown = @convention(c) () -> Int32
      _ = unsafeBitCast(symbol, to: Shutdown.self)()
      return true
    #else
      return false
    #endif
  }

  /// The processors OpenBLAS sees, from `openblas_get_num_procs`.
  static var processorCount: Int { Int(openblas_get_num_procs()) }

  /// OpenBLAS's build configuration, from `openblas_get_config`.
  static var configuration: String { openblas_get_config().map { String(cString: $0) } ?? "" }

  /// The CPU kernel OpenBLAS picked, from `openblas_get_corename`.
  static var coreName: String { openblas_get_corename().map { String(cString: $0) } ?? "" }

  private static func blasInt(_ value: Int) -> blasint { blasint(value) }
}
