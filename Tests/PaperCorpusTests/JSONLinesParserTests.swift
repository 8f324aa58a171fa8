import Foundation
import Testing

@testable import PaperCorpus

@Suite struct JSONLinesParserTests {
  @Test func readsRecordsWithOptionalFields() throws {
    let result = CorpusReader.read(file: try fixturePath("papers.jsonl"))
    #expect(result.problems.isEmpty)
    #expect(result.papers.map(\.id.rawValue) == ["2406.11839", "2406.11827", "2406.10324"])
    let mdpo = result.papers[0]
    #expect(mdpo.authors == ["Fei Wang", "Hoifung Poon"] && mdpo.omitsAuthors)
    #expect(mdpo.dates.map(\.description) == ["2024-06-18"])
    #expect(mdpo.votes == 35)
    #expect(mdpo.summary == "이미지 조건을 함께 보는 선호 최적화.")
    #expect(result.papers[1].votes == nil && result.papers[1].summary.hasPrefix("off-policy"))
    #expect(result.papers[2].dates.isEmpty && result.papers[2].sections.isEmpty)
  }

  @Test(arguments: [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ("{\"title\": \"T\"}", "missing field 'id'"),
    ("{\"id\": \"nope\", \"title\": \"T\"}", "'nope' is not an arXiv id"),
    ("{\"id\": 2406.11839, \"title\": \"T\"}", "field 'id' has the wrong type; expected a string"),
    ("{\"id\": \"2406.11839\"}", "missing or empty field 'title'"),
    (
      "{\"id\": \"2406.11839\", \"title\": \"T\", \"votes\": \"12\"}",
      "field 'votes' has the wrong type"
    ),
    (
      "{\"id\": \"2406.11839\", \"title\": \"T\", \"authors\": 3}",
      "field 'authors' has the wrong type; expected an array of strings or one string"
    ),
    (
      "{\"id\": \"2406.11839\", \"title\": \"T\", \"authors\": [\"A\", 3]}",
      "field 'authors.[1]' has the wrong type"
    ),
    (
      "{\"id\": \"2406.11839\", \"title\": \"T\", \"date\": \"2024-02-30\"}",
      "'2024-02-30' is not a real YYYY-MM-DD date"
    ),
    ("{\"id\": \"2406.11839\", \"title\": \"T\", \"votes\": -4}", "is negative"),
  ])
  func badLinesAreReportedWithTheirLineNumber(line: String, message: String) {
    let good = "{\"id\": \"2406.00001\", \"title\": \"Good\"}"
    let result = parse(
      "\(good)\n\(line)\n\(good.replacingOccurrences(of: "00001", with: "00002"))\n",
      name: "p.jsonl")
    #expect(result.papers.map(\.id.rawValue) == ["2406.00001", "2406.00002"])
    #expect(result.rejectedCount == 1)
    #expect(result.problems.count == 1)
    #expect(result.problems.first?.line == 2)
    #expect(result.problems.first?.description.contains(message) == true, "\(result.problems)")
  }
}

@Suite struct SingleSpacedTests {
  @Test(arguments: [
    "  A title\n  on two   lines\t", "no change", "", " \r\n ", "x\u{00A0}\u{00A0}y",
    "왼쪽\u{3000}오른쪽", "a\u{2003}b\u{2028}c\u{205F}d\u{1680}e\u{0085}f", "em—dash “quoted” …",
    "\u{202F}edge\u{202F}", "é\u{0301}\u{2009}x",
  ])
  func runsOfWhiteSpaceBecomeOneSpace(text: String) {
    // What splitting on Unicode white space and joining with one space gives.
    let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(JSONLinesParser.singleSpaced(text) == expected)
  }
}
