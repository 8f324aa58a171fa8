import PaperCorpus
import Testing

@testable import Affinity

@Suite struct TranslatedTermsTests {
  @Test func aHangulTermTheTextsTranslateConsistentlyIsPaired() {
    let terms = TranslatedTerms(texts: [
      "과적합(overfitting)을 줄이는 방법입니다.",
      "모델의 과적합 (Overfitting) 문제를 다룹니다.",
      "강화 학습(reinforcement learning)으로 정책을 학습합니다. 강화 학습(Reinforcement Learning)",
      "대형 언어 모델(LLMs)과 비전 모델(VLM), 확산 모델(diffusion model)을 비교합니다.",
      "오디오(audio) 한 번뿐입니다.",
    ])
    #expect(terms.canonical("과적합") == "overfitting")
    #expect(terms.canonical("강화 학습") == "reinforcement learning")
    // `모델` comes before three different terms, `오디오` before one only once.
    #expect(terms.canonical("모델") == "모델")
    #expect(terms.canonical("오디오") == "오디오")
  }

  @Test func labelsCountAPairAsItsEnglishTerm() throws {
    let papers = (0..<6).map { index in
      Paper(
        id: ArxivID(String(format: "2406.%05d", index + 1))!, title: "Paper \(index)",
        dates: [Day("2024-06-18")!],
        sections: [
          SummarySection(
            text: index < 3
              ? "과적합(overfitting)을 막는 정규화 regularization 기법입니다."
              : "음성 인식 speech recognition 과 과적합 연구입니다.")
        ])
    }
    let labeler = TopicLabeler(papers: papers)
    let labels = labeler.labels(of: [[0, 1, 2], [3, 4, 5]])
    // The second group writes 과적합 without its English term: it still counts as
    // `overfitting`, which both groups use, so neither group's label names it in Hangul.
    #expect(!labels[0].contains("과적합") && !labels[1].contains("과적합"))
    #expect(labels[1].contains("speech recognition"))
  }
}
