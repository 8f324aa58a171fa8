import Foundation

/// Where a ``CorpusStream`` takes its bytes from.
protocol Chunks {
  /// Up to `count` more bytes; empty at the end.
  mutating func next(_ count: Int) -> [UInt8]
  /// The whole size, when known.
  var byteCount: Int? { get }
}

/// Bytes already in memory.
struct ByteChunks: Chunks {
  let bytes: [UInt8]
  var position = 0
  var byteCount: Int? { bytes.count }

  mutating func next(_ count: Int) -> [UInt8] {
    let end = min(bytes.count, position + count)
    defer { position = end }
    return Array(bytes[position..<end])
  }
}

/// A file or standard input, read as needed.
struct HandleChunks: Chunks {
  let handle: FileHandle
  var byteCount: Int? = nil

  mutating func next(_ count: Int) -> [UInt8] {
    // A read error ends the input like its end; what was read is kept.
    Array((try? handle.read(upToCount: count)) ?? Data())
  }
}

/// Reads one input's bytes a part at a time and parses each part as soon as it holds whole
/// lines (JSON Lines) or whole days (digests), so that only a part is in memory.
struct CorpusStream {
  let source: String
  let partSize: Int

  private enum Format {
    case jsonLines, digest, array
  }

  /// Reads every chunk, calling `body` with each parsed part.
  func run<Source: Chunks>(_ chunks: inout Source, _ body: (CorpusPart) throws -> Void) rethrows {
    var pending: [UInt8] = []
    var bytesRead = 0
    var format: Format?
    var lineNumber = 1
    var sawText = false
    var atStart = true
    /// A JSON line too long to keep, being skipped: where it started and how long it is so far.
    var skipping: (line: Int, byteCount: Int)?

    func emit(_ result: CorpusReadResult) throws {
      try body(CorpusPart(result: result, bytesRead: bytesRead, byteCount: chunks.byteCount))
    }

    while true {
      let chunk = chunks.next(partSize)
      let atEnd = chunk.isEmpty
      bytesRead += chunk.count
      pending += chunk
      if atStart, pending.count >= 3 || atEnd {
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
        atStart = false
      }
      if !sawText {
        sawText = pending.contains { !($0 == 0x20 || (0x09...0x0D).contains($0)) }
      }
      if format == nil, !atStart, sawText || atEnd {
        guard sawText else { break }
        if let problem = CorpusReader.binaryProblem(in: pending[...]) {
          try emit(CorpusReader.failure(CorpusProblem(source: source, message: problem)))
          return
        }
        guard let firstLine = firstLine(of: pending, atEnd: atEnd) else { continue }
        guard let chosen = Self.format(source: source, firstLine: firstLine) else {
          try emit(
            CorpusReader.failure(
              CorpusProblem(
                source: source,
                message: "not a digest, JSON Lines or Hugging Face daily-papers file; expected "
                  + "'## Daily Papers (YYYY-MM-DD)', one JSON object a line, or a JSON array")))
          return
        }
        format = chosen
      }
      guard let format else {
        if atEnd { break }
        continue
      }
      switch format {
      case .array:
        if pending.count > CorpusReader.maximumArraySize {
          try emit(
            CorpusReader.failure(
              CorpusProblem(
                source: source,
                message: "a JSON array over \(formattedByteCount(CorpusReader.maximumArraySize)) "
                  + "is not read; split it, or write one JSON object a line (JSON Lines)")))
          return
        }
        if atEnd { try emit(HuggingFaceAPIParser.parse(pending, source: source)) }
      case .jsonLines, .digest:
        if let skipped = skipping {
          guard let end = pending.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
            skipping?.byteCount += pending.count
            pending.removeAll(keepingCapacity: true)
            if atEnd { try emit(tooLong(line: skipped.line, byteCount: skipped.byteCount)) }
            break
          }
          try emit(tooLong(line: skipped.line, byteCount: skipped.byteCount + end))
          skipping = nil
          let crlf = pending[end] == 0x0D && end + 1 < pending.count && pending[end + 1] == 0x0A
          pending.removeFirst(end + (crlf ? 2 : 1))
          lineNumber = skipped.line + 1
        }
        // A part is parsed once it is a part's size, or at the end: small files are one part.
        guard atEnd || pending.count >= partSize else { continue }
        let cut =
          atEnd ? pending.count : splitPoint(in: pending, format: format, isFirst: lineNumber == 1)
        if cut > 0 {
          let part = Array(pending[..<cut])
          pending.removeFirst(cut)
          try emit(
            format == .digest
              ? DigestParser.parse(part, source: source, firstLine: lineNumber)
              : JSONLinesParser.parse(part, source: source, firstLine: lineNumber))
          lineNumber += TextLines(bytes: part).ranges.count
        } else if format == .jsonLines, pending.count > TextLines.maximumLineLength {
          skipping = (lineNumber, pending.count)
          pending.removeAll(keepingCapacity: true)
        }
      }
      if atEnd { break }
    }
    if !sawText {
      try emit(
        CorpusReader.failure(
          CorpusProblem(
            source: source, message: "file is empty; expected a Daily Papers digest or JSON Lines"))
      )
    }
  }

  /// The problem of a JSON line too long to read.
  private func tooLong(line: Int, byteCount: Int) -> CorpusReadResult {
    CorpusReadResult(
      source: source,
      problems: [
        CorpusProblem(
          source: source, line: line, message: TextLines.Line.tooLongMessage(byteCount: byteCount))
      ], rejectedCount: 1)
  }

  /// The first non-blank line, once the bytes hold all of it (or the input has ended).
  private func firstLine(of bytes: [UInt8], atEnd: Bool) -> Substring? {
    guard let start = bytes.firstIndex(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) })
    else { return atEnd ? "" : nil }
    let end = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D }
    if end == nil, !atEnd, bytes.count - start < 4096 { return nil }
    let stop = min(end ?? bytes.count, start + 4096)
    return Substring(String(decoding: bytes[start..<stop], as: UTF8.self))
  }

  /// The format: the extension decides when it names one, else the first line.
  private static func format(source: String, firstLine: Substring) -> Format? {
    let fileExtension = (source as NSString).pathExtension.lowercased()
    if ["jsonl", "ndjson"].contains(fileExtension) { return .jsonLines }
    if ["md", "markdown"].contains(fileExtension) || DigestParser.looksLikeDigest(firstLine) {
      return .digest
    }
    if firstLine.hasPrefix("{") { return .jsonLines }
    if firstLine.hasPrefix("[") { return .array }
    return nil
  }

  /// Where the bytes can be cut so that the part before holds only whole lines (JSON Lines) or
  /// whole days (digests; the first part holds the first day's header, which a digest must
  /// have); 0 when they cannot be cut yet.
  private func splitPoint(in bytes: [UInt8], format: Format, isFirst: Bool) -> Int {
    switch format {
    case .jsonLines:
      if let newline = bytes.lastIndex(of: 0x0A) { return newline + 1 }
      // Old Mac line endings; a `\r` at the very end may be the first half of a `\r\n`.
      if let carriageReturn = bytes.dropLast().lastIndex(of: 0x0D) { return carriageReturn + 1 }
      return 0
    case .digest:
      // The start of the last line that is a day's header, outside fenced code (a license's
      // citation block may quote anything).
      let header = Array("## Daily Papers".utf8)
      let fence = Array("```".utf8)
      var cut = 0
      var headers = 0
      var inFence = false
      var start = 0
      while start < bytes.count {
        let end = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
        let line = bytes[start..<end].drop { $0 == 0x20 || $0 == 0x09 }
        if line.starts(with: fence) {
          inFence.toggle()
        } else if !inFence, bytes[start..<end].starts(with: header) {
          headers += 1
          if start > 0 { cut = start }
        }
        start = end + 1
      }
      return isFirst && headers < 2 ? 0 : cut
    case .array:
      return 0
    }
  }
}

extension CorpusReadResult {
  /// Adds a later part's papers and problems.
  mutating func append(_ part: CorpusReadResult) {
    papers += part.papers
    problems += part.problems
    rejectedCount += part.rejectedCount
  }
}
