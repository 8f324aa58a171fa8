import Foundation

/// Reads Hugging Face "Daily Papers" digests in Markdown.
///
/// The format, line by line (blank lines between are ignored):
/// ```
/// ## Daily Papers (2024-06-18)
/// ### [Title](https://arxiv.org/abs/2406.11839)
/// ![](thumbnail URL)
/// Vote: 12                      (or "Vote: -" when unknown)
/// Authors: A, B, +, C           ("+" marks omitted authors)
/// - **What's New**: text        (a section with a heading, in bold or bold italic)
/// - text                        (or a headless bullet)
/// ```
/// `Authors:` may also be a Python-style list (`['A', 'B']`). Lines that only embed a video
/// are not content. Other headings (`# Daily Papers`, `## Project Description`, `## License`,
/// `## Citation` …) start sections that belong to no paper: their lines, fenced code included,
/// are skipped until the next day's header. A malformed entry is reported and skipped; the rest
/// of the file is still read.
public enum DigestParser {
  /// Parses a digest.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents, or a part of them that starts at a line.
  ///   - source: The file's name, for messages.
  ///   - firstLine: The number of the first line.
  /// - Returns: The papers, each dated by the digest's header, and the problems found.
  /// - Complexity: O(*n*) in the size of the text.
  public static func parse(_ bytes: [UInt8], source: String, firstLine: Int = 1)
    -> CorpusReadResult
  {
    var parser = Parser(source: source)
    for line in TextLines(bytes: bytes, firstLineNumber: firstLine) { parser.consume(line) }
    parser.finishEntry()
    if !parser.headerHandled {
      parser.result.problems.insert(
        CorpusProblem(
          source: source, line: firstLine,
          message: "no digest header; expected '## Daily Papers (YYYY-MM-DD)' on the first line"),
        at: 0)
    }
    return parser.result
  }

  /// Whether a text looks like a digest: its first non-blank line is a Markdown heading.
  static func looksLikeDigest(_ firstLine: Substring) -> Bool {
    firstLine.hasPrefix("# ") || firstLine.hasPrefix("## ") || firstLine.hasPrefix("### ")
  }
}

/// The state of one parse: the day in force, the entry being built, and what was found.
private struct Parser {
  let source: String
  var result: CorpusReadResult
  /// Whether a header was read, or its absence already reported.
  var headerHandled = false
  /// The day of the current `## Daily Papers` header; `nil` before one, or after a bad one.
  var day: Day?
  var entry: Entry?
  /// Whether the lines belong to a section that is no day's (a preamble, a license, …).
  var inOtherSection = false
  /// Whether the lines are inside a fenced code block of such a section.
  var inFence = false

  /// An entry under construction; `problem` set means it will be rejected.
  struct Entry {
    var line: Int
    var id: ArxivID?
    var title = ""
    var votes: Int?
    var authors: [String] = []
    var omitsAuthors = false
    var sections: [SummarySection] = []
    var problem: CorpusProblem?
  }

  init(source: String) {
    self.source = source
    result = CorpusReadResult(source: source)
  }

  mutating func consume(_ line: TextLines.Line) {
    switch line {
    case .tooLong(let number, let byteCount, let isHeading):
      if isHeading {
        // A heading starts the next entry: the one before it is complete, and the lines after
        // it belong to the entry this line is the (unreadable) heading of.
        finishEntry()
        entry = Entry(line: number)
      }
      report(line: number, TextLines.Line.tooLongMessage(byteCount: byteCount))
    case .text(let number, let text, let damaged):
      if damaged {
        result.problems.append(
          CorpusProblem(source: source, line: number, message: TextLines.Line.damagedMessage))
      }
      let trimmed = text.trimmingWhitespace()
      if trimmed.isEmpty { return }
      if inOtherSection, trimmed.hasPrefix("```") {
        inFence.toggle()
      } else if inFence {
        return
      } else if trimmed.hasPrefix("## Daily Papers") {
        finishEntry()
        inOtherSection = false
        readHeader(line: number, trimmed)
      } else if trimmed.hasPrefix("# ") || trimmed.hasPrefix("## ") {
        finishEntry()
        inOtherSection = true
      } else if inOtherSection || Self.isEmbeddedVideo(trimmed) {
        return
      } else if trimmed.hasPrefix("### ") {
        finishEntry()
        startEntry(line: number, heading: trimmed.dropFirst(4))
      } else if entry != nil {
        readEntryLine(line: number, trimmed)
      } else if !headerHandled {
        report(line: number, "expected '## Daily Papers (YYYY-MM-DD)' before any other text")
        headerHandled = true  // reported once; the rest of the file is read for its entries
      }
    }
  }

  /// Reports a problem: it rejects the current entry, or stands alone outside of one.
  mutating func report(line: Int, _ message: String) {
    let problem = CorpusProblem(source: source, line: line, message: message)
    if entry != nil {
      if entry?.problem == nil { entry?.problem = problem }
    } else {
      result.problems.append(problem)
    }
  }

  mutating func readHeader(line: Int, _ text: String) {
    headerHandled = true
    let prefix = "## Daily Papers ("
    guard text.hasPrefix(prefix), text.hasSuffix(")") else {
      day = nil
      report(line: line, "expected a digest header '## Daily Papers (YYYY-MM-DD)', found '\(text)'")
      return
    }
    let date = text.dropFirst(prefix.count).dropLast()
    day = Day(date)
    if day == nil {
      report(line: line, "'\(date)' is not a real date; expected '## Daily Papers (YYYY-MM-DD)'")
    }
  }

