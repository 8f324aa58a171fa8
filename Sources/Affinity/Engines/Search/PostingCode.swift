/// How a search index stores a posting in four bytes: the row in the low 24 bits, the weight's
/// 8-bit code in the high 8.
///
/// A feature's weights are coded on a step of its own: the least power of two `s` with
/// `127 × s` at least the list's largest magnitude. A weight `w` is coded `⌊w / s⌋` (−127…127)
/// and read back as the middle of its step, `(code + ½) × s`, so it is off by at most `s / 2`,
/// under 1/127 of the list's largest weight. Because steps are powers of two and codes are
/// rounded down, coding a list with a coarser step is an exact right shift of its codes:
/// ``SearchIndex/concatenate(_:storingAt:)`` writes the same bytes as coding every weight once.
enum PostingCode {
  /// The rows a segment may have: they must fit in 24 bits.
  static let maximumRows = 1 << 24

  /// The step of a list whose largest weight magnitude is `largest` (0 for a list of zeros).
  static func step(forLargest largest: Float) -> Float {
    guard largest > 0, largest.isFinite else { return 0 }
    var step = Float(sign: .plus, exponent: (largest / 127).exponent, significand: 1)
    step = max(step, Float.leastNormalMagnitude)
    while 127 * step < largest { step *= 2 }
    return step
  }

  /// A posting: a row and its weight coded on `step`.
  @inline(__always)
  static func posting(row: Int, weight: Float, step: Float) -> UInt32 {
    let code = step > 0 ? Int8(clamping: Int((weight / step).rounded(.down))) : 0
    return UInt32(row) | UInt32(UInt8(bitPattern: code)) << 24
  }

  /// A posting's row.
  @inline(__always)
  static func row(_ posting: UInt32) -> Int { Int(posting & 0x00FF_FFFF) }

  /// A posting's code.
  @inline(__always)
  static func code(_ posting: UInt32) -> Int8 { Int8(truncatingIfNeeded: posting >> 24) }

  /// A posting moved down by `rows` and coded on a step `2^shift` times its own.
  @inline(__always)
  static func posting(_ posting: UInt32, movedBy rows: Int, shift: Int) -> UInt32 {
    let code = Self.code(posting) >> shift  // rounds down, as coding afresh does
    return UInt32(row(posting) + rows) | UInt32(UInt8(bitPattern: code)) << 24
  }

  /// The weight a code stands for on `step`: the middle of its step.
  @inline(__always)
  static func weight(_ code: Int8, step: Float) -> Float { (Float(code) + 0.5) * step }
}
