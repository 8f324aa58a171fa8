import Foundation
import Parallel

/// A header and rows of text fields, as tab- or comma-separated values or aligned columns.
struct Rows {
  var header: [String]
  var rows: [[String]]

  /// Tab-separated values with a header row; tabs and line breaks in fields become spaces.
  var tsv: String { delimited(by: "\t", Self.tsvField) }

  /// Comma-separated values with a header row, quoted as RFC 4180 says.
  var csv: String { delimited(by: ",", Self.csvField) }

  /// The header and rows, fields escaped by `field` and separated by `separator`, each chunk of
  /// rows appended to its own string on all cores.
  private func delimited(by separator: Character, _ field: @Sendable (String) -> String)
    -> String
  {
    @Sendable func text(of rows: ArraySlice<[String]>) -> String {
      var text = ""
      for row in rows {
        for (index, cell) in row.enumerated() {
          if index > 0 { text.append(separator) }
          text += field(cell)
        }
        text.append("\n")
      }
      return text
    }
    let chunks = Parallel.mapChunks(of: rows.count, size: 4096) { [text(of: rows[$0])] }
    return text(of: [header]) + chunks.joined()
  }

  /// Columns padded to their widest cell (wide Hangul and CJK characters count two), header
  /// upper-cased; the last column is not padded.
  var table: String {
    let all = [header.map { $0.uppercased() }] + rows
    var widths = [Int](repeating: 0, count: header.count)
    for row in all {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], displayWidth(cell))
      }
    }
    return all.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[index] - displayWidth(cell))
      }.joined(separator: "  ") + "\n"
    }.joined()
  }

  private static func tsvField(_ field: String) -> String {
    // Tabs and line breaks are bytes 09…0D, or end in 85, A8 or A9 (U+0085, U+2028, U+2029):
    // a field without any of those bytes (nearly every one) is kept as it is.
    guard
      field.utf8.contains(where: {
        (0x09...0x0D).contains($0) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9
      })
    else { return field }
    return String(field.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }

  private static func csvField(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// The number of terminal columns a text takes: two for wide East Asian characters.
func displayWidth(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6:
      return width + 2
    case 0x0300...0x036F, 0x200B...0x200F:
      return width
    default:
      return width + 1
    }
  }
}

/// A number with six decimals, exactly as `String(format: "%.6f", value)` writes it, but about
/// ten times faster (`related --all` prints hundreds of thousands of scores). Exact: a `Float`
/// times 10⁶ is a
/// `Double` without rounding (a 24-bit significand times 5⁶·2⁶), so rounding it half to even is
/// what `printf` does.
func sixDecimals(_ value: Float) -> String {
  let scaled = (Double(value.magnitude) * 1e6).rounded(.toNearestOrEven)
  guard value.isFinite, scaled < 1e15 else { return String(format: "%.6f", value) }
  let units = Int(scaled)
  let fraction = String(units % 1_000_000)
  return (value.sign == .minus ? "-" : "") + String(units / 1_000_000) + "."
    + String(repeating: "0", count: 6 - fraction.count) + fraction
}