  mutating func startEntry(line: Int, heading: Substring) {
    entry = Entry(line: line)
    let expected = "expected '### [Title](https://arxiv.org/abs/ID)'"
    guard heading.hasPrefix("["), heading.hasSuffix(")"),
      let split = heading.range(of: "](", options: .backwards)
    else {
      report(line: line, "paper heading has no arXiv link; \(expected)")
      return
    }
    let url = heading[split.upperBound..<heading.index(before: heading.endIndex)]
    entry?.title = heading[heading.index(after: heading.startIndex)..<split.lowerBound]
      .trimmingWhitespace().removingMarkdownEscapes()
    entry?.id = ArxivID(String(url))
    if entry?.id == nil {
      report(line: line, "'\(url)' is not an arXiv link; \(expected)")
    } else if entry?.title.isEmpty == true {
      report(line: line, "paper heading has an empty title; \(expected)")
    }
  }

  mutating func readEntryLine(line: Int, _ text: String) {
    if text.hasPrefix("![") { return }  // the thumbnail
    if text.hasPrefix("Vote:") {
      let value = text.dropFirst("Vote:".count).trimmingWhitespace()
      if value == "-" {
        entry?.votes = nil
      } else if let votes = Int(value), votes >= 0 {
        entry?.votes = votes
      } else {
        report(line: line, "expected 'Vote: N' or 'Vote: -', found '\(text)'")
      }
    } else if text.hasPrefix("Authors:") {
      let names = Self.authorNames(text.dropFirst("Authors:".count).trimmingWhitespace())
      entry?.omitsAuthors = names.contains("+")
      entry?.authors = names.filter { !$0.isEmpty && $0 != "+" }
    } else if text.hasPrefix("- ") || text == "-" {
      entry?.sections.append(Self.section(fromBullet: text.dropFirst(1).trimmingWhitespace()))
    } else if let last = entry?.sections.indices.last {
      entry?.sections[last].text += "\n" + text.removingMarkdownEscapes()
    } else {
      entry?.sections.append(SummarySection(text: text.removingMarkdownEscapes()))
    }
  }

  /// `**What's New**: text` (or `***What's New***:`, `**What's New:**`) becomes a section
  /// headed "What's New"; other bullets have no heading.
  static func section(fromBullet bullet: String) -> SummarySection {
    let marks = bullet.prefix { $0 == "*" }
    if (2...3).contains(marks.count),
      let close = bullet.dropFirst(marks.count).range(of: String(marks))
    {
      var heading = bullet[marks.endIndex..<close.lowerBound].trimmingWhitespace()
      if heading.hasSuffix(":") { heading.removeLast() }
      var rest = bullet[close.upperBound...]
      if rest.hasPrefix(":") { rest = rest.dropFirst() }
      return SummarySection(
        heading: heading.trimmingWhitespace().removingMarkdownEscapes(),
        text: rest.trimmingWhitespace().removingMarkdownEscapes())
    }
    return SummarySection(text: bullet.removingMarkdownEscapes())
  }

  /// The names of an `Authors:` line: `A, B, +, C`, or a Python-style list `['A', "O'B"]`.
  static func authorNames(_ list: String) -> [String] {
    guard list.hasPrefix("["), list.hasSuffix("]") else {
      return list.split(separator: ",").map { $0.trimmingWhitespace() }
    }
    var names: [String] = []
    var quote: Character?
    var name = ""
    var escaped = false
    for character in list.dropFirst().dropLast() {
      if let open = quote {
        if escaped {
          name.append(character)
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == open {
          names.append(name.trimmingWhitespace())
          (quote, name) = (nil, "")
        } else {
          name.append(character)
        }
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character != ",", !character.isWhitespace {
        name.append(character)  // an unquoted item, such as +
      } else if !name.isEmpty {
        names.append(name)
        name = ""
      }
    }
    if !name.isEmpty { names.append(name.trimmingWhitespace()) }
    return names
  }

  /// Whether a line only embeds a video (`<div><video …></video></div>`, `[Watch Video](…)`).
  static func isEmbeddedVideo(_ line: String) -> Bool {
    line.hasPrefix("<div><video") || line.hasPrefix("<video") || line.hasPrefix("[Watch Video](")
  }

  mutating func finishEntry() {
    guard let finished = entry else { return }
    entry = nil
    if let problem = finished.problem {
      result.problems.append(problem)
      result.rejectedCount += 1
      return
    }
    guard let day else {
      // The header's problem has been reported once; its entries are counted, not repeated.
      if !headerHandled {
        result.problems.append(
          CorpusProblem(
            source: source, line: finished.line,
            message: "paper listed before any '## Daily Papers (YYYY-MM-DD)' header"))
        headerHandled = true
      }
      result.rejectedCount += 1
      return
    }
    guard let id = finished.id else { return }
    result.papers.append(
      Paper(
        id: id, title: finished.title, authors: finished.authors,
        omitsAuthors: finished.omitsAuthors, dates: [day], votes: finished.votes,
        sections: finished.sections))
  }
}
