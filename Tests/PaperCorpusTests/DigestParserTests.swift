import PaperCorpus
import Testing

@Suite struct DigestParserTests {
  let variants: CorpusReadResult

  init() throws {
    variants = CorpusReader.read(file: try fixturePath("variants.md"))
  }

  @Test func readsEveryEntryWithoutProblems() {
    #expect(variants.problems.isEmpty)
    #expect(variants.papers.map(\.id.rawValue) == ["2406.11430", "2403.04692"])
    #expect(variants.papers.allSatisfy { $0.dates.map(\.description) == ["2024-06-18"] })
  }

  @Test func keepsTeXAndSymbolsInTitles() {
    #expect(
      variants.papers[0].title
        == "A Simple and Effective $L_2$ Norm-Based Strategy for KV Cache Compression")
    #expect(variants.papers[1].title.hasPrefix("PixArt-Σ: Weak-to-Strong"))
  }

  @Test func votesAreCountsOrUnknown() {
    #expect(variants.papers[0].votes == 21)
    #expect(variants.papers[1].votes == nil)  // "Vote: -"
  }

  @Test func plusInAuthorListsMarksOmittedAuthors() {
    #expect(variants.papers[0].authors.count == 4)
    #expect(!variants.papers[0].omitsAuthors)
    #expect(
      variants.papers[1].authors == ["Junsong Chen", "Chongjian Ge", "Enze Xie", "Zhenguo Li"])
    #expect(variants.papers[1].omitsAuthors)
  }

  @Test func boldBulletsBecomeHeadedSections() {
    let sections = variants.papers[0].sections
    #expect(
      sections.map(\.heading) == ["What's New", "Technical Details", "Performance Highlights"])
    // Escaped markup is unescaped; a continuation line joins the bullet before it.
    #expect(
      sections[1].text == "norm이 큰 key를 버리는 규칙만으로, 추가 학습 없이 *메모리*를 아낍니다.\n이 줄은 앞 bullet에 이어지는 줄입니다."
    )
    #expect(sections[2].text.contains("https://github.com/example/kv-norm"))
  }

  @Test func plainBulletsBecomeHeadlessSections() {
    let sections = variants.papers[1].sections
    #expect(sections.count == 2)
    #expect(sections.allSatisfy { $0.heading == nil })
    #expect(sections[1].text == "모델 이름 \\(*X\\)처럼 escape된 표기도 읽습니다.")
  }

  @Test func severalDaysInOneFile() {
    let result = parse(
      """
      ## Daily Papers (2024-06-18)
      ### [One](https://arxiv.org/abs/2406.00001)
      ## Daily Papers (2024-03-08)
      ### [Two](https://arxiv.org/abs/2403.00002)
      """)
    #expect(result.problems.isEmpty)
    #expect(result.papers.map { $0.dates.map(\.description) } == [["2024-06-18"], ["2024-03-08"]])
  }

  @Test func windowsLineEndingsAreRead() {
    let result = parse(
      "## Daily Papers (2024-06-18)\r\n### [One](https://arxiv.org/abs/2406.00001)\r\nVote: 3\r\n")
    #expect(result.problems.isEmpty)
    #expect(result.papers.first?.votes == 3)
    #expect(result.papers.first?.title == "One")
  }

  @Test func headingWithoutLinkIsReportedAndTheRestIsKept() {
    let result = parse(
      """
      ## Daily Papers (2024-06-18)
      ### [Good](https://arxiv.org/abs/2406.00001)
      ### A heading with no link
      Vote: 3
      - text
      ### [Also good](https://arxiv.org/abs/2406.00002)
      """, name: "d.md")
    #expect(result.papers.map(\.title) == ["Good", "Also good"])
    #expect(result.rejectedCount == 1)
    #expect(
      result.problems.map(\.description) == [
        "d.md:3: paper heading has no arXiv link; expected '### [Title](https://arxiv.org/abs/ID)'"
      ])
  }

  @Test func linkToSomethingElseIsReported() {
    let result = parse("## Daily Papers (2024-06-18)\n### [X](https://example.com/paper)\n")
    #expect(result.papers.isEmpty)
    #expect(
      result.problems.first?.description.contains(
        "'https://example.com/paper' is not an arXiv link") == true)
  }

  @Test func badVoteIsReported() {
    let result = parse(
      "## Daily Papers (2024-06-18)\n### [X](https://arxiv.org/abs/2406.00001)\nVote: many\n")
    #expect(result.papers.isEmpty)
    #expect(result.problems.first?.line == 3)
  }

  @Test func impossibleDateRejectsItsEntriesWithOneMessage() {
    let result = parse(
      """
      ## Daily Papers (2024-02-30)
      ### [X](https://arxiv.org/abs/2406.00001)
      ### [Y](https://arxiv.org/abs/2406.00002)
      ## Daily Papers (2024-03-01)
      ### [Z](https://arxiv.org/abs/2406.00003)
      """, name: "d.md")
    #expect(result.papers.map(\.title) == ["Z"])
    #expect(result.rejectedCount == 2)
    #expect(
      result.problems.map(\.description) == [
        "d.md:1: '2024-02-30' is not a real date; expected '## Daily Papers (YYYY-MM-DD)'"
      ])
  }

  @Test func paperBeforeAnyHeaderIsReported() {
    let result = parse(
      "### [X](https://arxiv.org/abs/2406.00001)\n### [Y](https://arxiv.org/abs/2406.00002)\n")
    #expect(result.papers.isEmpty)
    #expect(result.rejectedCount == 2)
    #expect(result.problems.count == 1)
  }

  @Test func paperWithNoSummaryIsKept() {
    let result = parse(
      "## Daily Papers (2024-06-18)\n### [Bare](https://arxiv.org/abs/2406.00001)\n")
    #expect(result.papers.first?.sections == [])
    #expect(result.papers.first?.summary == "")
  }
}
