import Foundation
import PaperCorpus
import Testing

/// Digests damaged as files are in the wild lose at most the damaged paper.
@Suite struct DamagedDigestTests {
  /// Three papers, one a paragraph; `summary(2)` is where the second paper's text goes.
  func digest(
    secondHeading: String = "### [Second](https://arxiv.org/abs/2406.00002)",
    secondSummary: String = "- 두 번째 논문의 요약입니다."
  ) -> String {
    """
    ## Daily Papers (2024-06-18)
    ### [First](https://arxiv.org/abs/2406.00001)
    Vote: 1
    - 첫 번째 논문의 요약입니다.
    \(secondHeading)
    Vote: 2
    \(secondSummary)
    ### [Third](https://arxiv.org/abs/2406.00003)
    Vote: 3
    - 세 번째 논문의 요약입니다.

    """
  }

  func ids(_ result: CorpusReadResult) -> [String] { result.papers.map(\.id.rawValue) }

  @Test func aByteOrderMarkIsSkipped() {
    let result = CorpusReader.parse([0xEF, 0xBB, 0xBF] + Array(digest().utf8), source: "d.txt")
    #expect(ids(result) == ["2406.00001", "2406.00002", "2406.00003"])
    #expect(result.problems.isEmpty)
    let lines = CorpusReader.parse(
      [0xEF, 0xBB, 0xBF] + Array("{\"id\": \"2406.00001\", \"title\": \"A\"}\n".utf8),
      source: "j.txt")
    #expect(ids(lines) == ["2406.00001"] && lines.problems.isEmpty)
  }

  @Test(arguments: ["\r\n", "\r"])
  func windowsAndOldMacLineEndingsRead(ending: String) {
    let text = digest().replacingOccurrences(of: "\n", with: ending)
    let result = CorpusReader.parse(Array(text.utf8), source: "d.md")
    #expect(ids(result) == ["2406.00001", "2406.00002", "2406.00003"])
    #expect(result.papers[1].summary == "두 번째 논문의 요약입니다.")
    #expect(result.problems.isEmpty)
  }

  @Test(arguments: [[UInt8]([0xFF]), [0x00], [0xED, 0xA0, 0x80]])
  func aBadByteInOnePaperIsReportedAndTheOthersAreKept(bad: [UInt8]) {
    let text = digest(secondSummary: "- 두 번째 BAD 요약")
    var bytes = Array(text.utf8)
    let marker = Array("BAD".utf8)
    let at = (0...(bytes.count - 3)).first { Array(bytes[$0..<($0 + 3)]) == marker } ?? 0
    bytes.replaceSubrange(at..<(at + 3), with: bad)
    let result = CorpusReader.parse(bytes, source: "d.md")
    #expect(ids(result) == ["2406.00001", "2406.00002", "2406.00003"])
    #expect(result.papers[1].summary.contains("\u{FFFD}"))
    #expect(result.papers[0].summary == "첫 번째 논문의 요약입니다.")
    #expect(result.problems.map(\.line) == [7])
  }

  @Test func aFileCutInTheMiddleOfACharacterKeepsEveryPaper() {
    var bytes = Array(digest().utf8)
    while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    bytes.removeLast(2)  // "다." ends in "." and a three-byte character: cut into it
    let result = CorpusReader.parse(bytes, source: "d.md")
    #expect(ids(result) == ["2406.00001", "2406.00002", "2406.00003"])
    #expect(result.problems.map(\.line) == [10])
  }

  @Test func aHeadingOverTheLineLimitLosesOnlyItsOwnPaper() {
    let long =
      "### [" + String(repeating: "긴 제목 ", count: 150_000) + "](https://arxiv.org/abs/2406.00002)"
    let result = CorpusReader.parse(Array(digest(secondHeading: long).utf8), source: "d.md")
    #expect(ids(result) == ["2406.00001", "2406.00003"])
    #expect(result.papers[0].summary == "첫 번째 논문의 요약입니다.")
    #expect(result.rejectedCount == 1)
    #expect(result.problems.map(\.line) == [5])
  }

  @Test func aSummaryLineOverTheLimitLosesOnlyItsPaper() {
    let long = "- " + String(repeating: "요약 ", count: 300_000)
    let result = CorpusReader.parse(Array(digest(secondSummary: long).utf8), source: "d.md")
    #expect(ids(result) == ["2406.00001", "2406.00003"])
    #expect(result.rejectedCount == 1)
  }

  @Test func laterDigestShapesReadAsTheirMeaning() throws {
    let result = CorpusReader.read(file: try fixturePath("later-variants.md"))
    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(ids(result) == ["2410.00001", "2410.00002"])
    let first = result.papers[0]
    #expect(first.authors == ["Mina Park", "Sean O'Neil", "Jae Kim"])
    #expect(first.votes == 7)
    #expect(
      first.sections.map(\.heading) == [
        "What's New", "Technical Details", "Performance Highlights",
      ])
    #expect(!first.summary.contains("*") && !first.summary.contains("video"))
    #expect(first.summary.hasPrefix("작은 expert"))
    let second = result.papers[1]
    #expect(second.authors == ["Ana Lopez", "Wei Chen"] && second.omitsAuthors)
    #expect(second.summary == "학습 없이 긴 문맥에서 필요한 구절을 찾습니다.")
  }
}
