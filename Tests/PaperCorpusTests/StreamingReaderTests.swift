import Foundation
import PaperCorpus
import Testing
import _TestSupport

/// Reading a part at a time gives what reading whole gives, whatever the part size, with only
/// a part in memory.
@Suite struct StreamingReaderTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  /// Every part's papers and problems, and the number of parts.
  func parts(of path: String, size: Int) -> (result: CorpusReadResult, parts: [Int]) {
    var whole = CorpusReadResult(source: path)
    var sizes: [Int] = []
    CorpusReader.forEachPart(of: .file(path), partSize: size) { part in
      whole.papers += part.result.papers
      whole.problems += part.result.problems
      whole.rejectedCount += part.result.rejectedCount
      sizes.append(part.result.papers.count)
    }
    return (whole, sizes)
  }

  /// JSON Lines with every line ending, a damaged line, a blank one and a bad record; and a
  /// digest of several days with a fenced block that quotes a header.
  func files() throws -> [String] {
    let records = (1...40).map {
      #"{"id": "2406.\#(String(format: "%05d", $0))", "title": "Paper \#($0)", "date": "2024-06-18"}"#
    }
    var mixed: [UInt8] = []
    for (number, record) in records.enumerated() {
      mixed +=
        Array(record.utf8) + (number % 3 == 0 ? [0x0D, 0x0A] : number % 3 == 1 ? [0x0A] : [0x0D])
      if number == 10 { mixed += Array(#"{"id": "bad", "title": "x"}"#.utf8) + [0x0A] }
      if number == 20 { mixed += [0x7B, 0xFF, 0x7D, 0x0A, 0x0A] }
    }
    let days = (1...6).map { day in
      "## Daily Papers (2024-06-0\(day))\n\n"
        + (1...5).map { paper in
          "### [Paper \(day).\(paper)](https://arxiv.org/abs/2406.0\(day)00\(paper))\n\nVote: \(paper)\n\nAuthors: A, B\n\n- **What's New**: 요약 \(day) \(paper).\n\n"
        }.joined()
    }
    let digest =
      "# Daily Papers\n\n" + days[0] + days[1]
      + "## Citation\n\n```\n## Daily Papers (2099-01-01)\n### [x](https://arxiv.org/abs/2410.99999)\n```\n\n"
      + days[2...].joined()
    return [
      try workspace.write("mixed.jsonl", bytes: mixed),
      try workspace.write("days.md", digest),
      try fixturePath("arxiv-snapshot.json"),
      try fixturePath("variants.md"),
      try fixturePath("later-variants.md"),
    ]
  }

  @Test(arguments: [1, 7, 100, 4096])
  func partsReadAsTheWholeFile(size: Int) throws {
    for path in try files() {
      let whole = CorpusReader.read(file: path)
      let streamed = parts(of: path, size: size).result
      #expect(streamed.papers == whole.papers, "\(path) in parts of \(size)")
      #expect(streamed.problems == whole.problems, "\(path) in parts of \(size)")
      #expect(streamed.rejectedCount == whole.rejectedCount)
    }
    let mixed = CorpusReader.read(file: try files()[0])
    #expect(mixed.papers.count == 40)
    #expect(mixed.problems.map(\.line) == [12, 23])  // the bad record and the damaged line
    #expect(CorpusReader.read(file: try files()[1]).papers.count == 30)
  }

  @Test func aLargeFileComesInPartsOfBoundedSize() throws {
    let line = { (n: Int) in
      #"{"id": "2406.\#(String(format: "%05d", n))", "title": "Paper \#(n)", "abstract": "\#(String(repeating: "텍스트 ", count: 20))"}"#
        + "\n"
    }
    let path = try workspace.write("big.jsonl", (1...3000).map(line).joined())
    let (result, parts) = parts(of: path, size: 16 << 10)
    #expect(result.papers.count == 3000 && result.problems.isEmpty)
    let size = try #require(
      (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue)
    #expect(parts.count >= size / (16 << 10) - 1)
    #expect(parts.max()! <= (16 << 10) / line(1).utf8.count + 1)
  }

  @Test func aLineLongerThanAPartIsSkippedAlone() throws {
    let good = { (n: Int) in #"{"id": "2406.0000\#(n)", "title": "Paper \#(n)"}"# + "\n" }
    let long =
      #"{"id": "2406.00009", "title": ""# + String(repeating: "x", count: 1_500_000) + "\"}\n"
    let path = try workspace.write("long.jsonl", good(1) + good(2) + long + good(3))
    let (result, _) = parts(of: path, size: 64 << 10)
    #expect(result.papers.map(\.id.rawValue) == ["2406.00001", "2406.00002", "2406.00003"])
    #expect(result.problems.map(\.line) == [3])
    #expect(result.problems.first?.message.contains("1.5 MB long") == true)
    #expect(result.rejectedCount == 1)
  }

  @Test func progressCountsTheBytesRead() throws {
    let path = try files()[1]
    let size = try #require(
      (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue)
    var seen: [Int] = []
    CorpusReader.forEachPart(of: .file(path), partSize: 200) { part in
      #expect(part.byteCount == size)
      seen.append(part.bytesRead)
    }
    #expect(seen == seen.sorted() && seen.last == size)
  }
}
