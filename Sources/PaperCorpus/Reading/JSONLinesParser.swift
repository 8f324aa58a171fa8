import Foundation
import Parallel

/// Reads papers from JSON Lines: one JSON object a line, blank lines ignored.
///
/// ```
/// {"id": "2406.11839", "title": "mDPO", "authors": ["A", "B"], "date": "2024-06-18",
///  "votes": 12, "abstract": "…", "categories": ["cs.CV"]}
/// ```
/// `id` and `title` are required; `authors` (array of strings), `date` (`YYYY-MM-DD`), `votes`
/// (integer or null), `text` or `abstract` (string) and `categories` are optional. A line that
/// is not such an object, or holds bytes that are not UTF-8 text, is reported with its line
/// number and skipped.
///
/// Records of the arXiv metadata snapshot read as they are: `authors` as one string
/// (`A, B and C`, with LaTeX accents such as `Bal\'azs`) or, when present, `authors_parsed`
/// (`[last, first, suffix]` each); `categories` space-separated; the day listed is the first
/// of `versions`' `created` dates (RFC 2822), else `update_date`. Runs of white space in titles
/// and abstracts (the snapshot's line breaks) become one space.
public enum JSONLinesParser {
  /// Parses JSON Lines, a few hundred lines at a time on all cores.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents, or whole lines of them.
  ///   - source: The file's name, for messages.
  ///   - firstLine: The number of the first line.
  /// - Returns: The papers and the problems found, in the order of the lines.
  /// - Complexity: O(*n*) in the size of the text.
  public static func parse(_ bytes: [UInt8], source: String, firstLine: Int = 1)
    -> CorpusReadResult
  {
    let lines = TextLines(bytes: bytes)
    let ranges = lines.ranges
    let outcomes = Parallel.mapChunks(of: ranges.count, size: 256) { chunk in
      let decoder = JSONDecoder()
      return chunk.map { index in
        outcome(
          of: lines.line(firstLine + index, range: ranges[index]), source: source,
          decoder: decoder)
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
    var authors: Authors?
    var authorsParsed: [[String]]?
    var date: String?
    var votes: Int?
    var text: String?
    var abstract: String?
    var categories: Categories?
    var versions: [Version]?
    var updateDate: String?

    enum CodingKeys: String, CodingKey {
      case id, title, authors, date, votes, text, abstract, categories, versions
      case authorsParsed = "authors_parsed"
      case updateDate = "update_date"
    }
  }

  /// Authors as an array of names, or as one string (the arXiv snapshot's `A, B and C`).
  private enum Authors: Decodable {
    case names([String])
    case text(String)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self) {
        self = .text(text)
      } else {
        self = .names(try container.decode([String].self))
      }
    }
  }

