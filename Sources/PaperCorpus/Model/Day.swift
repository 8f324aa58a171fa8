/// A calendar day, as digests write it: `YYYY-MM-DD` (proleptic Gregorian, no time zone).
///
/// ```swift
/// Day("2024-06-18")?.description  // "2024-06-18"
/// Day("2024-02-30")               // nil: February has no 30th
/// ```
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The year, 1 to 9999.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to the month's length.
  public let day: Int

  /// Parses a `YYYY-MM-DD` date; fails when the text has another shape or names a day that
  /// does not exist.
  ///
  /// - Parameter text: Exactly four digits, a hyphen, two digits, a hyphen, two digits.
  public init?(_ text: some StringProtocol) {
    // Read byte by byte: every paper has days, and splitting the text into parts allocates.
    guard text.utf8.count == 10 else { return nil }
    var (year, month, day) = (0, 0, 0)
    for (position, byte) in text.utf8.enumerated() {
      if position == 4 || position == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      let digit = Int(byte - UInt8(ascii: "0"))
      if position < 4 {
        year = year * 10 + digit
      } else if position < 7 {
        month = month * 10 + digit
      } else {
        day = day * 10 + digit
      }
    }
    guard year >= 1, (1...12).contains(month), day >= 1,
      day <= Self.length(ofMonth: month, in: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The text form, as parsed.
  public var description: String {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }

  /// Orders earlier before later (ids: by their text).
  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The day `count` days later (earlier for a negative count); `nil` outside years 1–9999.
  public func adding(days count: Int) -> Day? {
    Day(daysSince1970: daysSince1970 + count)
  }

  /// Days since 1970-01-01 (negative before).
  public var daysSince1970: Int {
    // Howard Hinnant's days-from-civil: years start in March, so leap days come last.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day `number` days after 1970-01-01 (before, for a negative number); `nil` outside
  /// years 1–9999.
  public init?(daysSince1970 number: Int) {
    let z = number + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    guard (1...9999).contains(year) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day of an RFC 2822 date such as arXiv writes (`Mon, 2 Apr 2007 19:18:42 GMT`), as
  /// written (the time and zone are not applied); `nil` when the text is not one.
  ///
  /// - Parameter text: `[Weekday,] D Mon YYYY …`.
  public init?(rfc2822 text: String) {
    var parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    if let first = parts.first, first.first?.isLetter == true { parts.removeFirst() }
    let months = [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    guard parts.count >= 3, let day = Int(parts[0]), (1...31).contains(day),
      let month = months.firstIndex(of: parts[1].prefix(3).lowercased()),
      parts[2].count == 4, let year = Int(parts[2])
    else { return nil }
    let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    self.init("\(year)-\(pad(month + 1))-\(pad(day))")
  }

  /// Decodes the text form; malformed text is a `DecodingError.dataCorrupted`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
    }
    self = day
  }

  /// Encodes the text form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  private static func length(ofMonth month: Int, in year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
