import Affinity
import FileOutput
import Foundation
import PaperLibrary

/// A failure the user can act on; argument-parser prints it as `Error: …` and exits 1.
struct CommandError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }

  /// The command line's wording of a library error: what is wrong, and which option or command
  /// fixes it. Errors the libraries word fully, and argument-parser's own, pass through.
  static func wording(_ error: any Error) -> any Error {
    switch error {
    case let error as RecommendationError:
      return CommandError(wording(error))
    case TopicError.tooManyGroups(let requested, let papers):
      return CommandError(
        "asked for \(requested) groups of \(papers) papers; use --k \(papers) or fewer, or --k auto"
      )
    case OutputFileError.writeFailed("-", let reason):
      return CommandError("cannot write output: \(reason)")
    case LibraryError.cannotOpen:
      return CommandError("\(error); pass another path with --db")
    case let error as OutputFileError:
      guard case .notEnoughSpace = error else { return error }
      return CommandError("\(error); or narrow the papers with --date, --since or --ids")
    default:
      return error
    }
  }

  private static func wording(_ error: RecommendationError) -> String {
    switch error {
    case .unknownPaper(_, nil):
      "\(error); 'affinity list' (with the same --db, --corpus or --sample) shows them"
    case .unknownPaper: "\(error)"
    case .repeatedPaper: "\(error); name each paper once"
    case .emptyQuery: "\(error); give some words, or --file PATH (- for standard input)"
    case .emptyLibrary:
      "there are no papers to recommend from; add digests with 'affinity add PATH…' or use --sample"
    case .noPapersSelected(let condition?, let among):
      "no papers match \(flags(condition))"
        + (condition.isDays
          ? "; 'affinity info' shows the days there are"
          : " (of the \(among == 1 ? "1 paper" : "\(among) papers") it was applied to)")
    case .noPapersSelected(nil, _): "no papers were selected"
    }
  }
}

/// A filter condition as the options that set it: `--since 2024-06-01 --until 2024-06-30`.
func flags(_ condition: PaperFilter.Condition) -> String {
  switch condition {
  case .days(let date, let since, let until):
    [("--date", date), ("--since", since), ("--until", until)]
      .compactMap { flag, day in day.map { "\(flag) \($0)" } }.joined(separator: " ")
  case .author(let text): "--author '\(text)'"
  case .category(let name): "--category \(name)"
  case .minimumVotes(let minimum): "--min-votes \(minimum)"
  }
}

extension PaperFilter.Condition {
  /// Whether the condition is about days.
  var isDays: Bool {
    if case .days = self { true } else { false }
  }
}

/// Writes one line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
