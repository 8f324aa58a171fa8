import PaperCorpus
import Testing

@Suite struct ArxivIDTests {
  @Test(arguments: [
    "2406.11839", "2406.11839v2", "arXiv:2406.11839", "https://arxiv.org/abs/2406.11839",
    "http://arxiv.org/abs/2406.11839v1", "https://arxiv.org/pdf/2406.11839.pdf",
    "https://arxiv.org/pdf/2406.11839v3", "abs/2406.11839", "pdf/2406.11839v2.pdf",
    "  2406.11839  ", "https://www.arxiv.org/abs/2406.11839?context=cs",
    "https://huggingface.co/papers/2406.11839",
    "https://huggingface.co/papers/2406.11839#community",
    "huggingface.co/papers/2406.11839", "https://arxiv.org/html/2406.11839v2",
    "http://www.arxiv.org/html/2406.11839", "arxiv.org/abs/2406.11839", "ARXIV:2406.11839",
  ])
  func normalisesLinksAndVersions(text: String) {
    #expect(ArxivID(text)?.rawValue == "2406.11839")
  }

  @Test func keepsFourDigitSequenceNumbers() {
    #expect(ArxivID("1501.0001v4")?.rawValue == "1501.0001")
    #expect(ArxivID("1501.0001")?.rawValue == "1501.0001")
  }

  @Test func readsOldStyleIDs() {
    #expect(ArxivID("hep-th/9901001v2")?.rawValue == "hep-th/9901001")
    #expect(ArxivID("https://arxiv.org/abs/math.GT/0309136")?.rawValue == "math.GT/0309136")
  }

  @Test(arguments: [
    "", "2406", "2406.118", "2413.11839", "24061.1839", "hello", "2406.11839x", "v2",
    "2400.11839", "2406.118391", "2406-11839", "2406.1183a", "２４０６.11839",
  ])
  func rejectsWhatIsNotAnID(text: String) {
    #expect(ArxivID(text) == nil)
  }
}

@Suite struct ClosestArxivIDTests {
  let ids = ["2406.10670", "2406.11839", "2406.11827", "hep-th/9901001"].compactMap(ArxivID.init)

  @Test(arguments: [
    ("2406.1067", "2406.10670"),  // a digit short
    ("2406.10607", "2406.10670"),  // two swapped
    ("2406.11838", "2406.11839"),  // one wrong
    ("hep-th/9901002", "hep-th/9901001"),
    ("2406.19999", nil), ("2406.11839", nil),
  ])
  func oneSlipAwayIsSuggested(typed: String, expected: String?) throws {
    let id = try #require(ArxivID(typed))
    #expect(id.closest(among: ids)?.rawValue == expected, "\(typed)")
  }
}
