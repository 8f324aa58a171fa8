import Synchronization

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
  /// Setting a value below 1 sets 1; a value above the processor count is allowed. Reading it
  /// while other threads run single-threaded work waits for them, so it gives the setting, not
  /// their temporary one.
  public static var threadCount: Int {
    get { threadSetting.withLock { _ in LinearAlgebra.threadCount } }
    set { threadSetting.withLock { _ in LinearAlgebra.setThreadCount(max(1, newValue)) } }
  }

  /// Serialises changes of the thread count with work that temporarily changes it.
  private static let threadSetting = Mutex(())

  /// Runs `body` with BLAS at one thread (for work that runs its own threads), then restores
  /// the previous count. Calls are serialised with each other and with setting ``threadCount``.
  static func withSingleThreadedBLAS<T>(_ body: () -> T) -> T {
    threadSetting.withLock { _ in
      let saved = LinearAlgebra.threadCount
      LinearAlgebra.setThreadCount(1)
      defer { LinearAlgebra.setThreadCount(saved) }
      return body()
    }
  }

  /// The number of processors the BLAS library detected.
  public static var processorCount: Int { LinearAlgebra.processorCount }

  /// The BLAS library's own description of its build, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH …`.
  public static var configuration: String { LinearAlgebra.configuration }

  /// The CPU kernel family the BLAS library chose at start-up, e.g. `Haswell`.
  public static var coreName: String { LinearAlgebra.coreName }
}
