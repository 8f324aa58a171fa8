/// Where each part of a search index file lies. Little-endian, every array 8-byte aligned:
///
/// | bytes | what |
/// |---|---|
/// | 0–7 | `AFFIDX04` (the format's version is the last two characters) |
/// | 8–11 | `0x01020304` as `UInt32`, to refuse a file from a machine of the other byte order |
/// | 16–55 | `UInt64`s: metadata length, paper count, feature space, posting count, id bytes |
/// | 56–63 | the directory's ``Checksum``: bytes 0–55, then metadata through weights |
/// | metadata | JSON: the vectorizer configuration (``SearchIndex/Metadata``) |
/// | id offsets | `UInt32` × (papers + 1): paper *r*'s id is bytes `[offset[r], offset[r+1])` |
/// | id bytes | the arXiv ids, in the library's order |
/// | id order | `UInt32` × papers: the rows sorted by id, to find a paper by binary search |
/// | weights | `Float` × feature space: the inverse document frequencies the vectors were made with |
/// | list checksums | `UInt32` × feature space: feature *f*'s list's ``Checksum`` (its start, end and largest weight, then its postings), truncated |
/// | largest weights | `Float` × feature space: the largest magnitude of a weight in feature *f*'s list, which sets its ``PostingCode`` step |
/// | posting starts | `UInt64` × (feature space + 1): feature *f*'s postings are `[start[f], start[f+1])` |
/// | postings | `UInt32` × postings: a row having the feature and its weight's code (``PostingCode``), rows increasing within a feature (a feature of no weight has code 0 and step 0) |
///
/// The directory is checked when the file is opened, and a posting list each time a query
/// reads it, so a damaged byte is found by the first use it would spoil, never used.
struct SearchIndexLayout: Equatable {
  static let magic = Array("AFFIDX04".utf8)
  /// The magic of every version of the format, without the version.
  static let family = Array("AFFIDX".utf8)
  static let byteOrderMark: UInt32 = 0x0102_0304
  static let headerSize = 64

  var metadataLength: Int
  var paperCount: Int
  var featureSpace: Int
  var postingCount: Int
  var idByteCount: Int

  var metadata: Int { Self.headerSize }
  var idOffsets: Int { aligned(metadata + metadataLength) }
  var idBytes: Int { idOffsets + 4 * (paperCount + 1) }
  var idOrder: Int { aligned(idBytes + idByteCount) }
  var weights: Int { aligned(idOrder + 4 * paperCount) }
  var listChecksums: Int { aligned(weights + 4 * featureSpace) }
  var largestWeights: Int { aligned(listChecksums + 4 * featureSpace) }
  var postingStarts: Int { aligned(largestWeights + 4 * featureSpace) }
  var postings: Int { postingStarts + 8 * (featureSpace + 1) }
  /// The file's length.
  var size: Int { postings + 4 * postingCount }

  private func aligned(_ offset: Int) -> Int { (offset + 7) & ~7 }

  /// The sizes in a header's fields 16–63, in order.
  var headerFields: [UInt64] {
    [metadataLength, paperCount, featureSpace, postingCount, idByteCount].map { UInt64($0) }
  }

  /// Where the directory's checksum is stored, and the bytes of the header it covers.
  static let directoryChecksumOffset = 56

  /// The parts of the file the directory checksum covers: everything before the posting
  /// lists (and their checksums), which the file is opened by.
  var directoryRanges: [Range<Int>] {
    [0..<Self.directoryChecksumOffset, metadata..<listChecksums]
  }

  /// Reads the header, or `nil` when the bytes are not a search index of this format.
  init?(header: UnsafeRawBufferPointer) {
    guard header.count >= Self.headerSize, Array(header[0..<8]) == Self.magic,
      header.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == Self.byteOrderMark
    else { return nil }
    let fields = (0..<5).map { header.loadUnaligned(fromByteOffset: 16 + 8 * $0, as: UInt64.self) }
    // Sizes beyond 2⁴⁰ are damage, not data; refusing them keeps the arithmetic in range.
    guard fields.allSatisfy({ $0 < 1 << 40 }), fields[1] <= PostingCode.maximumRows else {
      return nil
    }
    self.init(
      metadataLength: Int(fields[0]), paperCount: Int(fields[1]), featureSpace: Int(fields[2]),
      postingCount: Int(fields[3]), idByteCount: Int(fields[4]))
  }

  init(
    metadataLength: Int, paperCount: Int, featureSpace: Int, postingCount: Int, idByteCount: Int
  ) {
    self.metadataLength = metadataLength
    self.paperCount = paperCount
    self.featureSpace = featureSpace
    self.postingCount = postingCount
    self.idByteCount = idByteCount
  }
}
