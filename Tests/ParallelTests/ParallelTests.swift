import Parallel
import Synchronization
import Testing

@Suite struct ParallelTests {
  @Test(arguments: [(0, 1), (1, 1), (5, 8), (8, 8), (1000, 7), (4096, 256), (10_001, 64)])
  func chunksCoverEveryIndexOnceInOrder(count: Int, size: Int) {
    let indices = Parallel.mapChunks(of: count, size: size) { Array($0) }
    #expect(indices == Array(0..<count))
  }

  @Test func chunksAreAtMostTheSizeAndOnlyTheLastIsShorter() {
    let chunks = Mutex<[Range<Int>]>([])
    Parallel.forEachChunk(of: 1000, size: 64) { range in chunks.withLock { $0.append(range) } }
    let sorted = chunks.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
    #expect(sorted.count == 16)
    #expect(sorted.dropLast().allSatisfy { $0.count == 64 })
    #expect(sorted.last == 960..<1000)
  }
}
