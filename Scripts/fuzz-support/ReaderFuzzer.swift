// libFuzzer's entry point over Affinity's digest and JSON Lines readers, built by Scripts/fuzz.
//
// Each input is read as a digest and as JSON Lines. Beyond not crashing or hanging, the readers
// must lose no valid paper: every entry that reads as a paper on its own (a JSON Lines line, or a
// digest entry under its day's header) is among the papers read from the whole input.
import PaperCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let asJSONLines = CorpusReader.parse(bytes, source: "input.jsonl")
  let asDigest = CorpusReader.parse(bytes, source: "input.md")
  guard !isBinary(asDigest) else { return 0 }
  for line in lines(of: bytes) where line.contains(UInt8(ascii: "{")) {
    for paper in CorpusReader.parse(line, source: "line.jsonl").papers {
      require(asJSONLines.papers.contains(paper), "JSON Lines lost \(paper.id)")
    }
  }
  for entry in digestEntries(of: bytes) {
    for paper in CorpusReader.parse(entry, source: "entry.md").papers {
      require(asDigest.papers.contains { $0.id == paper.id }, "the digest lost \(paper.id)")
    }
  }
  return 0
}

/// Whether the reader refused the input as a whole (binary data): no paper can be lost then.
private func isBinary(_ result: CorpusReadResult) -> Bool {
  result.papers.isEmpty && result.problems.count == 1 && result.problems[0].line == nil
}

/// The input's lines, split as the readers split them (`\n`, `\r\n`, `\r`).
private func lines(of bytes: [UInt8]) -> [[UInt8]] {
  var lines: [[UInt8]] = []
  var line: [UInt8] = []
  var index = 0
  while index < bytes.count {
    let byte = bytes[index]
    if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
      lines.append(line)
      line = []
      if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
        index += 1
      }
    } else {
      line.append(byte)
    }
    index += 1
  }
  lines.append(line)
  return lines
}

/// Each `### ` entry that stands under a `## Daily Papers` header, with that header, as a digest
/// of its own; entries of other sections (a preamble, a license: skipped whole, fenced code
/// included) are no papers.
private func digestEntries(of bytes: [UInt8]) -> [[UInt8]] {
  var entries: [[UInt8]] = []
  var header: [UInt8]?
  var entry: [UInt8]?
  var (inOtherSection, inFence) = (false, false)
  func finish() {
    if let entry, let header { entries.append(header + [UInt8(ascii: "\n")] + entry) }
    entry = nil
  }
  for line in lines(of: bytes) {
    let text = String(decoding: line, as: UTF8.self).drop(while: \.isWhitespace)
    if inOtherSection, text.hasPrefix("```") {
      inFence.toggle()
    } else if inFence {
      continue
    } else if text.hasPrefix("## Daily Papers") {
      finish()
      (header, inOtherSection) = (line, false)
    } else if text.hasPrefix("# ") || text.hasPrefix("## ") {
      finish()
      (header, inOtherSection) = (nil, true)
    } else if text.hasPrefix("### ") {
      finish()
      entry = line
    } else if entry != nil {
      entry? += [UInt8(ascii: "\n")] + line
    }
  }
  finish()
  return entries
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}
