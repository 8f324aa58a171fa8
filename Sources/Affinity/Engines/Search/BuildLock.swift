#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive advisory lock on a file (`flock`), held while a process builds a search index,
/// so that two processes never build the same index at once. The system releases it when the
/// process ends, however it ends. A lock file that cannot be created locks nothing: building
/// twice is wasteful, never wrong, since an index appears whole or not at all.
struct BuildLock {
  private let descriptor: Int32

  /// Waits until no other process holds the lock, then holds it.
  init(path: String) {
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
    if descriptor >= 0 {
      while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
    }
  }

  /// Lets the next process in.
  func release() {
    if descriptor >= 0 { close(descriptor) }
  }
}
