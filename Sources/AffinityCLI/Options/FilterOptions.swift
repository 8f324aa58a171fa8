import ArgumentParser
import Foundation
import PaperCorpus
import PaperLibrary

/// `--date`, `--since`, `--until`, `--category`, `--author` and `--min-votes`: which papers a
/// command reads.
struct FilterOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Only papers listed on this day: YYYY-MM-DD, today or yesterday.", valueName: "day"))
  var date: DayArgument?

  @Option(
    help: ArgumentHelp(
      "Only papers listed on this day or later: YYYY-MM-DD, today, yesterday, or a span back from today such as 7d (the last 7 days) or 2w.",
      valueName: "day"))
  var since: DayArgument?

  @Option(
    help: ArgumentHelp(
      "Only papers listed on this day or earlier (the same forms as --since).", valueName: "day"))
  var until: DayArgument?

  @Option(
    help: ArgumentHelp(
      "Only papers in this arXiv category (cs.CL) or archive (cs: any cs. category).",
      valueName: "category"))
  var category: String?

  @Option(
    help: ArgumentHelp(
      "Only papers with an author whose name contains this text (any case and accents).",
      valueName: "name"))
  var author: String?

  @Option(
    name: .customLong("min-votes"), parsing: .unconditional,
    help: ArgumentHelp("Only papers with at least this many votes.", valueName: "n"))
  var minimumVotes: Int?

  func validate() throws {
    if let author, author.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--author needs part of a name.")
    }
    if let category, category.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--category needs a category such as cs.CL, or an archive such as cs.")
    }
    if let minimumVotes, minimumVotes < 0 {
      throw ValidationError("--min-votes must be 0 or more (got \(minimumVotes)).")
    }
    if let since, let until, since.day > until.day {
      throw ValidationError("--since \(since.day) is after --until \(until.day).")
    }
  }

  /// The filter, with relative days resolved against today's date where the user is.
  var filter: PaperFilter {
    PaperFilter(
      date: date?.day, since: since?.day, until: until?.day,
      author: author?.trimmingCharacters(in: .whitespaces), minimumVotes: minimumVotes,
      category: category?.trimmingCharacters(in: .whitespaces))
  }
}

/// A day as a filter option takes it: `YYYY-MM-DD`, `today`, `yesterday`, or a span back from
/// today (`7d`: the last seven days, today included; `2w`: the last fourteen).
struct DayArgument: ExpressibleByArgument {
  /// The day meant, resolved when the argument was parsed.
  let day: Day

  init?(argument: String) {
    guard let today = Self.today(), let day = Self.day(argument, today: today) else { return nil }
    self.day = day
  }

  /// The day a text names, relative to `today`; `nil` when it is not one of the forms.
  static func day(_ text: String, today: Day) -> Day? {
    let text = text.lowercased()
    switch text {
    case "today": return today
    case "yesterday": return today.adding(days: -1)
    default: break
    }
    if let day = Day(text) { return day }
    guard let unit = text.last, let length = ["d": 1, "w": 7][String(unit)],
      let count = Int(text.dropLast()), count >= 1, count <= 100_000
    else { return nil }
    return today.adding(days: -(count * length - 1))
  }

  /// Today where the user is (the local time zone); `nil` only if the clock is past year 9999.
  static func today() -> Day? {
    let now = Date()
    let seconds = now.timeIntervalSince1970 + Double(TimeZone.current.secondsFromGMT(for: now))
    return Day(daysSince1970: Int((seconds / 86_400).rounded(.down)))
  }
}
