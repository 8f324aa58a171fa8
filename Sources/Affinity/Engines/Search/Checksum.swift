/// A fast 64-bit checksum of bytes, for finding damage in a search index (not for security).
///
/// Two lanes take 16 bytes at a time, each 8-byte word as `(lane ^ word) × odd constant`,
/// rotated, so that any change of a word changes its lane (multiplying by an odd number is a
/// bijection); a piece's last bytes are packed with their count; a final mix spreads every
/// lane's bits. The same bytes added in the same pieces give the same value.
///
/// ```swift
/// var checksum = Checksum()
/// checksum.add(bytes)
/// checksum.value
/// ```
struct Checksum {
  private var lanes: (UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344)
  private var blocks: UInt64 = 0

  private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// Adds a piece of bytes.
  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var offset = 0
    while offset + 16 <= bytes.count {
      mix(
        bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
        bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      offset += 16
    }
    let remaining = bytes.count - offset
    guard remaining > 0 else { return }
    var tail: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &tail) { tail in
      tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
    }
    // At most 15 bytes: the second word's last byte is free for their count.
    mix(tail.0, tail.1 | UInt64(remaining) << 56)
  }

  /// Adds a number as a piece of its own.
  mutating func add(_ value: UInt64) { mix(value, 0xFFFF_FFFF_FFFF_FFFF) }

  @inline(__always)
  private mutating func mix(_ first: UInt64, _ second: UInt64) {
    lanes.0 = ((lanes.0 ^ first) &* Self.multiplier).rotated(by: 31)
    lanes.1 = ((lanes.1 ^ second) &* Self.multiplier).rotated(by: 27)
    blocks &+= 1
  }

  /// The checksum of everything added.
  var value: UInt64 {
    var result = lanes.0 ^ (lanes.1 &* Self.multiplier) ^ blocks
    result ^= result >> 33
    result &*= 0xFF51_AFD7_ED55_8CCD
    result ^= result >> 33
    return result
  }
}

extension UInt64 {
  fileprivate func rotated(by count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}
