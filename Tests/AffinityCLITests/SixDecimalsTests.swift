import Foundation
import SimilarityCore
import Testing

@testable import AffinityCLI

/// The fast score text is `printf`'s `%.6f`, digit for digit.
@Suite struct SixDecimalsTests {
  @Test func writesWhatPrintfWrites() {
    var generator = SeededGenerator(seed: 7)
    var values: [Float] = [
      0, -0, 1, -1, 0.5, 0.0000005, 0.0000015, 0.0000025, 0.9999995, 0.1234565, 1e-7, -1e-7,
      123_456.789, 3e9, -3e9, 1e30, .nan, .infinity, -.infinity, .leastNonzeroMagnitude,
      .greatestFiniteMagnitude,
    ]
    for _ in 0..<100_000 {
      // Uniform in [-2, 2], and the Floats nearest to odd multiples of half a millionth (as
      // close to rounding ties as a Float gets).
      values.append(Float(Double(generator.next() % 4_000_001) / 1_000_000 - 2))
      values.append(Float(generator.next() % 2_000_001) / 2_000_000)
    }
    for value in values {
      #expect(sixDecimals(value) == String(format: "%.6f", value), "\(value)")
    }
  }
}
