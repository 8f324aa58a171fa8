import Testing

@testable import Affinity

@Suite struct SharedTermTests {
  @Test func termsFoldIntoLongerTermsOnlyAtTheStartOfAWord() {
    let terms = SharedTerm.strongest(
      of: [
        ("preference optimization", 0.4), ("optimization", 0.1), ("preference", 0.1),
        ("mdpo", 0.05), ("dpo", 0.2), ("선호도", 0.1), ("선호", 0.04), ("x", 0.001),
      ],
      limit: 10)
    #expect(terms.map(\.term) == ["preference optimization", "dpo", "선호도", "mdpo"])
    #expect(abs((terms.first?.share ?? 0) - 0.6 / 0.991) < 1e-6)
  }
}
