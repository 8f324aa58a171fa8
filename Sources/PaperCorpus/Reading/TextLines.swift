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

  func makeIterator() -> Iterator { Iterator(bytes: bytes) }

  struct Iterator: IteratorProtocol {
    let bytes: [UInt8]
    var position = 0
    var number = 0

    mutating func next() -> Line? {
      guard position < bytes.count else { return nil }
      number += 1
      let start = position
      let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
      var end = newline ?? bytes.count
      position = newline.map { $0 + 1 } ?? bytes.count
      if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      if end - start > TextLines.maximumLineLength {
        return .tooLong(number: number, byteCount: end - start)
      }
      return .text(number: number, String(decoding: bytes[start..<end], as: UTF8.self))
    }
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
