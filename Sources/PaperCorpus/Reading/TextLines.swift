/// The lines of a text, split on `\n`, `\r\n` or a lone `\r` (Unix, Windows and old Mac line
/// endings), numbered from 1.
///
/// Lines longer than ``maximumLineLength`` bytes are not decoded: they come out as `.tooLong`,
/// so a 20 MB line costs no more than a short one. A line with bytes that are not UTF-8 text
/// (invalid sequences, a sequence cut at the end of the file, NUL) is decoded with U+FFFD in
/// their place and marked damaged, so that only what holds it is affected.
struct TextLines: Sequence {
  /// The longest line read, in bytes (1 MiB). A digest line is a few hundred bytes.
  static let maximumLineLength = 1 << 20

  enum Line {
    /// A line of text; `damaged` when bytes had to be replaced with U+FFFD.
    case text(number: Int, String, damaged: Bool)
    /// A line over the limit; `isHeading` when it starts (after blanks) with `#`.
    case tooLong(number: Int, byteCount: Int, isHeading: Bool)
  }

  let bytes: [UInt8]
  /// The number of the first line (a part of a longer text starts past 1).
  var firstLineNumber = 1

  func makeIterator() -> some IteratorProtocol<Line> {
    ranges.enumerated().lazy.map { line(firstLineNumber + $0.offset, range: $0.element) }
      .makeIterator()
  }

  /// Every line's byte range (without its line ending), line 1 first: found without decoding
  /// anything, so the lines can be decoded apart (see ``line(_:range:)``).
  var ranges: [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    let (newline, carriageReturn) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
    while start < bytes.count {
      let end =
        bytes[start...].firstIndex { $0 == newline || $0 == carriageReturn } ?? bytes.count
      ranges.append(start..<end)
      let crlf = end + 1 < bytes.count && bytes[end] == carriageReturn && bytes[end + 1] == newline
      start = end + (crlf ? 2 : 1)
    }
    return ranges
  }

  /// Line `number`, whose bytes are `range`, as text (or as too long).
  func line(_ number: Int, range: Range<Int>) -> Line {
    let slice = bytes[range]
    if range.count > TextLines.maximumLineLength {
      let first = slice.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
      return .tooLong(
        number: number, byteCount: range.count, isHeading: first == UInt8(ascii: "#"))
    }
    if !slice.contains(0), let text = String(validating: slice, as: UTF8.self) {
      return .text(number: number, text, damaged: false)
    }
    let replaced = String(decoding: slice, as: UTF8.self)
    return .text(
      number: number, String(replaced.map { $0 == "\0" ? "\u{FFFD}" : $0 }), damaged: true)
  }
}

/// A byte count for messages: `20.0 MB`, `1.0 MB`, `512 bytes`.
func formattedByteCount(_ count: Int) -> String {
  guard count >= 1_000_000 else { return "\(count) bytes" }
  let tenths = (count + 50_000) / 100_000
  return "\(tenths / 10).\(tenths % 10) MB"
}

extension TextLines.Line {
  /// The message for a line over the limit.
  static func tooLongMessage(byteCount: Int) -> String {
    "line is \(formattedByteCount(byteCount)) long; lines longer than "
      + "\(formattedByteCount(TextLines.maximumLineLength)) are not read"
  }

  /// The message for a damaged line.
  static let damagedMessage =
    "bytes that are not UTF-8 text (invalid or NUL) were replaced with U+FFFD; save the file as UTF-8"
}
