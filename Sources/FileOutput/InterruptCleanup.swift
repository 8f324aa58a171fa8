import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Deletes unfinished ``OutputFile``s when the process is interrupted, so Ctrl-C never leaves a
/// half-written file behind.
public enum InterruptCleanup {
  private static let paths = Mutex<Set<String>>([])
  private static let sources = Mutex<[any DispatchSourceSignal]>([])

  /// Handles SIGINT and SIGTERM: removes every registered temporary file, then exits with
  /// status 128 + the signal number. Call once, early; later calls do nothing.
  public static func install() {
    sources.withLock { sources in
      guard sources.isEmpty else { return }
      for number in [SIGINT, SIGTERM] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
          for path in paths.withLock({ $0 }) { unlink(path) }
          exit(128 + number)
        }
        source.resume()
        sources.append(source)
      }
    }
  }

  static func register(_ path: String) { _ = paths.withLock { $0.insert(path) } }

  static func unregister(_ path: String) { _ = paths.withLock { $0.remove(path) } }
}
