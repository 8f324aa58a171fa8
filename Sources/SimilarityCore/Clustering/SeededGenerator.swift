/// A seeded, platform-independent random number generator (SplitMix64, Steele, Lea and Flood,
/// "Fast splittable pseudorandom number generators", 2014): the same seed gives the same
/// sequence everywhere, unlike `SystemRandomNumberGenerator`.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// Int.random(in: 0..<10, using: &generator)  // the same number on every run
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform value in `0..<1` from the next 24 random bits.
  mutating func nextUnitFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
