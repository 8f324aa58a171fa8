/// MurmurHash3 x86_32 (Austin Appleby, public domain): the fixed hash behind every feature.
///
/// With seed 0 over a string's UTF-8 bytes it equals scikit-learn's `murmurhash3_32`, so
/// Affinity's feature indices and signs are the ones `HashingVectorizer` computes.
///
/// ```swift
/// MurmurHash3.hash("hello")  // 0x248BFA47 (613153351)
/// ```
public enum MurmurHash3 {
  /// The 32-bit hash of some bytes.
  ///
  /// - Parameters:
  ///   - bytes: The input.
  ///   - seed: The seed; 0 matches scikit-learn's default.
  /// - Returns: The hash as an unsigned 32-bit value (reinterpret as `Int32` for sklearn's
  ///   signed value).
  /// - Complexity: O(*n*) in the number of bytes.
  @inlinable
  public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
    var prefixes = Prefixes(of: bytes, seed: seed)
    return prefixes.hash(ofFirst: bytes.count)
  }

  /// The hashes of several prefixes of the same bytes, shortest first, sharing the mixing of
  /// the 4-byte blocks they have in common (a word's 2-, 3- and 4-grams from one position).
  @usableFromInline
  struct Prefixes {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    /// The state after mixing the first `blocks` blocks.
    @usableFromInline var state: UInt32
    @usableFromInline var blocks = 0

    @inlinable
    init(of bytes: UnsafeRawBufferPointer, seed: UInt32) {
      self.bytes = bytes
      state = seed
    }

    /// The hash of the first `length` bytes.
    ///
    /// - Precondition: `length` is no shorter than the previous call's and no longer than the
    ///   bytes.
    @inlinable
    mutating func hash(ofFirst length: Int) -> UInt32 {
      let c1: UInt32 = 0xcc9e_2d51
      let c2: UInt32 = 0x1b87_3593
      while blocks < length / 4 {
        var k = bytes.loadUnaligned(fromByteOffset: blocks * 4, as: UInt32.self).littleEndian
        k = (k &* c1).rotatedLeft(by: 15) &* c2
        state ^= k
        state = state.rotatedLeft(by: 13) &* 5 &+ 0xe654_6b64
        blocks += 1
      }
      var h = state
      var tail: UInt32 = 0
      let tailStart = blocks * 4
      switch length & 3 {
      case 3:
        tail ^= UInt32(bytes[tailStart + 2]) << 16
        fallthrough
      case 2:
        tail ^= UInt32(bytes[tailStart + 1]) << 8
        fallthrough
      case 1:
        tail ^= UInt32(bytes[tailStart])
        tail = (tail &* c1).rotatedLeft(by: 15) &* c2
        h ^= tail
      default:
        break
      }
      h ^= UInt32(truncatingIfNeeded: length)
      h ^= h >> 16
      h = h &* 0x85eb_ca6b
      h ^= h >> 13
      h = h &* 0xc2b2_ae35
      h ^= h >> 16
      return h
    }
  }

  /// The hash of a string's UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - text: The string.
  ///   - seed: The seed; 0 matches scikit-learn's default.
  /// - Returns: The 32-bit hash.
  public static func hash(_ text: String, seed: UInt32 = 0) -> UInt32 {
    var text = text
    return text.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
  }
}

/// Where a hashed feature lands: a bucket and a sign, exactly as scikit-learn's
/// `HashingVectorizer(alternate_sign=True)` places it.
public struct HashedBucket: Sendable, Hashable {
  /// The bucket, `|h| mod dimension` for the signed 32-bit hash `h`.
  public var index: UInt32
  /// `+1` when the signed hash is non-negative, else `-1`.
  public var sign: Float

  /// The bucket and sign of a 32-bit hash in a space of `dimension` buckets.
  ///
  /// - Parameters:
  ///   - hash: The unsigned hash, reinterpreted as signed.
  ///   - dimension: The number of buckets, at least 1.
  @inlinable
  public init(hash: UInt32, dimension: UInt32) {
    let signed = Int32(bitPattern: hash)
    // |Int32.min| = 2³¹ fits the unsigned magnitude. Feature spaces are powers of two: a mask.
    let magnitude = signed.magnitude
    index =
      dimension & (dimension &- 1) == 0 ? magnitude & (dimension &- 1) : magnitude % dimension
    sign = signed >= 0 ? 1 : -1
  }

  /// A bucket and sign given directly.
  ///
  /// - Parameters:
  ///   - index: The bucket.
  ///   - sign: `+1` or `-1`.
  public init(index: UInt32, sign: Float) {
    self.index = index
    self.sign = sign
  }
}

extension UInt32 {
  @inlinable
  func rotatedLeft(by count: UInt32) -> UInt32 { (self << count) | (self >> (32 - count)) }
}
