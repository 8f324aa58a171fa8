import SimilarityCore
import Testing

@Suite(.serialized) struct BLASSettingsTests {
  @Test func threadCountRoundTrips() {
    let original = BLASSettings.threadCount
    defer { BLASSettings.threadCount = original }
    BLASSettings.threadCount = 1
    #expect(BLASSettings.threadCount == 1)
    BLASSettings.threadCount = 0  // clamped
    #expect(BLASSettings.threadCount == 1)
  }

  @Test func configurationNamesOpenBLAS() {
    #expect(BLASSettings.configuration.contains("OpenBLAS"))
    #expect(BLASSettings.processorCount >= 1)
  }
}
