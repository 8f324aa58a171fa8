import FileOutput

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
    /// Whether the bytes are a file mapped read-only (whose pages can be dropped and read
    /// again), not memory of their own.
    private var isMappedFile = false

    /// The bytes to fill in, for an index being built.
    var mutableBytes: UnsafeMutableRawBufferPointer {
      UnsafeMutableRawBufferPointer(mutating: bytes)
    }

    /// Zeroed memory of `count` bytes, page-aligned, straight from the system: pages come
    /// zeroed as they are first written (nothing is cleared twice), in large pages where the
    /// system allows, so that filling an index of a gigabyte takes a few thousand page faults,
    /// not hundreds of thousands.
    init(allocating count: Int) {
      let size = max(1, count)
      guard
        let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
        address != MAP_FAILED
      else { fatalError("Out of memory for a search index of \(count) bytes") }
      #if os(Linux)
        _ = madvise(address, size, MADV_HUGEPAGE)
      #endif
      bytes = UnsafeRawBufferPointer(start: address, count: count)
      release = { munmap(address, size) }
    }

    /// The first `count` bytes of a file being written, mapped for writing (see
    /// `OutputFile.mapForWriting(byteCount:)`): the index is built straight into the file.
    init(mappingForWriting file: OutputFile, count: Int) throws(OutputFileError) {
      let mapped = try file.mapForWriting(byteCount: max(1, count))
      bytes = UnsafeRawBufferPointer(start: mapped.baseAddress, count: count)
      release = { munmap(mapped.baseAddress, mapped.count) }
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
      isMappedFile = true
    }

    deinit { release() }

    /// Asks the system to start reading the pages of these byte ranges, all at once, so that
    /// the reads which follow wait for disk transfers already under way instead of starting
    /// them one at a time (the index is mapped for random access, so the system reads ahead
    /// nothing by itself). Ranges on the same or neighbouring pages are asked for together.
    /// When the first page of every `sampleStride`-th group is in memory already, the rest is
    /// taken to be too and nothing is asked: a query has thousands of groups, and a system call
    /// for each would cost a warm query more than its scoring.
    ///
    /// - Parameters:
    ///   - ranges: Byte ranges of the index, in increasing order.
    ///   - sampleStride: How many groups one residency check stands for (at least 1).
    func prefetch(_ ranges: some Sequence<Range<Int>>, sampleStride: Int = 16) {
      #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let base = bytes.baseAddress, page > 0 else { return }
        var groups: [Range<Int>] = []  // page-aligned
        for range in ranges where !range.isEmpty {
          let first = range.lowerBound / page * page
          let end = Swift.min(bytes.count, (range.upperBound + page - 1) / page * page)
          if let last = groups.last, first <= last.upperBound + page {
            groups[groups.count - 1] = last.lowerBound..<Swift.max(last.upperBound, end)
          } else {
            groups.append(first..<end)
          }
        }
        func address(_ group: Range<Int>) -> UnsafeMutableRawPointer {
          UnsafeMutableRawPointer(mutating: base + group.lowerBound)
        }
        // The first page of every `sampleStride`-th group stands for the rest.
        let sampleIsResident = stride(from: 0, to: groups.count, by: max(1, sampleStride))
          .allSatisfy { position in
            var residency: UInt8 = 0
            return mincore(address(groups[position]), page, &residency) == 0 && residency & 1 == 1
          }
        guard !sampleIsResident else { return }
        for group in groups { _ = madvise(address(group), group.count, MADV_WILLNEED) }
      #endif
    }

    /// Lets the system drop the pages wholly inside a byte range of a mapped file (they are read
    /// again if touched), so that reading a large file once does not keep it all in memory.
    func release(_ range: Range<Int>) {
      #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard isMappedFile, let base = bytes.baseAddress, page > 0 else { return }
        let first = (range.lowerBound + page - 1) / page * page
        let end = Swift.min(bytes.count, range.upperBound) / page * page
        guard first < end else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), end - first, MADV_DONTNEED)
      #endif
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
  }
}
