import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file that appears whole or not at all.
///
/// Bytes go to a hidden temporary file beside the destination (`.NAME.partial-PID`); ``commit()``
/// renames it over the destination. A file never committed is deleted when the object goes
/// away, and on SIGINT or SIGTERM once ``InterruptCleanup/install()`` has run. Standard output
/// has no such guarantee: it is written as it comes.
///
/// ```swift
/// let file = try OutputFile(path: "m.npy")
/// try file.write([0x93], at: 0)
/// try file.commit()
/// ```
public final class OutputFile {
  /// The destination, or `-` for standard output.
  public let path: String
  private let temporaryPath: String?
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private var committed = false

  /// Opens a new temporary file for `path`, first removing any that a process no longer
  /// running left for the same destination (killed before it could clean up).
  ///
  /// - Throws: `OutputFileError.cannotCreate` when the folder is missing or not writable.
  public init(path: String) throws(OutputFileError) {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty, name != ".", name != ".." else {
      throw OutputFileError.cannotCreate(path: path, reason: "not a file name")
    }
    Self.removeAbandonedFiles(in: folder, prefix: ".\(name).partial-")
    let temporary = "\(folder).\(name).partial-\(getpid())"
    // Read and write: ``mapForWriting(byteCount:)`` maps it shared.
    let descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw OutputFileError.cannotCreate(path: path, reason: Self.lastErrorText())
    }
    self.path = path
    self.temporaryPath = temporary
    self.descriptor = descriptor
    InterruptCleanup.register(temporary)
  }

  private init(standardOutputDescriptor: Int32) {
    path = "-"
    temporaryPath = nil
    descriptor = standardOutputDescriptor
  }

  /// Standard output, written sequentially as the bytes come.
  public static func standardOutput() -> OutputFile {
    OutputFile(standardOutputDescriptor: STDOUT_FILENO)
  }

  deinit { discard() }

  /// Appends bytes (buffered).
  public func write(_ bytes: some Sequence<UInt8>) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Appends text as UTF-8 (buffered).
  public func write(_ text: String) throws { try write(text.utf8) }

  /// Writes bytes at a byte offset of the file, unbuffered. Not for standard output.
  ///
  /// - Precondition: The file is not standard output and nothing is buffered.
  public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
    precondition(temporaryPath != nil && buffer.isEmpty, "Positional writes need a file")
    var done = 0
    while done < bytes.count {
      let written = pwrite(
        descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done, off_t(offset + done))
      if written < 0, errno == EINTR { continue }
      guard written > 0 else {
        throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText())
      }
      done += written
    }
  }

  /// The file's first `byteCount` bytes, reserved on disk and mapped into memory: what is
  /// stored there is the file's content, with no copy and no writing call. Reserving the space
  /// first means that running out of it is this error, not a crash while filling the mapping.
  /// The mapping outlives ``commit()`` and ``discard()``; unmap it with
  /// `munmap(bytes.baseAddress, bytes.count)`. Not for standard output.
  ///
  /// - Parameter byteCount: The file's size, at least 1.
  /// - Returns: The mapped bytes, zero until written.
  /// - Throws: `OutputFileError.writeFailed` when the space cannot be reserved or mapped.
  public func mapForWriting(byteCount: Int) throws(OutputFileError) -> UnsafeMutableRawBufferPointer
  {
    precondition(temporaryPath != nil && byteCount > 0, "A mapping needs a file and a size")
    let reserved = posix_fallocate(descriptor, 0, off_t(byteCount))
    guard reserved == 0 else {
      throw OutputFileError.writeFailed(path: path, reason: String(cString: strerror(reserved)))
    }
    guard
      let address = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0),
      address != MAP_FAILED
    else { throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText()) }
    return UnsafeMutableRawBufferPointer(start: address, count: byteCount)
  }

  /// Writes bytes at a byte offset of the file; see the pointer form.
  public func write(_ bytes: [UInt8], at offset: Int) throws {
    try bytes.withUnsafeBytes { raw in try write(raw, at: offset) }
  }

  /// Writes out everything buffered.
  public func flush() throws {
    var done = 0
    while done < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        systemWrite(descriptor, raw.baseAddress.map { $0 + done }, raw.count - done)
      }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else {
        buffer.removeAll()
        throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText())
      }
      done += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, closes and moves the file into place (atomically, by `rename`).
  ///
  /// - Throws: `OutputFileError.writeFailed`; the temporary file is then removed.
  public func commit() throws {
    try flush()
    guard let temporaryPath else { return }
    guard close(descriptor) == 0 else {
      throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText())
    }
    descriptor = -1
    guard rename(temporaryPath, path) == 0 else {
      throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText())
    }
    committed = true
    InterruptCleanup.unregister(temporaryPath)
  }

  /// Closes and deletes the temporary file, unless committed. Safe to call more than once.
  public func discard() {
    guard let temporaryPath, !committed else { return }
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    unlink(temporaryPath)
    committed = true
    InterruptCleanup.unregister(temporaryPath)
  }

  /// Deletes the files `PREFIX<pid>` in `folder` whose process no longer exists.
  private static func removeAbandonedFiles(in folder: String, prefix: String) {
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: folder.isEmpty ? "." : folder)
    else { return }
    for name in names where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, pid != getpid(),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      unlink(folder + name)
    }
  }

  /// The bytes free for an unprivileged user on the file system of `path`'s folder, if known.
  public static func availableSpace(besides path: String) -> Int? {
    let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
    var stats = statvfs()
    guard statvfs(folder, &stats) == 0 else { return nil }
    return Int(stats.f_bavail) * Int(stats.f_frsize)
  }

  private static func lastErrorText() -> String { String(cString: strerror(errno)) }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
#endif
