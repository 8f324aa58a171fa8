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

  /// Runs `body` with BLAS at one thread, then restores the previous count: for work that
  /// runs its own threads, or whose rounding must not depend on the thread count (LAPACK's
  /// reductions split by thread). Calls are serialised with each other and with setting
  /// ``threadCount``.
  public static func withSingleThreadedBLAS<T, Failure: Error>(
    _ body: () throws(Failure) -> T
  ) throws(Failure) -> T {
    try threadSetting.withLock { _ throws(Failure) in
      let saved = LinearAlgebra.threadCount
      LinearAlgebra.setThreadCount(1)
      defer { LinearAlgebra.setThreadCount(saved) }
      return try body()
    }
  }

  /// Stops the BLAS library's idle worker threads; its next multi-threaded operation starts
  /// them again.
  ///
  /// OpenBLAS starts its workers as it loads, and an idle worker spins for about 2²⁸ processor
  /// cycles (0.1 s) before it sleeps, taking a core from the process's own threads. A command
  /// calls this as it starts: a one-paper query that needs no BLAS thread then has both cores.
  ///
  /// - Important: Call it only while no other thread runs a BLAS operation (at start-up): the
  ///   library waits for each worker to stop, and a worker busy with a job would not.
  ///
  /// - Returns: Whether the library had a way to stop them (OpenBLAS built with its thread
  ///   server does).
  @discardableResult
  public static func stopIdleThreads() -> Bool {
    threadSetting.withLock { _ in LinearAlgebra.endWorkerThreads() }
  }

  /// The number of processors the BLAS library detected.
  public static var processorCount: Int { LinearAlgebra.processorCount }

  /// The BLAS library's own description of its build, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH …`.
  public static var configuration: String { LinearAlgebra.configuration }

  /// The CPU kernel family the BLAS library chose at start-up, e.g. `Haswell`.
  public static var coreName: String { LinearAlgebra.coreName }
}
