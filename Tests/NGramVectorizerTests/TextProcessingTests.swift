import Testing

@testable import NGramVectorizer

@Suite struct TextProcessingTests {
  @Test func normalizationFoldsWidthCaseAndDropsAddresses() {
    #expect(TextNormalizer.normalize("ＤＰＯ와 LLM") == "dpo와 llm")
    #expect(TextNormalizer.normalize("코드는 https://github.com/x/y 에 있다") == "코드는  에 있다")
    #expect(TextNormalizer.normalize("PixArt-Σ") == "pixart-σ")
  }

  @Test func webAddressesEndAtWhiteSpaceInEitherPath() {
    // ASCII and Hangul only (the byte-wise path), then with other scripts (NFKC first).
    #expect(TextNormalizer.normalize("See HTTPS://X.io/A\tnext http://b") == "see \tnext ")
    #expect(TextNormalizer.normalize("http 논문 https:/ 끝") == "http 논문 https:/ 끝")
    #expect(TextNormalizer.normalize("Σ https://x.io/a\u{2028}b") == "σ \u{2028}b")
    #expect(TextNormalizer.normalize("Ａ http://x.io\u{3000}b") == "a  b")  // NFKC: U+3000 → space
    #expect(TextNormalizer.normalize("") == "")
  }

  @Test func hangulJamoAreComposed() {
    // U+1106 U+1169 (ᄆ + ᅩ) composes to U+BAA8 (모).
    #expect(TextNormalizer.normalize("\u{1106}\u{1169}델") == "모델")
  }

  @Test func wordsKeepAcronymsAndMixedTokens() {
    let words = Tokenizer.words(in: "gpt-4o는 (multimodal) 모델을, l2 norm과 4k 해상도; v1.5와 c++ 그리고 end-")
    #expect(
      words == [
        "gpt-4o는", "multimodal", "모델을", "l2", "norm과", "4k", "해상도", "v1.5와", "c++", "그리고", "end",
      ])
  }

  @Test func labelTermsAreWholeWordsAndPhrasesThatNameSomething() {
    let terms = LabelTerms.terms(
      in: "풍부한 가우시안 스플래팅을 이용한 Preference Optimization: how effective is DPO를 제안합니다")
    for expected in ["가우시안", "스플래팅", "가우시안 스플래팅", "preference optimization", "dpo"] {
      #expect(terms.contains(expected), "\(expected) missing from \(terms)")
    }
    // Particles, adjectives, predicates, general and stop words, and fragments are not terms.
    for unwanted in ["스플래팅을", "풍부한", "이용한", "제안합니다", "how", "effective", "is", "dpo를", "가우"] {
      #expect(!terms.contains(unwanted), "\(unwanted) in \(terms)")
    }
  }

  @Test func hyphenJoinedHangulIsOneTermAndVerbFormsAndParticlesAreNone() {
    let terms = LabelTerms.terms(
      in: "텍스트-이미지를 선택된 데이터로 함께 최대화하는 해결하기 your 검색 비디오에서도 (텍스트)로부터")
    for expected in ["텍스트-이미지", "검색", "비디오"] {
      #expect(terms.contains(expected), "\(expected) missing from \(terms)")
    }
    for unwanted in ["텍스트-이미지를", "선택된", "함께", "최대화하는", "해결하기", "your", "비디오에서", "로부터"] {
      #expect(!terms.contains(unwanted), "\(unwanted) in \(terms)")
    }
  }

  @Test func latinWordsAreRecognised() {
    #expect(Tokenizer.isLatin("gpt-4o"))
    #expect(!Tokenizer.isLatin("모델"))
    #expect(!Tokenizer.isLatin("42"))
  }

  @Test func particlesShareCharacterNGrams() {
    let extractor = FeatureExtractor(configuration: .standard)
    var first: Set<String> = []
    var second: Set<String> = []
    extractor.forEachNamedFeature(in: "모델을") { _, term, _ in first.insert(term) }
    extractor.forEachNamedFeature(in: "모델이") { _, term, _ in second.insert(term) }
    #expect(first.intersection(second) == [" 모", "모델", " 모델"])
  }

  @Test func latinWordRunsBecomeUnigramsAndBigrams() {
    let extractor = FeatureExtractor(configuration: .standard)
    var terms: [String] = []
    extractor.forEachNamedFeature(in: "direct preference optimization의 핵심") {
      _, term, _ in
      if !term.hasPrefix(" ") && !term.hasSuffix(" ") && term.count > 4 { terms.append(term) }
    }
    #expect(terms.contains("preference optimization"))
    #expect(terms.contains("direct preference"))
    #expect(!terms.contains("optimization의 핵심"))
  }
}
