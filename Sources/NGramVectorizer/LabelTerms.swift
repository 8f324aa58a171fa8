/// Candidate topic-label terms of a text: whole words and two-word phrases a reader
/// recognises, never character fragments.
///
/// Latin words (`diffusion`, `gpt-4o`) and adjacent pairs (`preference optimization`); Hangul
/// words (also hyphen-joined ones, `텍스트-이미지`) with a trailing particle removed
/// (`스플래팅을` → `스플래팅`) and adjacent pairs (`가우시안 스플래팅`). English stop words,
/// numbers, one-letter words, one-syllable Hangul stems, Korean predicates (`제안합니다`,
/// `최대화하는`) and general words (`함께`) are left out, and a pair never spans a script change.
public enum LabelTerms {
  /// The distinct candidate terms of a text.
  ///
  /// ```swift
  /// LabelTerms.terms(in: "가우시안 스플래팅을 이용한 4D generation")
  /// // ["가우시안", "스플래팅", "가우시안 스플래팅", "이용한", "generation", …]
  /// ```
  ///
  /// - Parameter text: Raw text (normalised here).
  /// - Returns: The terms, each once.
  /// - Complexity: O(*n*).
  public static func terms(in text: String) -> Set<String> {
    var terms: Set<String> = []
    var previous: (term: Substring, isLatin: Bool)?
    for word in Tokenizer.words(in: TextNormalizer.normalize(text)) {
      guard let (term, isLatin) = candidate(word) else {
        previous = nil
        continue
      }
      terms.insert(String(term))
      if let previous, previous.isLatin == isLatin {
        terms.insert(previous.term + " " + term)
      }
      // A Latin stem with a Korean particle (`dpo를`) ends its phrase.
      previous = isLatin && term.count < word.count ? nil : (term, isLatin)
    }
    return terms
  }

  /// A word as a reader names a topic by, or `nil` for a word that names none: see
  /// ``terms(in:)`` (`스플래팅을` → `스플래팅`, `dpo를` → `dpo`, `제안합니다` → `nil`).
  public static func readableTerm(_ word: Substring) -> Substring? { candidate(word)?.0 }

  private static func candidate(_ word: Substring) -> (Substring, isLatin: Bool)? {
    let latin = latinStem(word)
    if Tokenizer.isLatin(latin) {
      guard latin.count >= 2, !FeatureExtractor.stopWords.contains(latin),
        !generalLatinWords.contains(latin)
      else { return nil }
      return (latin, true)
    }
    // Hangul, or Hangul parts joined by hyphens (`텍스트-이미지`).
    guard
      word.unicodeScalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) || $0 == "-" })
    else { return nil }
    if predicateEndings.contains(where: { word.hasSuffix($0) }) { return nil }
    // Attributive adjectives (`풍부한`, `효율적인`) describe, they do not name.
    if word.count >= 3, modifierEndings.contains(where: { word.hasSuffix($0) }) { return nil }
    var stem = word
    if let particle = particles.first(where: { word.hasSuffix($0) && word.count - $0.count >= 2 }) {
      stem = word.dropLast(particle.count)
    }
    guard stem.count >= 2, !generalWords.contains(String(stem)) else { return nil }
    return (stem, false)
  }

  /// A Latin word without the Korean particle written onto it (`dpo를` → `dpo`); other words
  /// as they are.
  private static func latinStem(_ word: Substring) -> Substring {
    let stem = word.prefix { $0.isASCII }
    return stem.count < word.count && Tokenizer.isLatin(stem) ? stem : word
  }

  /// Particles and endings taken off a Hangul word, longest first.
  private static let particles: [String] = [
    "으로부터", "에서는", "으로는", "에서의", "으로의", "에서도", "에서만", "으로도", "으로만", "에게서", "로부터",
    "에서", "으로", "에게", "까지", "부터", "보다", "처럼", "로도", "로만",
    "과의", "와의", "에는", "에도", "이나", "이며", "이고", "들을", "들이", "들의", "들은", "을", "를",
    "이", "가", "은", "는", "의", "에", "로", "과", "와", "도", "만", "들",
  ]

  /// Korean words that carry no topic: pronouns, connectives and the digests' stock phrases.
  private static let generalWords: Set<String> = [
    "우리", "이를", "이것", "그것", "때문", "의해", "대해", "대한", "위해", "위한", "통해", "따라",
    "가장", "매우", "또한", "특히", "모든", "다양한", "새로운", "기존", "이러한", "그러나", "하지만",
    "있는", "있도록", "있으며", "없는", "같은", "많은", "주요", "최근", "방법", "결과", "성능", "연구",
    "제안", "기술", "접근법", "접근", "문제", "경우", "사용", "이용한", "기반", "기반으로", "효과적",
    "효과적인", "효율적인", "우수한", "뛰어난", "놀라운", "인상적인", "광범위한", "것을", "것이", "것은",
    "자기", "수행할", "보여준다", "평가한", "이를 통해", "크기", "정도", "부분", "향상", "개선",
    "이상", "이하", "가지", "일부", "대형", "비해", "높은", "낮은", "유형", "사례", "등의", "최신", "품질",
    "수준", "효율적", "효율성", "능력", "작업", "모델", "모델의", "데이터", "성능을", "여러", "각각",
    "아니라", "뿐만", "반면", "널리", "함께", "더해", "이라", "로부터", "으로부터", "가지고", "더욱",
    "더불어", "그리고", "또는", "및",
  ]

  /// English words that carry no topic on their own.
  private static let generalLatinWords: Set<Substring> = [
    "how", "what", "why", "can", "do", "does", "we", "our", "you", "your", "its", "their", "new",
    "novel", "effective", "efficient", "simple", "better", "towards", "toward", "using", "based",
    "across",
    "large", "model", "models", "approach", "method", "methods", "results", "performance",
  ]

  /// Endings of attributive adjectives, on words of three or more syllables.
  private static let modifierEndings = ["한", "된", "적인", "로운", "스러운"]

  /// Endings of predicates (`제안합니다`, `보였다`): verbs, not topics.
  private static let predicateEndings = [
    "니다", "다", "하는", "하여", "하고", "해서", "했으며", "하며", "하기", "되는", "되어", "되며", "되고",
    "되지", "시키고", "시키는", "시켜",
  ]
}
