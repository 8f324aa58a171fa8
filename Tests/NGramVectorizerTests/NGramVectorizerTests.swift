import Testing

@testable import NGramVectorizer

@Suite struct NGramVectorizerTests {
  let corpus = [
    "direct preference optimization aligns language models with human preference 선호 최적화",
    "weighted preference optimization improves rlhf with off-policy preference data 선호 최적화",
    "gaussian splatting reconstructs 3d scenes 가우시안 스플래팅으로 장면을 복원",
    "text to 3d gaussian generation with diffusion 가우시안 스플래팅 생성",
    "a benchmark for code generation in many programming languages 코드 생성 벤치마크",
  ]

  @Test func vectorsHaveUnitLength() {
    let vectorizer = NGramVectorizer(fittingOn: corpus)
    for vector in vectorizer.vectors(for: corpus) {
      #expect(abs(vector.norm - 1) < 1e-5)
    }
  }

  @Test func similarTopicsScoreHigherThanOthers() {
    let vectorizer = NGramVectorizer(fittingOn: corpus)
    let v = vectorizer.vectors(for: corpus)
    #expect(v[0].dot(v[1]) > v[0].dot(v[2]))
    #expect(v[0].dot(v[1]) > v[0].dot(v[4]))
    #expect(v[2].dot(v[3]) > v[2].dot(v[0]))
  }

  @Test func textWithNothingKnownIsTheZeroVector() {
    let vectorizer = NGramVectorizer(fittingOn: corpus)
    #expect(vectorizer.vector(for: "").count == 0)
    #expect(vectorizer.vector(for: "zzzz qqqq").count == 0)
  }

  @Test func featuresInMoreThanHalfThePapersAreDropped() {
    let texts = ["common alpha", "common beta", "common gamma", "common delta"]
    let vectorizer = NGramVectorizer(fittingOn: texts)
    #expect(vectorizer.vector(for: "common").count == 0)
    #expect(vectorizer.vector(for: "alpha").count > 0)
  }

  @Test func vectorsAreTheSameWhateverTheOrder() {
    let forward = NGramVectorizer(fittingOn: corpus)
    let backward = NGramVectorizer(fittingOn: corpus.reversed())
    #expect(forward.vector(for: corpus[0]) == backward.vector(for: corpus[0]))
  }

  @Test func sharedTermsExplainTheScore() {
    let vectorizer = NGramVectorizer(fittingOn: corpus)
    let first = vectorizer.vector(for: corpus[0])
    let second = vectorizer.vector(for: corpus[1])
    let shared = vectorizer.sharedTerms(between: first, and: second, namingFrom: corpus[0])
    let total = shared.reduce(0) { $0 + $1.contribution }
    // Named contributions are positive and part of the cosine's positive products.
    let positive = zip(first.indices, first.values).reduce(Float(0)) { sum, entry in
      guard let other = second.indices.firstIndex(of: entry.0) else { return sum }
      return sum + max(0, entry.1 * second.values[other])
    }
    #expect(shared.allSatisfy { $0.contribution > 0 } && total <= positive + 1e-5)
    #expect(shared.contains { $0.term == "preference optimization" })
  }

  @Test func sharedTermsAreNamedAsAReaderNamesThem() {
    let texts = [
      "텍스트-이미지 검색을 함께 최대화하는 방법을 제안합니다", "텍스트-이미지 검색과 함께 최대화하는 모델입니다",
      "가우시안 스플래팅으로 장면을 복원합니다", "코드 생성 벤치마크를 만듭니다",
    ]
    let vectorizer = NGramVectorizer(fittingOn: texts)
    let terms = vectorizer.sharedTerms(
      between: vectorizer.vector(for: texts[0]), and: vectorizer.vector(for: texts[1]),
      namingFrom: texts[0]
    ).map(\.term)
    for expected in ["텍스트-이미지", "검색"] {
      #expect(terms.contains(expected), "\(expected) missing from \(terms)")
    }
    // Particles come off; predicates and general words name nothing.
    for unwanted in ["검색을", "함께", "최대화하는", "제안합니다"] {
      #expect(!terms.contains(unwanted), "\(unwanted) in \(terms)")
    }
  }

  @Test func standardConfigurationIsValid() throws {
    try VectorizerConfiguration.standard.validate()
    var bad = VectorizerConfiguration.standard
    bad.embeddingDimension = 1000
    #expect(throws: ConfigurationError.self) { try bad.validate() }
    bad = .standard
    bad.topicTermFrequencySaturation = 0
    #expect(throws: ConfigurationError.self) { try bad.validate() }
  }

  @Test func topicsChangeOnlyTheTermFrequencyWeighting() {
    var expected = VectorizerConfiguration.standard
    expected.termFrequencySaturation = expected.topicTermFrequencySaturation
    #expect(VectorizerConfiguration.standard.forTopics == expected)
    #expect(
      expected.termFrequencySaturation != VectorizerConfiguration.standard.termFrequencySaturation)
  }
}

extension TermCounter {
  /// Counts one feature.
  fileprivate mutating func add(_ bucket: HashedBucket) {
    add(atMost: 1) { keys in
      keys[0] = TermCounter.key(bucket)
      return 1
    }
  }
}

@Suite struct TermCounterTests {
  @Test func countsAreSortedSummedAndResetBetweenDocuments() {
    var counter = TermCounter(size: 1 << 20)
    for (index, sign) in [(900_000, 1), (3, 1), (70_000, -1), (3, 1), (5, 1), (5, -1)]
      as [(UInt32, Float)]
    {
      counter.add(HashedBucket(index: index, sign: sign))
    }
    // Bucket 5 sums to zero and is dropped; the rest come out in index order.
    #expect(counter.drain() == SparseVector(indices: [3, 70_000, 900_000], values: [2, -1, 1]))
    counter.add(HashedBucket(index: 7, sign: 1))
    #expect(counter.drain() == SparseVector(indices: [7], values: [1]))
  }

  @Test(arguments: [1 << 4, 1 << 11, 1 << 20, 1 << 30])
  func manyFeaturesSumLikeADictionary(space: Int) {
    // More features than the counter first holds (it grows), over every digit of its sort.
    var counter = TermCounter(size: space)
    var state = UInt64(space)
    func next() -> UInt64 {  // a fixed linear congruential sequence (Knuth's MMIX constants)
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 16
    }
    for size in [10_000, 3, 25_000] {
      var expected: [UInt32: Float] = [:]
      for _ in 0..<size {
        let index = UInt32(next() % UInt64(space))
        let sign: Float = next() & 1 == 0 ? 1 : -1
        counter.add(HashedBucket(index: index, sign: sign))
        expected[index, default: 0] += sign
      }
      let nonzero = expected.filter { $0.value != 0 }.sorted { $0.key < $1.key }
      #expect(
        counter.drain()
          == SparseVector(indices: nonzero.map(\.key), values: nonzero.map(\.value)))
    }
  }
}
