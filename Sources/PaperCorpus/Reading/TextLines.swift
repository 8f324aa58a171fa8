/// The lines of a UTF-8 text, split on `\n` (a `\r` before it is dropped), numbered from 1.
///
/// Lines longer than ``maximumLineLength`` bytes are not decoded: they come out as `.tooLong`,
/// so a 20 MB line costs no more than a short one.
struct TextLines: Sequence {
  /// The longest line read, in bytes (1 MiB). A digest line is a few hundred bytes.
  static let maximumLineLength = 1 << 20

  enum Line {
    case text(number: Int, String)
    case tooLong(number: Int, byteCount: Int)
  }

  let bytes: [UInt8]

  func makeIterator() -> some IteratorProtocol<Line> {
    ranges.enumerated().lazy.map { line($0.offset + 1, range: $0.element) }.makeIterator()
  }

  /// Every line's byte range (without its `\n` or `\r\n`), line 1 first: found without
  /// decoding anything, so the lines can be decoded apart (see ``line(_:range:)``).
  var ranges: [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    while start < bytes.count {
      let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      let end = newline > start && bytes[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
      ranges.append(start..<end)
      start = newline + 1
    }
    return ranges
  }

  /// Line `number`, whose bytes are `range`, as text (or as too long).
  func line(_ number: Int, range: Range<Int>) -> Line {
    if range.count > TextLines.maximumLineLength {
      return .tooLong(number: number, byteCount: range.count)
    }
    return .text(number: number, String(decoding: bytes[range], as: UTF8.self))
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
}
