#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SearchIndex {
  /// The index's bytes: a file mapped read-only, or memory of its own.
  final class Storage: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let release: () -> Void

    /// The bytes to fill in, for an index being built.
    var mutableBytes: UnsafeMutableRawBufferPointer {
      UnsafeMutableRawBufferPointer(mutating: bytes)
    }

    /// Zeroed memory of `count` bytes, 8-byte aligned.
    init(allocating count: Int) {
      let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
      memory.initializeMemory(as: UInt8.self, repeating: 0)
      bytes = UnsafeRawBufferPointer(memory)
      release = { memory.deallocate() }
    }

    /// A whole file, mapped read-only: pages are read when first touched.
    init(mapping path: String) throws(SearchIndexError) {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw .unreadable(path: path, reason: Self.lastError()) }
      defer { close(descriptor) }
      var status = stat()
      guard fstat(descriptor, &status) == 0 else {
        throw .unreadable(path: path, reason: Self.lastError())
      }
      let count = Int(status.st_size)
      guard count >= SearchIndexLayout.headerSize else { throw .damaged(path: path) }
      guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0),
        address != MAP_FAILED
      else { throw .unreadable(path: path, reason: Self.lastError()) }
      // A query reads scattered posting lists: map only the pages it touches, no neighbours.
      _ = madvise(address, count, MADV_RANDOM)
      bytes = UnsafeRawBufferPointer(start: address, count: count)
      release = { munmap(address, count) }
    }

    deinit { release() }

    private static func lastError() -> String { String(cString: strerror(errno)) }
  }
}
