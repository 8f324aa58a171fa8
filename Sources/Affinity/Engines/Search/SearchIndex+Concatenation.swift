import FileOutput
import Foundation
import NGramVectorizer

extension SearchIndex {
  /// Writes indexes made with the same weights as one index, their rows one after the other:
  /// byte for byte the index ``build(ids:vectors:weights:storingAt:)`` writes for all their
  /// vectors at once. The file is written part by part with positional writes, and each
  /// input's lists are let go of once copied, so memory holds a few lists, not the file.
  ///
  /// - Parameters:
  ///   - parts: The indexes, in row order; at least one, all of one model and weights.
  ///   - path: Where to write the index.
  /// - Returns: The index, mapped from the file.
  /// - Throws: `OutputFileError` when the file cannot be written, `SearchIndexError.damaged`
  ///   when a part's list is damaged.
  /// - Complexity: O(total postings + feature space × parts).
  static func concatenate(_ parts: [SearchIndex], storingAt path: String) throws -> SearchIndex {
    precondition(!parts.isEmpty, "Nothing to concatenate")
    precondition(
      parts.reduce(0) { $0 + $1.paperCount } <= PostingCode.maximumRows,
      "A segment of more rows than 24 bits hold")
    let configuration = parts[0].metadata.configuration
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let metadataBytes = Array((try? encoder.encode(parts[0].metadata)) ?? Data())
    var offsets: [Int] = []
    var rows = 0
    var postings = 0
    var idBytes = 0
    for part in parts {
      offsets.append(rows)
      rows += part.paperCount
      postings += part.layout.postingCount
      idBytes += part.layout.idByteCount
    }
    let layout = SearchIndexLayout(
      metadataLength: metadataBytes.count, paperCount: rows,
      featureSpace: configuration.featureSpace, postingCount: postings, idByteCount: idBytes)
    let file = try OutputFile(path: path)
    do {
      try writeDirectory(of: parts, layout: layout, metadata: metadataBytes, into: file)
      try writeLists(of: parts, offsets: offsets, layout: layout, into: file)
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
    return try SearchIndex(contentsOf: path)
  }

  /// Writes everything before the list checksums — header, metadata, ids, id order, weights —
  /// and the directory's checksum.
  private static func writeDirectory(
    of parts: [SearchIndex], layout: SearchIndexLayout, metadata: [UInt8], into file: OutputFile
  ) throws {
    var bytes = [UInt8](repeating: 0, count: layout.listChecksums)
    try bytes.withUnsafeMutableBytes { out in
      out.copyBytes(from: SearchIndexLayout.magic)
      out.storeBytes(of: SearchIndexLayout.byteOrderMark, toByteOffset: 8, as: UInt32.self)
      for (field, value) in layout.headerFields.enumerated() {
        out.storeBytes(of: value, toByteOffset: 16 + 8 * field, as: UInt64.self)
      }
      UnsafeMutableRawBufferPointer(rebasing: out[layout.metadata...]).copyBytes(from: metadata)
      var ids: [ArraySlice<UInt8>] = []
      var offset = 0
      var row = 0
      for part in parts {
        for partRow in 0..<part.paperCount {
          guard let id = part.idBytes(ofRow: partRow) else {
            throw SearchIndexError.damaged(path: part.location)
          }
          out.storeBytes(
            of: UInt32(offset), toByteOffset: layout.idOffsets + 4 * row, as: UInt32.self)
          UnsafeMutableRawBufferPointer(rebasing: out[(layout.idBytes + offset)...]).copyBytes(
            from: id)
          ids.append(ArraySlice(id))
          offset += id.count
          row += 1
        }
      }
      out.storeBytes(
        of: UInt32(offset), toByteOffset: layout.idOffsets + 4 * row, as: UInt32.self)
      let order = ids.indices.sorted { ids[$0].lexicographicallyPrecedes(ids[$1]) }
      for (position, row) in order.enumerated() {
        out.storeBytes(
          of: UInt32(row), toByteOffset: layout.idOrder + 4 * position, as: UInt32.self)
      }
      let weights = parts[0].vectorizer.inverseDocumentFrequency
      for (bucket, weight) in weights.enumerated() {
        out.storeBytes(of: weight, toByteOffset: layout.weights + 4 * bucket, as: Float.self)
      }
      let checksum = directoryChecksum(of: UnsafeRawBufferPointer(out), layout: layout)
      out.storeBytes(
        of: checksum, toByteOffset: SearchIndexLayout.directoryChecksumOffset, as: UInt64.self)
    }
    try file.write(bytes, at: 0)
  }

  /// Writes every feature's list — each part's postings in turn, rows moved by the part's
  /// offset, codes moved to the list's step — with its largest weight and checksum, and the
  /// posting starts.
  private static func writeLists(
    of parts: [SearchIndex], offsets: [Int], layout: SearchIndexLayout, into file: OutputFile
  ) throws {
    var starts = [UInt64](repeating: 0, count: layout.featureSpace + 1)
    var checksums = [UInt32](repeating: 0, count: layout.featureSpace)
    var largestWeights = [Float](repeating: 0, count: layout.featureSpace)
    var buffer: [UInt32] = []
    var written = 0  // postings already written
    var position = 0  // postings so far
    let flushSize = 1 << 20
    func flush() throws {
      try buffer.withUnsafeBytes { try file.write($0, at: layout.postings + 4 * written) }
      written += buffer.count
      buffer.removeAll(keepingCapacity: true)
    }
    for feature in 0..<layout.featureSpace {
      starts[feature] = UInt64(position)
      let first = buffer.count
      let largest = parts.reduce(Float(0)) { max($0, $1.largestWeight(of: feature)) }
      let step = PostingCode.step(forLargest: largest)
      for (part, offset) in zip(parts, offsets) {
        guard let list = part.postings(of: feature) else {
          throw SearchIndexError.damaged(path: part.location)
        }
        let partStep = PostingCode.step(forLargest: part.largestWeight(of: feature))
        // Both powers of two (or 0 for a list of zeros, whose codes are 0).
        let shift = partStep > 0 ? (step / partStep).exponent : 0
        for position in list {
          buffer.append(
            PostingCode.posting(part.posting(at: position), movedBy: offset, shift: shift))
        }
      }
      position += buffer.count - first
      largestWeights[feature] = largest
      checksums[feature] = buffer[first...].withUnsafeBytes {
        listChecksum(
          feature: feature, list: Int(starts[feature])..<position, largest: largest, postings: $0)
      }
      if buffer.count >= flushSize {
        try flush()
        // Let go of what has been copied of every part.
        for part in parts { part.release(postingsBefore: part.postingStart(of: feature + 1)) }
      }
    }
    starts[layout.featureSpace] = UInt64(position)
    try flush()
    try checksums.withUnsafeBytes { try file.write($0, at: layout.listChecksums) }
    try largestWeights.withUnsafeBytes { try file.write($0, at: layout.largestWeights) }
    try starts.withUnsafeBytes { try file.write($0, at: layout.postingStarts) }
  }

  /// Where feature `feature`'s list starts (the end of the last list for the feature space).
  func postingStart(of feature: Int) -> Int {
    Int(bytes.load(fromByteOffset: layout.postingStarts + 8 * feature, as: UInt64.self))
  }

  /// Lets the system drop the pages of the postings before `position`, read already (they are
  /// read again from the file if needed).
  func release(postingsBefore position: Int) {
    storage.release(layout.postings..<(layout.postings + 4 * position))
  }
}
