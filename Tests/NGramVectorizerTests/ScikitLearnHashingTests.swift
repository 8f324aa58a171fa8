import Foundation
import Testing

@testable import NGramVectorizer

/// Affinity's hashing against values scikit-learn computed (`Scripts/make-hash-fixtures.py`).
@Suite struct ScikitLearnHashingTests {
  struct Fixture: Decodable {
    struct Hash: Decodable {
      var text: String
      var seed: UInt32
      var hash: Int32
    }
    struct Vector: Decodable {
      var text: String
      var indices: [UInt32]
      var values: [Float]
    }
    var n_features: Int
    var murmurhash3_32: [Hash]
    var char_wb_2_4: [Vector]
  }

  let fixture: Fixture

  init() throws {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/sklearn-hashing.json", withExtension: nil))
    fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  @Test func murmurHashMatchesForEveryStringAndSeed() {
    #expect(fixture.murmurhash3_32.count == 48)
    for entry in fixture.murmurhash3_32 {
      #expect(
        Int32(bitPattern: MurmurHash3.hash(entry.text, seed: entry.seed)) == entry.hash,
        "\(entry.text)")
    }
  }

  @Test func characterNGramsMatchHashingVectorizerIndicesAndSigns() {
    var configuration = VectorizerConfiguration.standard
    configuration.wordNGrams = 0...0
    configuration.featureSpace = fixture.n_features
    let extractor = FeatureExtractor(configuration: configuration)
    var counter = TermCounter(size: configuration.featureSpace)
    #expect(fixture.char_wb_2_4.count == 24)
    for entry in fixture.char_wb_2_4 {
      let counts = extractor.termCounts(of: entry.text, using: &counter)
      #expect(counts.indices == entry.indices, "\(entry.text)")
      #expect(counts.values == entry.values, "\(entry.text)")  // small integer counts: exact
    }
  }

  @Test func int32MinimumLandsWhereScikitLearnPutsIt() {
    // sklearn: (2147483647 - (n - 1)) % n for h = -2³¹, i.e. 2³¹ mod n.
    let bucket = HashedBucket(hash: 0x8000_0000, dimension: 1_000_003)
    #expect(bucket.index == UInt32((2_147_483_647 - (1_000_003 - 1)) % 1_000_003))
    #expect(bucket.sign == -1)
  }
}
