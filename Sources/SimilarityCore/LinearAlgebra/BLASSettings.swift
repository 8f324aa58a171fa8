/// The process-wide settings of the BLAS library under the similarity core.
///
/// There is one thread pool per process: changing ``threadCount`` affects every later matrix
/// operation on every thread. OpenBLAS also reads `OPENBLAS_NUM_THREADS` at start-up.
///
/// ```swift
/// BLASSettings.threadCount = 1  // before running Swift tasks in parallel
/// ```
public enum BLASSettings {
  /// The number of threads BLAS routines may use (`openblas_get_num_threads` /
  /// `openblas_set_num_threads`).
  ///
  /// Setting a value below 1 sets 1; a value above the processor count is allowed.
  public static var threadCount: Int {
    get { LinearAlgebra.threadCount }
    set { LinearAlgebra.setThreadCount(max(1, newValue)) }
  }

  /// The number of processors the BLAS library detected.
  public static var processorCount: Int { LinearAlgebra.processorCount }

  /// The BLAS library's own description of its build, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH …`.
  public static var configuration: String { LinearAlgebra.configuration }

  /// The CPU kernel family the BLAS library chose at start-up, e.g. `Haswell`.
  public static var coreName: String { LinearAlgebra.coreName }
}
