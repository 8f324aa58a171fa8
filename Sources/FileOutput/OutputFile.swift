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
/// away, and on SIGINT or SIGTERM once ``InterruptCleanup/install()`` has run. What the user
/// named is never replaced by something else: a symbolic link is followed, and its target is
/// written that way (the link stays); a FIFO, a device or a socket is written directly, as it
/// comes, like standard output — which has no whole-or-nothing guarantee, and cannot take
/// writes at an offset (``write(_:at:)``).
///
/// ```swift
/// let file = try OutputFile(path: "m.npy")
/// try file.write([0x93], at: 0)
/// try file.commit()
/// ```
public final class OutputFile {
  /// The destination, or `-` for standard output.
  public let path: String
  /// The temporary file renamed over ``target`` at commit; `nil` for a stream.
  private let temporaryPath: String?
  /// What is replaced at commit: the path, or the file its symbolic link points to.
  private let target: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private var committed = false

  /// Opens a new temporary file for `path` (or for the file a symbolic link at `path` points
  /// to), first removing any that a process no longer running left for the same destination
  /// (killed before it could clean up). A FIFO, a device or a socket is opened for writing
  /// directly.
  ///
  /// - Throws: `OutputFileError.cannotCreate` when the folder is missing or not writable.
  public init(path: String) throws(OutputFileError) {
    self.path = path
    let target = Self.resolvingLinks(path)
    self.target = target
    var status = stat()
    let exists = stat(target, &status) == 0
    if exists, status.st_mode & S_IFMT == S_IFDIR {
      throw OutputFileError.cannotCreate(path: path, reason: "it is a folder")
    }
    if exists, status.st_mode & S_IFMT != S_IFREG {
      let descriptor = open(target, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw OutputFileError.cannotCreate(path: path, reason: Self.lastErrorText())
      }
      temporaryPath = nil
      self.descriptor = descriptor
      return
    }
    let slash = target.lastIndex(of: "/")
    let folder = slash.map { String(target[...$0]) } ?? ""
    let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
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
    self.temporaryPath = temporary
    self.descriptor = descriptor
    InterruptCleanup.register(temporary)
  }

  private init(standardOutputDescriptor: Int32) {
    path = "-"
    target = "-"
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

  /// Whether bytes can be written at an offset: a regular file, not a stream (standard output,
  /// a FIFO, a device).
  public var isSeekable: Bool { temporaryPath != nil }

  /// Writes bytes at a byte offset of the file, unbuffered.
  ///
  /// - Throws: `OutputFileError.notSeekable` for a stream; `.writeFailed`.
  /// - Precondition: Nothing is buffered.
  public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
    guard isSeekable else { throw OutputFileError.notSeekable(path: path) }
    precondition(buffer.isEmpty, "Positional writes come before buffered ones are flushed")
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
    guard isSeekable else { throw .notSeekable(path: path) }
    precondition(byteCount > 0, "A mapping needs a size")
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

  /// Flushes, closes and moves the file into place (atomically, by `rename`); a stream is
  /// flushed and, unless it is standard output, closed.
  ///
  /// - Throws: `OutputFileError.writeFailed`; the temporary file is then removed.
  public func commit() throws {
    try flush()
    guard let temporaryPath else {
      if path != "-", descriptor >= 0 {
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else {
          throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText())
        }
      }
      return
    }
    guard close(descriptor) == 0 else {
      throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText())
    }
    descriptor = -1
    guard rename(temporaryPath, target) == 0 else {
      throw OutputFileError.writeFailed(path: path, reason: Self.lastErrorText())
    }
    committed = true
    InterruptCleanup.unregister(temporaryPath)
  }

  /// Closes and deletes the temporary file, unless committed (a stream is closed). Safe to call
  /// more than once.
  public func discard() {
    guard let temporaryPath else {
      if path != "-", descriptor >= 0 { close(descriptor) }
      descriptor = -1
      return
    }
    guard !committed else { return }
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    unlink(temporaryPath)
    committed = true
    InterruptCleanup.unregister(temporaryPath)
  }

  /// The file a path names once symbolic links are followed: the path itself when it is not
  /// a link; the link's target (relative to the link's folder when relative), followed again,
  /// up to a limit, when it is — even a target that does not exist yet.
  private static func resolvingLinks(_ path: String) -> String {
    var current = path
    for _ in 0..<32 {
      var status = stat()
      guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else {
        return current
      }
      var bytes = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &bytes, bytes.count - 1)
      guard count > 0 else { return current }
      let link = String(decoding: bytes[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let folder = current.lastIndex(of: "/").map { String(current[...$0]) } ?? ""
      current = link.hasPrefix("/") ? link : folder + link
    }
    return current
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
