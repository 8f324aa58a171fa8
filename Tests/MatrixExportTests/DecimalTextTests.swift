import Foundation
import Testing

@testable import MatrixExport

@Suite struct DecimalTextTests {
  private func text(_ value: Float) -> String {
    var bytes: [UInt8] = []
    DecimalText.appendSixDigits(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(arguments: [
    (Float(0), "0"), (-0.0, "-0"), (1, "1"), (-1, "-1"), (0.5, "0.5"), (0.1, "0.1"),
    (1.0 / 3, "0.333333"), (-2.0 / 3, "-0.666667"), (0.0001, "0.0001"), (0.00001, "1e-05"),
    (123456, "123456"), (1234567, "1.23457e+06"), (0.99999994, "1"), (1024.125, "1024.12"),
    (.nan, "nan"), (.infinity, "inf"), (-.infinity, "-inf"),
  ])
  func knownValues(value: Float, expected: String) {
    #expect(text(value) == expected)
  }

  /// Matches C's `%.6g` on many values across magnitudes.
  @Test func matchesPrintf() {
    var state: UInt32 = 12345
    var mismatches: [String] = []
    for index in 0..<20_000 {
      state = state &* 1_664_525 &+ 1_013_904_223
      let unit = Float(bitPattern: 0x3F80_0000 | (state >> 9)) - 1  // [0, 1)
      let scale: Float = [1, 1, 1, 1e-3, 1e-6, 1e3, 1e7, 1e-30, 1e30][index % 9]
      let value = (index % 2 == 0 ? unit : -unit) * scale
      let expected = String(format: "%.6g", Double(value))
      if text(value) != expected { mismatches.append("\(value): \(text(value)) vs \(expected)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}
