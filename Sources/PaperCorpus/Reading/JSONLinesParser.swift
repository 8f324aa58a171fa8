import Foundation
import Parallel

/// Reads papers from JSON Lines: one JSON object a line, blank lines ignored.
///
/// ```
/// {"id": "2406.11839", "title": "mDPO", "authors": ["A", "B"], "date": "2024-06-18",
///  "votes": 12, "abstract": "…"}
/// ```
/// `id` and `title` are required; `authors` (array of strings), `date` (`YYYY-MM-DD`), `votes`
/// (integer or null) and `text` or `abstract` (string) are optional. A line that is not such an
/// object, or holds bytes that are not UTF-8 text, is reported with its line number and skipped.
public enum JSONLinesParser {
  /// Parses JSON Lines, a few hundred lines at a time on all cores.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - source: The file's name, for messages.
  /// - Returns: The papers and the problems found, in the order of the lines.
  /// - Complexity: O(*n*) in the size of the text.
  public static func parse(_ bytes: [UInt8], source: String) -> CorpusReadResult {
    let lines = TextLines(bytes: bytes)
    let ranges = lines.ranges
    let outcomes = Parallel.mapChunks(of: ranges.count, size: 256) { chunk in
      let decoder = JSONDecoder()
      return chunk.map { index in
        outcome(of: lines.line(index + 1, range: ranges[index]), source: source, decoder: decoder)
      }
    }
    var result = CorpusReadResult(source: source)
    for outcome in outcomes {
      switch outcome {
      case .success(let paper): result.papers.append(paper)
      case .failure(let problem):
        result.problems.append(problem)
        result.rejectedCount += 1
      case nil: break
      }
    }
    return result
  }

  /// A line's paper, or why it is not one; `nil` for a blank line.
  private static func outcome(
    of line: TextLines.Line, source: String, decoder: JSONDecoder
  ) -> Result<Paper, CorpusProblem>? {
    switch line {
    case .tooLong(let number, let byteCount, _):
      return .failure(
        CorpusProblem(
          source: source, line: number,
          message: TextLines.Line.tooLongMessage(byteCount: byteCount)))
    case .text(let number, _, damaged: true):
      return .failure(
        CorpusProblem(source: source, line: number, message: TextLines.Line.damagedMessage))
    case .text(let number, let text, damaged: false):
      if text.trimmingWhitespace().isEmpty { return nil }
      return Result { () throws(Rejection) in try paper(fromJSON: text, decoder: decoder) }
        .mapError { CorpusProblem(source: source, line: number, message: $0.message) }
    }
  }

  /// One record's fields, all optional so that each missing one gets its own message.
  private struct Record: Decodable {
    var id: String?
    var title: String?
    var authors: [String]?
    var date: String?
    var votes: Int?
    var text: String?
    var abstract: String?
  }

  /// Why a line is not a paper record.
  private struct Rejection: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  private static func paper(fromJSON text: String, decoder: JSONDecoder) throws(Rejection) -> Paper
  {
    let record: Record
    do {
      record = try decoder.decode(Record.self, from: Data(text.utf8))
    } catch let error as DecodingError {
      throw Rejection(message(for: error))
    } catch {
      throw Rejection("not a JSON object: \(error)")
    }
    guard let rawID = record.id else { throw Rejection("missing field 'id' (an arXiv id)") }
    guard let id = ArxivID(rawID) else {
      throw Rejection("field 'id': '\(rawID)' is not an arXiv id (expected e.g. 2406.11839)")
    }
    guard let title = record.title?.trimmingWhitespace(), !title.isEmpty else {
      throw Rejection("missing or empty field 'title'")
    }
    var dates: [Day] = []
    if let rawDate = record.date {
      guard let day = Day(rawDate) else {
        throw Rejection("field 'date': '\(rawDate)' is not a real YYYY-MM-DD date")
      }
      dates = [day]
    }
    if let votes = record.votes, votes < 0 {
      throw Rejection("field 'votes': \(votes) is negative; expected a count or null")
    }
    let names = (record.authors ?? []).map { $0.trimmingWhitespace() }
    let body = (record.text ?? record.abstract ?? "").trimmingWhitespace()
    return Paper(
      id: id, title: title, authors: names.filter { !$0.isEmpty && $0 != "+" },
      omitsAuthors: names.contains("+"), dates: dates, votes: record.votes,
      sections: body.isEmpty ? [] : [SummarySection(text: body)])
  }

  /// A one-line message naming the field and the expected type.
  private static func message(for error: DecodingError) -> String {
    func field(_ path: [any CodingKey]) -> String {
      path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    let expected: [String: String] = [
      "id": "a string", "title": "a string", "authors": "an array of strings",
      "date": "a 'YYYY-MM-DD' string", "votes": "an integer or null", "text": "a string",
      "abstract": "a string",
    ]
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      guard let key = context.codingPath.first else {
        return "expected a JSON object with 'id' and 'title'"
      }
      let name = field(context.codingPath)
      return
        "field '\(name)' has the wrong type; expected \(expected[key.stringValue] ?? "another type")"
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return "not valid JSON; expected one JSON object a line"
    case .dataCorrupted(let context):
      return "field '\(field(context.codingPath))': \(context.debugDescription)"
    case .keyNotFound(let key, _):
      return "missing field '\(key.stringValue)'"
    @unknown default:
      return "not a paper record: \(error)"
    }
  }
}