  /// Categories as an array, or space-separated in one string (the arXiv snapshot).
  private struct Categories: Decodable {
    var names: [String]

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self) {
        names = text.split(whereSeparator: \.isWhitespace).map(String.init)
      } else {
        names = try container.decode([String].self)
      }
    }
  }

  /// One of an arXiv paper's versions; `created` is an RFC 2822 date.
  private struct Version: Decodable {
    var created: String?
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
    guard let title = record.title.map(singleSpaced), !title.isEmpty else {
      throw Rejection("missing or empty field 'title'")
    }
    var dates: [Day] = []
    if let rawDate = record.date {
      guard let day = Day(rawDate) else {
        throw Rejection("field 'date': '\(rawDate)' is not a real YYYY-MM-DD date")
      }
      dates = [day]
    } else if let created = record.versions?.first?.created {
      guard let day = Day(rfc2822: created) else {
        throw Rejection("field 'versions.[0].created': '\(created)' is not an RFC 2822 date")
      }
      dates = [day]
    } else if let rawDate = record.updateDate {
      guard let day = Day(rawDate) else {
        throw Rejection("field 'update_date': '\(rawDate)' is not a real YYYY-MM-DD date")
      }
      dates = [day]
    }
    if let votes = record.votes, votes < 0 {
      throw Rejection("field 'votes': \(votes) is negative; expected a count or null")
    }
    let names = authors(of: record)
    let body = singleSpaced(record.text ?? record.abstract ?? "")
    return Paper(
      id: id, title: title, authors: names.filter { !$0.isEmpty && $0 != "+" },
      omitsAuthors: names.contains("+"), dates: dates, votes: record.votes,
      sections: body.isEmpty ? [] : [SummarySection(text: body)],
      categories: record.categories?.names ?? [])
  }

  /// The record's author names: `authors_parsed` when present (first names, last name,
  /// suffix), else `authors`, split when it is one string; LaTeX accents become letters.
  private static func authors(of record: Record) -> [String] {
    if let parsed = record.authorsParsed, !parsed.isEmpty {
      return parsed.map { parts in
        let order = [1, 0, 2].filter { $0 < parts.count }
        return LaTeXText.plain(
          order.map { parts[$0].trimmingWhitespace() }.filter { !$0.isEmpty }
            .joined(separator: " "))
      }
    }
    switch record.authors {
    case .names(let names): return names.map { $0.trimmingWhitespace() }
    case .text(let text): return splitNames(LaTeXText.plain(text))
    case nil: return []
    }
  }

  /// `A, B and C` (or `A, B, and C`) as names, affiliations in parentheses left out.
  static func splitNames(_ text: String) -> [String] {
    var plain = ""
    var depth = 0
    for character in singleSpaced(text) {
      if character == "(" {
        depth += 1
      } else if character == ")" {
        depth = max(0, depth - 1)
      } else if depth == 0 {
        plain.append(character)
      }
    }
    return plain.replacingOccurrences(of: " and ", with: ",").split(separator: ",")
      .map { $0.trimmingWhitespace() }
      .map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : $0 }
      .filter { !$0.isEmpty }
  }

  /// The text with every run of white space (Unicode's White_Space: line breaks, tabs,
  /// no-break and ideographic spaces too) made one space, and trimmed. Read byte by byte: it
  /// runs over every abstract of a large file.
  static func singleSpaced(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count)
      var position = 0
      var pendingSpace = false
      while position < bytes.count {
        let length = whiteSpaceLength(in: bytes, at: position)
        if length > 0 {
          pendingSpace = !output.isEmpty
          position += length
          continue
        }
        if pendingSpace { output.append(0x20) }
        pendingSpace = false
        output.append(bytes[position])
        position += 1
      }
      return String(decoding: output, as: UTF8.self)
    }
  }

  /// The length in bytes of the White_Space character starting at `position` of UTF-8 text, or 0.
  private static func whiteSpaceLength(in bytes: UnsafeBufferPointer<UInt8>, at position: Int)
    -> Int
  {
    let byte = bytes[position]
    if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
    guard byte >= 0xC2, byte <= 0xE3 else { return 0 }
    func next(_ offset: Int) -> UInt8 {
      position + offset < bytes.count ? bytes[position + offset] : 0
    }
    switch (byte, next(1), next(2)) {
    case (0xC2, 0x85, _), (0xC2, 0xA0, _): return 2  // U+0085, U+00A0
    case (0xE1, 0x9A, 0x80): return 3  // U+1680
    case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF):
      return 3  // U+2000–U+200A, U+2028, U+2029, U+202F
    case (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80): return 3  // U+205F, U+3000
    default: return 0
    }
  }

  /// A one-line message naming the field and the expected type.
  private static func message(for error: DecodingError) -> String {
    func field(_ path: [any CodingKey]) -> String {
      path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    let expected: [String: String] = [
      "id": "a string", "title": "a string", "authors": "an array of strings or one string",
      "authors_parsed": "an array of [last, first, suffix] arrays",
      "date": "a 'YYYY-MM-DD' string", "votes": "an integer or null", "text": "a string",
      "abstract": "a string", "categories": "a string or an array of strings",
      "versions": "an array of objects with 'created'", "update_date": "a 'YYYY-MM-DD' string",
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
