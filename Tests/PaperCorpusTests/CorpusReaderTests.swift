import Foundation
import PaperCorpus
import Testing

@Suite struct CorpusReaderTests {
  @Test(arguments: ["", "\n\n  \n"])
  func emptyFileIsReported(text: String) {
    let result = parse(text, name: "empty.md")
    #expect(result.papers.isEmpty)
    #expect(
      result.problems.map(\.description) == [
        "empty.md: file is empty; expected a Daily Papers digest or JSON Lines"
      ])
  }

  @Test func randomBytesAreReported() {
    // A fixed pseudo-random byte sequence (a linear congruential generator, seed 1).
    var state: UInt32 = 1
    let bytes = (0..<4096).map { _ -> UInt8 in
      state = state &* 1_664_525 &+ 1_013_904_223
      return UInt8(truncatingIfNeeded: state >> 24)
    }
    let result = CorpusReader.parse(bytes, source: "noise.bin")
    #expect(result.papers.isEmpty)
    #expect(result.problems.count == 1)
    #expect(
      result.problems.first?.description.hasPrefix("noise.bin: binary data, not text (") == true)
  }

  @Test func aPDFIsRejectedWhole() {
    var bytes = Array(
      "%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n<< /Length 300 /Filter /FlateDecode >>\nstream\n".utf8)
    var state: UInt32 = 7
    bytes += (0..<3000).map { _ -> UInt8 in
      state = state &* 1_664_525 &+ 1_013_904_223
      return UInt8(truncatingIfNeeded: state >> 24)
    }
    let result = CorpusReader.parse(bytes, source: "paper.pdf")
    #expect(result.papers.isEmpty && result.rejectedCount == 0)
    #expect(result.problems.map(\.message).first?.hasPrefix("binary data, not text") == true)
  }

  @Test func aDamagedLineIsReportedAndItsPaperKeptWithReplacementCharacters() {
    var bytes = Array(
      "## Daily Papers (2024-06-18)\n### [X](https://arxiv.org/abs/2406.00001)\n- 요약".utf8)
    bytes.append(0xFF)
    let result = CorpusReader.parse(bytes, source: "bad.md")
    #expect(result.papers.map(\.summary) == ["요약\u{FFFD}"])
    #expect(
      result.problems.map(\.description) == [
        "bad.md:3: bytes that are not UTF-8 text (invalid or NUL) were replaced with U+FFFD; "
          + "save the file as UTF-8"
      ])
  }

  @Test func aDamagedJSONLinesLineLosesOnlyItself() {
    let text = Array(
      "{\"id\": \"2406.00001\", \"title\": \"모델\"}\n{\"id\": \"2406.00002\", \"title\": \"요약\"}\n"
        .utf8)
    #expect(text.count == 80)
    #expect(CorpusReader.parse(text, source: "a.jsonl").problems.isEmpty)
    func problem(_ bytes: [UInt8]) -> String? {
      CorpusReader.parse(bytes, source: "a.jsonl").problems.first?.description
    }
    // A bad line of JSON Lines loses only itself.
    for (tail, line) in [([0x41, 0x00], 3), ([0x0A, 0xC3, 0x28, 0x00], 4)] {
      let result = CorpusReader.parse(text + tail.map(UInt8.init), source: "a.jsonl")
      #expect(result.papers.map(\.id.rawValue) == ["2406.00001", "2406.00002"])
      #expect(result.rejectedCount == 1)
      #expect(
        result.problems.map(\.description) == [
          "a.jsonl:\(line): bytes that are not UTF-8 text (invalid or NUL) were replaced with "
            + "U+FFFD; save the file as UTF-8"
        ])
    }
  }

  @Test func textThatIsNeitherFormatIsReported() {
    let result = parse("Dear reader,\nthis is a letter.\n", name: "letter.txt")
    #expect(
      result.problems.first?.description.contains(
        "not a digest, JSON Lines or Hugging Face daily-papers file") == true)
  }

  @Test func aTwentyMegabyteLineRejectsOnlyItsEntry() {
    let huge = String(repeating: "가", count: 7_000_000)  // 21 MB of UTF-8
    let text = """
      ## Daily Papers (2024-06-18)
      ### [Huge](https://arxiv.org/abs/2406.00001)
      - \(huge)
      ### [Small](https://arxiv.org/abs/2406.00002)
      - fine
      """
    let result = parse(text, name: "big.md")
    #expect(result.papers.map(\.title) == ["Small"])
    #expect(result.rejectedCount == 1)
    #expect(
      result.problems.map(\.description) == [
        "big.md:3: line is 21.0 MB long; lines longer than 1.0 MB are not read"
      ])
  }

  @Test func aTwentyMegabyteJSONLineIsRejected() {
    let text =
      "{\"id\": \"2406.00001\", \"title\": \"\(String(repeating: "x", count: 20_000_000))\"}\n"
      + "{\"id\": \"2406.00002\", \"title\": \"Small\"}\n"
    let result = parse(text, name: "big.jsonl")
    #expect(result.papers.map(\.title) == ["Small"])
    #expect(result.problems.first?.line == 1)
  }

  @Test func missingPathIsReported() {
    let results = CorpusReader.read(paths: ["/no/such/digests"])
    #expect(
      results.map { $0.problems.map(\.description) } == [
        ["/no/such/digests: no such file or folder"]
      ])
  }

  @Test func folderWithoutDigestsIsReported() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("x".utf8).write(to: folder.appendingPathComponent("image.png"))
    let results = CorpusReader.read(paths: [folder.path])
    #expect(results.first?.problems.first?.message.contains("folder has no digests") == true)
  }

  @Test func foldersAreReadRecursivelyInNameOrderSkippingOtherFiles() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let nested = folder.appendingPathComponent("nested")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try Data("## Daily Papers (2024-06-12)\n### [B](https://arxiv.org/abs/2406.00002)\n".utf8)
      .write(to: folder.appendingPathComponent("b.md"))
    try Data("## Daily Papers (2024-07-01)\n### [A](https://arxiv.org/abs/2406.00001)\n".utf8)
      .write(to: folder.appendingPathComponent("a.txt"))
    try Data("{\"id\": \"2406.00003\", \"title\": \"C\"}\n".utf8)
      .write(to: nested.appendingPathComponent("c.jsonl"))
    try Data("ignored".utf8).write(to: folder.appendingPathComponent("notes.pdf"))
    try Data("ignored".utf8).write(to: folder.appendingPathComponent(".hidden.md"))
    let results = CorpusReader.read(paths: [folder.path])
    #expect(
      results.map { ($0.source as NSString).lastPathComponent } == ["a.txt", "b.md", "c.jsonl"])
    #expect(results.flatMap(\.papers).map(\.title) == ["A", "B", "C"])
    #expect(results.allSatisfy { $0.problems.isEmpty })
  }
}
