import PaperCorpus
import Testing

@Suite struct DayTests {
  @Test func parsesAndPrints() {
    #expect(Day("2024-06-18")?.description == "2024-06-18")
    #expect(Day("2024-02-29") != nil)  // 2024 is a leap year
  }

  @Test(arguments: [
    "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
    "2024-04-31", "2024-6-18", "24-06-18", "2024/06/18", "", "2024-06-18x",
    "0000-01-01", "2024-06-00", "2024--6-18", " 2024-06-1", "2024-06-1８", "2024-0618-",
  ])
  func rejectsImpossibleOrMalformedDates(text: String) {
    #expect(Day(text) == nil)
  }

  @Test func ordersChronologically() throws {
    let days = try ["2024-07-01", "2024-03-08", "2024-06-12"].map { try #require(Day($0)) }
    #expect(days.sorted().map(\.description) == ["2024-03-08", "2024-06-12", "2024-07-01"])
  }
}
