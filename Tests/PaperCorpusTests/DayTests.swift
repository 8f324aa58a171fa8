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

@Suite struct DayArithmeticTests {
  @Test(arguments: [
    ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11_016), ("2024-03-01", 19_783),
    ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
  ])
  func daysSince1970(text: String, number: Int) throws {
    let day = try #require(Day(text))
    #expect(day.daysSince1970 == number)
    #expect(Day(daysSince1970: number) == day)
  }

  @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
    #expect(Day("2024-02-28")?.adding(days: 1) == Day("2024-02-29"))
    #expect(Day("2023-02-28")?.adding(days: 1) == Day("2023-03-01"))
    #expect(Day("2024-01-01")?.adding(days: -1) == Day("2023-12-31"))
    #expect(Day("2024-06-18")?.adding(days: -6) == Day("2024-06-12"))
    #expect(Day("9999-12-31")?.adding(days: 1) == nil)
    // Four centuries: each number is a valid day that round-trips and follows the one before,
    // so (146,097 days in 146,097 numbers) none is skipped.
    let start = Day("1900-01-01")!.daysSince1970
    var previous = Day("1899-12-31")!
    var wrong = 0
    for number in start..<(start + 146_097) {
      guard let day = Day(daysSince1970: number), day.daysSince1970 == number, day > previous,
        Day(day.description) == day
      else {
        wrong += 1
        continue
      }
      previous = day
    }
    #expect(wrong == 0)
    #expect(previous == Day("2299-12-31"))
  }
}
