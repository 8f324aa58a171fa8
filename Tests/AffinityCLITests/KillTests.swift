import Foundation
import Testing
import _TestSupport

/// `kill -9` at any moment of `add` (reading, writing the library, writing a segment, merging)
/// leaves the library and its index as they were before or as they are after.
@Suite struct KillTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  /// `count` generated papers as JSON Lines.
  func jsonLines(_ count: Int) -> String {
    (1...count).map { index in
      let topic = "topic\(index % 7)"
      return
        "{\"id\": \"2407.\(String(format: "%05d", index))\", \"title\": \"\(topic) study \(index)\", "
        + "\"date\": \"2024-07-0\(1 + index % 9)\", \"abstract\": \"\(topic) 방법을 \(topic) 데이터로 \(index)번 평가합니다.\"}"
    }.joined(separator: "\n") + "\n"
  }

  func run(_ arguments: String...) throws -> CommandResult {
    try affinity(arguments, home: workspace.url)
  }

  @Test func killedAddsLeaveTheStateBeforeOrAfter() throws {
    #expect(try run("add", "--sample").status == 0)
    // 1,500 papers into 20: the index grows by far more than a quarter, so the add writes a
    // segment and then merges (re-vectorises) every segment.
    let file = try workspace.write("big.jsonl", jsonLines(1500))
    let before = try run("related", "2406.11839", "-k", "5", "--format", "tsv").output
    let after = try affinity(
      ["related", "2406.11839", "-k", "5", "--format", "tsv", "--sample", "--corpus", file],
      home: workspace.url
    ).output
    var outcomes: Set<String> = []
    for delay in [0.1, 0.5, 1.0, 1.6, 2.3] {
      let add = try RunningCommand(["add", "--quiet", file], home: workspace.url)
      Thread.sleep(forTimeInterval: delay)
      kill(add.process.processIdentifier, SIGKILL)
      let ended = add.finish()
      let papers = try run("list", "--format", "tsv").output.split(separator: "\n").count - 1
      #expect(papers == 20 || papers == 1520, "killed after \(delay) s: \(papers) papers")
      let answer = try run("related", "2406.11839", "-k", "5", "--format", "tsv")
      #expect(answer.status == 0, "killed after \(delay) s: \(answer.errors)")
      #expect(answer.output == (papers == 20 ? before : after), "killed after \(delay) s")
      outcomes.insert(ended.status == 0 ? "finished" : papers == 20 ? "before" : "after")
      if papers == 1520 {
        // Start again from the sample alone, to kill the next add at another moment.
        try FileManager.default.removeItem(
          at: workspace.url.appendingPathComponent("library.sqlite"))
        for suffix in ["-wal", "-shm"] {
          try? FileManager.default.removeItem(
            at: workspace.url.appendingPathComponent("library.sqlite" + suffix))
        }
        #expect(try run("add", "--sample").status == 0)
      }
    }
    // Some kills landed before the papers were committed and some after, while the index was
    // being brought up to date.
    #expect(outcomes.contains("before"), "\(outcomes)")
    #expect(outcomes.contains("after") || outcomes.contains("finished"), "\(outcomes)")
  }

  @Test func anAddKilledWhileItMergesLeavesTheIndexBefore() throws {
    #expect(try run("add", "--sample").status == 0)
    let file = try workspace.write("big.jsonl", jsonLines(1500))
    let folder = workspace.url.appendingPathComponent("library.sqlite.affinity-ngram-v3.index")
    let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    let after = try affinity(
      ["related", "2406.11839", "-k", "5", "--format", "tsv", "--sample", "--corpus", file],
      home: workspace.url
    ).output
    // The add writes a segment of its papers, then (the library has grown far more than a
    // quarter) merges every segment into a new one: kill it once a second new file appears.
    let add = try RunningCommand(["add", "--quiet", file], home: workspace.url)
    var seen = 0
    let deadline = Date().addingTimeInterval(60)
    while add.process.isRunning, Date() < deadline {
      let files = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      seen = files.subtracting(before).filter { $0.hasPrefix("segment-") }.count
      if seen >= 2 { break }
      Thread.sleep(forTimeInterval: 0.001)
    }
    kill(add.process.processIdentifier, SIGKILL)
    let ended = add.finish()
    #expect(seen >= 2 && ended.status != 0, "killed before the merge, or after the add ended")
    // The papers were committed before indexing began; the index is the one before, or the
    // one after: either way the next query answers for all of them, and the folder keeps only
    // what its manifest names once an update has run.
    let answer = try run("related", "2406.11839", "-k", "5", "--format", "tsv")
    #expect(answer.status == 0, "\(answer.errors)")
    #expect(answer.output == after)
    #expect(try run("list", "--format", "tsv").output.split(separator: "\n").count == 1 + 1520)
  }
}
