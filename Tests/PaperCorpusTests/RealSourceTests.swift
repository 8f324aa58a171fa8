import Foundation
import PaperCorpus
import Testing

/// The arXiv metadata snapshot and the Hugging Face daily-papers API, read as they come, chosen
/// by their content (fixtures in their shapes, with our own texts).
@Suite struct RealSourceTests {
  @Test func readsTheArxivSnapshot() throws {
    let result = CorpusReader.read(file: try fixturePath("arxiv-snapshot.json"))
    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(result.papers.map(\.id.rawValue) == ["0704.0001", "hep-th/9901001", "2406.11839"])
    let first = result.papers[0]
    #expect(first.title == "A made-up study of photon pairs at two colliders")
    #expect(first.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"])
    #expect(first.dates.map(\.description) == ["2007-04-02"])  // the first version's day
    #expect(first.categories == ["hep-ph"])
    #expect(
      first.summary
        == "We write our own short text here to stand for an abstract. It spans two lines.")
    let second = result.papers[1]
    // One string of authors, with an affiliation, accents and a serial 'and'.
    #expect(second.authors == ["J. Müller", "K. Çelik", "L. Dvořák"])
    #expect(second.categories == ["hep-th", "math-ph", "math.MP"])
    #expect(second.dates.map(\.description) == ["1999-01-01"])
    // No version dates: update_date is the day.
    #expect(result.papers[2].dates.map(\.description) == ["2024-06-18"])
    #expect(result.papers[2].authors == ["Fei Wang", "Hoifung Poon"])
  }

  @Test func readsTheHuggingFaceAPI() throws {
    let result = CorpusReader.read(file: try fixturePath("hf-daily-papers.json"))
    #expect(result.papers.map(\.id.rawValue) == ["2406.11839", "2406.10324"])
    let mdpo = result.papers[0]
    #expect(
      mdpo.title == "mDPO: Conditional Preference Optimization for Multimodal Large Language Models"
    )
    #expect(mdpo.authors == ["Fei Wang", "Wenxuan Zhou", "Hoifung Poon"])  // hidden ones too
    #expect(mdpo.dates.map(\.description) == ["2024-06-18"])  // the day listed, not submitted
    #expect(mdpo.votes == 37)
    #expect(mdpo.summary.hasPrefix("Our own words: a preference"))
    #expect(result.rejectedCount == 2)
    #expect(
      result.problems.map(\.message) == [
        "item 3: missing field 'paper.id' (an arXiv id)",
        "item 4: not a paper object (expected an object)",
      ])
  }

  @Test func contentDecidesTheFormatWhateverTheName() throws {
    let snapshot = try Array(
      Data(contentsOf: URL(fileURLWithPath: fixturePath("arxiv-snapshot.json"))))
    let api = try Array(Data(contentsOf: URL(fileURLWithPath: fixturePath("hf-daily-papers.json"))))
    #expect(CorpusReader.parse(snapshot, source: "download").papers.count == 3)
    #expect(CorpusReader.parse(api, source: "papers.txt").papers.count == 2)
    let wrong = CorpusReader.parse(Array("[1, 2".utf8), source: "x.json")
    #expect(wrong.papers.isEmpty)
    #expect(wrong.problems.first?.message.contains("not a Hugging Face daily-papers list") == true)
  }

  @Test(arguments: [
    ("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02"), ("2 Apr 2007 19:18:42 GMT", "2007-04-02"),
    ("Tue, 29 Feb 2000 00:00:00 +0000", "2000-02-29"), ("Wed, 31 Apr 2007 1:00:00 GMT", nil),
    ("yesterday", nil), ("", nil),
  ])
  func rfc2822Days(text: String, day: String?) {
    #expect(Day(rfc2822: text)?.description == day)
  }
}
