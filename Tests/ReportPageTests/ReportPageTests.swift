import Affinity
import Foundation
import PaperCorpus
import ReportPage
import Testing

@Suite struct ReportPageTests {
  /// `count` papers in `topics` made-up topics over `days` days.
  static func papers(_ count: Int, topics: Int, days: Int) -> [Paper] {
    var state: UInt64 = 5
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    func word() -> String { String((0..<(4 + next(5))).map { _ in letters[next(26)] }) }
    let common = (0..<150).map { _ in word() }
    let vocabularies = (0..<topics).map { _ in (0..<20).map { _ in word() } }
    return (0..<count).map { index in
      let vocabulary = vocabularies[next(topics)]
      return Paper(
        id: ArxivID(String(format: "2407.%05d", index + 1))!,
        title: "<\(vocabulary[0])> & "
          + (0..<4).map { _ in vocabulary[next(20)] }.joined(separator: " "),
        authors: ["A. Author", "B. Écrivain"],
        dates: [Day(String(format: "2024-07-%02d", 1 + index % days))!], votes: index % 7,
        sections: [
          SummarySection(
            text: (0..<70).map { _ in next(3) == 0 ? vocabulary[next(20)] : common[next(150)] }
              .joined(separator: " "))
        ])
    }
  }

  static func page(_ papers: [Paper], forYou: [Recommendation] = []) throws -> String {
    let map = try Recommender(papers: papers).topicMap()
    return ReportPage(map: map, title: "a span", forYou: forYou).html()
  }

  @Test func everyPaperHasOneMarkAndOneListEntry() throws {
    let papers = Self.papers(40, topics: 4, days: 1)
    let html = try Self.page(papers)
    for paper in papers {
      #expect(html.components(separatedBy: "data-id=\"\(paper.id.rawValue)\"").count == 2)
      #expect(html.contains("<a href=\"https://arxiv.org/abs/\(paper.id.rawValue)\">"))
    }
    #expect(html.components(separatedBy: "class=\"mark\"").count == 41)
    #expect(html.contains("id=\"map\"") && html.contains("id=\"similarities\""))
    #expect(html.contains("id=\"groups\""))
    #expect(!html.contains("id=\"timeline\""), "one day has no timeline")
    #expect(!html.contains("id=\"for-you\""), "nothing liked")
  }

  @Test func textIsEscapedAndNothingIsFetched() throws {
    let html = try Self.page(Self.papers(30, topics: 3, days: 2))
    #expect(html.contains("&lt;") && html.contains("&amp;"))
    #expect(!html.contains("<script src") && !html.contains("<link") && !html.contains("@import"))
    #expect(!html.contains("url(http"))
    let links = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(links.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://arxiv.org/abs/") })
  }

  @Test func theSamePapersGiveTheSameBytesWhateverTheirOrder() throws {
    let papers = Self.papers(60, topics: 5, days: 3)
    #expect(try Self.page(papers) == Self.page(papers.reversed()))
  }

  @Test func severalDaysHaveATimelineAndALargeSpanAGroupHeatmap() throws {
    let html = try Self.page(Self.papers(400, topics: 30, days: 6))
    #expect(html.contains("id=\"timeline\""))
    #expect(html.contains("each top-level group against each"))
    #expect(html.contains("as a hierarchy"))
    #expect(html.components(separatedBy: "class=\"mark\"").count == 401)
  }

  @Test func likedPapersBringAForYouSectionWithReasons() throws {
    let papers = Self.papers(30, topics: 3, days: 1)
    let recommender = Recommender(papers: papers)
    let liked = [papers[0].id]
    let forYou = try recommender.related(
      to: ReadingProfile(liked: liked), count: 5, explained: true)
    let page = ReportPage(
      map: try recommender.topicMap(), title: "x", forYou: forYou,
      likedTitles: [papers[0].id: "The liked one"])
    let html = page.html()
    #expect(html.contains("id=\"for-you\""))
    #expect(html.contains("near The liked one"))
    #expect(html.contains("shares "))
  }

  @Test func aMapKeepsEveryPointInsideTheUnitSquare() throws {
    for papers in [Self.papers(40, topics: 4, days: 1), Self.papers(400, topics: 30, days: 6)] {
      let map = try Recommender(papers: papers).topicMap()
      #expect(map.points.count == papers.count)
      #expect(map.points.allSatisfy { (0...1).contains($0.x) && (0...1).contains($0.y) })
      #expect(map.centres.count == map.topics.groups.count)
      #expect(map.heatmap.values.rows == map.heatmap.names.count)
    }
  }
}
