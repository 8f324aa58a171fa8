#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Numbers as text, fast, straight into a byte buffer.
enum DecimalText {
  /// Appends `value` with six significant digits, exactly as C's `printf("%.6g")` writes it
  /// (`0.123457`, `1`, `-0.5`, `1.5e-05`, `nan`, `inf`).
  ///
  /// - Complexity: O(1); no allocation beyond the buffer's growth.
  static func appendSixDigits(_ value: Float, to text: inout [UInt8]) {
    guard value.isFinite else {
      text += value.isNaN ? Array("nan".utf8) : Array((value < 0 ? "-inf" : "inf").utf8)
      return
    }
    if value.sign == .minus { text.append(UInt8(ascii: "-")) }
    let magnitude = Double(value.magnitude)
    guard magnitude > 0 else {
      text.append(UInt8(ascii: "0"))
      return
    }
    // The six digits and the decimal exponent of the first one, after rounding.
    var exponent = Int(log10(magnitude).rounded(.down))
    var digits = scaled(magnitude, by: 5 - exponent).rounded(.toNearestOrEven)
    if digits >= 1_000_000 {
      exponent += 1
      digits = scaled(magnitude, by: 5 - exponent).rounded(.toNearestOrEven)
    } else if digits < 100_000 {
      exponent -= 1
      digits = scaled(magnitude, by: 5 - exponent).rounded(.toNearestOrEven)
    }
    var decimal = [UInt8](repeating: 0, count: 6)
    var remaining = Int(digits)
    for index in stride(from: 5, through: 0, by: -1) {
      decimal[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
      remaining /= 10
    }
    var significant = 6
    while significant > 1, decimal[significant - 1] == UInt8(ascii: "0") { significant -= 1 }
    if exponent < -4 || exponent >= 6 {
      appendDigits(decimal[0..<significant], pointAfter: 1, to: &text)
      text.append(UInt8(ascii: "e"))
      text.append(UInt8(ascii: exponent < 0 ? "-" : "+"))
      let power = abs(exponent)
      if power < 10 { text.append(UInt8(ascii: "0")) }
      text += Array(String(power).utf8)
    } else if exponent >= 0 {
      appendDigits(decimal[0..<max(significant, exponent + 1)], pointAfter: exponent + 1, to: &text)
    } else {
      text += Array("0.".utf8)
      text += repeatElement(UInt8(ascii: "0"), count: -exponent - 1)
      text += decimal[0..<significant]
    }
  }

  /// Digits with a decimal point after the first `pointAfter` of them (none at the end).
  private static func appendDigits(
    _ digits: ArraySlice<UInt8>, pointAfter: Int, to text: inout [UInt8]
  ) {
    text += digits.prefix(pointAfter)
    if digits.count > pointAfter {
      text.append(UInt8(ascii: "."))
      text += digits.dropFirst(pointAfter)
    }
  }

  /// `value × 10^power`, with exact powers of ten where Double has them.
  private static func scaled(_ value: Double, by power: Int) -> Double {
    var result = value
    var remaining = power
    while remaining > 22 {
      result *= 1e22
      remaining -= 22
    }
    while remaining < -22 {
      result /= 1e22
      remaining += 22
    }
    return remaining >= 0 ? result * exactPowers[remaining] : result / exactPowers[-remaining]
  }

  private static let exactPowers: [Double] = (0...22).map { power in
    (0..<power).reduce(1.0) { value, _ in value * 10 }
  }
}
