import Testing

@testable import Affinity

/// A posting's four bytes: its row and its weight's 8-bit code.
@Suite struct PostingCodeTests {
  /// Weights of every size and sign, from a fixed generator.
  let weights: [Float] = {
    var state: UInt64 = 11
    return (0..<2000).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let unit = Float(state >> 40) / Float(1 << 24)
      return (unit - 0.5) * Float(1 << Int(state >> 20 & 7)) / 64
    }
  }()

  @Test func theStepIsTheLeastPowerOfTwoThatCodesTheLargestWeight() {
    #expect(PostingCode.step(forLargest: 0) == 0)
    for largest in weights.map(abs) where largest > 0 {
      let step = PostingCode.step(forLargest: largest)
      #expect(step.significand == 1)
      #expect(127 * step >= largest && 127 * step / 2 < largest)
    }
  }

  @Test func aWeightComesBackWithinHalfAStep() {
    let largest = weights.map(abs).max()!
    let step = PostingCode.step(forLargest: largest)
    for (row, weight) in weights.enumerated() {
      let posting = PostingCode.posting(row: row * 8191, weight: weight, step: step)
      #expect(PostingCode.row(posting) == row * 8191)
      let back = PostingCode.weight(PostingCode.code(posting), step: step)
      #expect(abs(back - weight) <= step / 2)
    }
    let last = PostingCode.posting(row: PostingCode.maximumRows - 1, weight: -largest, step: step)
    #expect(PostingCode.row(last) == PostingCode.maximumRows - 1)
    #expect(PostingCode.code(last) >= -127)
  }

  @Test(arguments: [1, 2, 5, 9])
  func aCoarserStepIsAShiftOfTheCodes(shift: Int) {
    let step = PostingCode.step(forLargest: weights.map(abs).max()! / Float(1 << shift))
    let coarser = step * Float(1 << shift)
    for weight in weights where abs(weight) <= 127 * step {
      let fine = PostingCode.posting(row: 3, weight: weight, step: step)
      #expect(
        PostingCode.posting(fine, movedBy: 1000, shift: shift)
          == PostingCode.posting(row: 1003, weight: weight, step: coarser))
    }
  }
}
