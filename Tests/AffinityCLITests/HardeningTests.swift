import Foundation
import Testing
import _TestSupport

/// Commands side by side, outputs that never destroy what the user named, and every input path.
@Suite struct HardeningTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  /// `count` papers of one generated topic as JSON Lines, ids from `first`.
  func jsonLines(_ count: Int, from first: Int, topic: String) -> String {
    (first..<(first + count)).map { index in
      "{\"id\": \"2407.\(String(format: "%05d", index))\", \"title\": \"\(topic) study \(index)\", "
        + "\"date\": \"2024-07-01\", \"abstract\": \"\(topic) 방법을 \(topic) 데이터로 평가합니다 \(index).\"}"
    }.joined(separator: "\n") + "\n"
  }

  @Test func addsAndQueriesSideBySideAllSucceedAndKeepEveryPaper() throws {
    #expect(try affinity("add", "--sample", home: workspace.url).status == 0)
    let files = try (0..<4).map { part in
      try workspace.write(
        "part\(part).jsonl", jsonLines(60, from: 1 + part * 60, topic: "topic\(part)"))
    }
    let binary = Bundle.module.bundleURL.deletingLastPathComponent()
      .appendingPathComponent("affinity").path
    let loops = [
      "related 2406.11839 -k 3", "search 'preference optimization' -k 3", "list",
      "related 2406.11827 -k 3",
    ].map { query in
      "for i in 1 2 3 4 5 6; do '\(binary)' \(query) > /dev/null || exit 1; done"
    }
    var commands = try files.map { try RunningCommand(["add", $0], home: workspace.url) }
    let shells = try loops.map { loop in
      let shell = Process()
      shell.executableURL = URL(fileURLWithPath: "/bin/sh")
      shell.arguments = ["-c", loop]
      var environment = ProcessInfo.processInfo.environment
      environment["AFFINITY_DB"] = workspace.path("library.sqlite")
      shell.environment = environment
      let errors = Pipe()
      shell.standardError = errors
      try shell.run()
      return (loop, shell, errors)
    }
    for (loop, shell, errors) in shells {
      let message = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      shell.waitUntilExit()
      #expect(shell.terminationStatus == 0, "\(loop): \(message)")
    }
    for (file, command) in zip(files, commands) {
      let result = command.finish()
      #expect(result.status == 0, "add \(file): \(result.errors)")
      #expect(!result.errors.contains("locked"))
    }
    commands.removeAll()
    let list = try affinity("list", "--format", "tsv", home: workspace.url)
    #expect(list.output.split(separator: "\n").count == 1 + 20 + 240)
    let found = try affinity(
      "search", "topic3 study 240", "-k", "1", "--format", "tsv", home: workspace.url)
    #expect(found.output.contains("\t2407.00240\t"), "\(found.errors)")
  }
}

/// `-o` and standard output: what the user named stays what it was, and a failed write is an
/// error.
@Suite struct OutputDestinationTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  /// Starts `cat FIFO`, the FIFO's reader, with its output going to `output`.
  func startReader(of fifo: String, into output: Any) throws -> Process {
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    reader.standardOutput = output
    try reader.run()
    return reader
  }

  func isCharacterDevice(_ path: String) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
      == .typeCharacterSpecial
  }

  @Test(arguments: [
    ["list", "--sample"], ["show", "2406.11839", "--sample"],
    ["related", "2406.11839", "--sample"], ["related", "--all", "--sample"],
    ["search", "preference optimization", "--sample"], ["topics", "--sample"], ["info"],
    ["matrix", "--sample"], ["embeddings", "--sample"],
  ])
  func aFailedWriteToStandardOutputIsAnError(arguments: [String]) throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let result = try affinity(arguments, home: workspace.url, standardOutput: full)
    #expect(result.status == 1, "\(arguments)")
    #expect(
      result.errors.contains("cannot write output: No space left on device"), "\(result.errors)")
  }

  @Test func aDeviceIsWrittenNeverReplaced() throws {
    try #require(isCharacterDevice("/dev/full"))
    let result = try affinity(
      "matrix", "--sample", "-o", "/dev/full", "--format", "csv", home: workspace.url)
    #expect(result.status == 1)
    #expect(
      result.errors.contains("/dev/full") && result.errors.contains("No space left on device"))
    #expect(!result.errors.contains("wrote"))
    #expect(isCharacterDevice("/dev/full"))
  }

  @Test func aSymbolicLinkIsFollowedAndKept() throws {
    let target = try workspace.write("target.npy", "old")
    let link = workspace.path("link.npy")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.npy")
    let result = try affinity("matrix", "--sample", "-o", link, home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.npy")
    let written = try Data(contentsOf: URL(fileURLWithPath: target))
    #expect(written.starts(with: [0x93] + Array("NUMPY".utf8)) && written.count > 20 * 20 * 4)
  }

  @Test func aFIFOIsStreamedToItsReader() throws {
    let fifo = workspace.path("pipe.csv")
    #expect(mkfifo(fifo, 0o600) == 0)
    let received = Pipe()
    let reader = try startReader(of: fifo, into: received)
    let result = try affinity("matrix", "--sample", "-o", fifo, home: workspace.url)
    let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    reader.waitUntilExit()
    #expect(result.status == 0, "\(result.errors)")
    #expect(text.split(separator: "\n").count == 21 && text.hasPrefix("id,"))
    var status = stat()
    #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func aFormatWrittenOutOfOrderRefusesAStream() throws {
    let fifo = workspace.path("pipe.npy")
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = try startReader(of: fifo, into: FileHandle.nullDevice)
    let result = try affinity("matrix", "--sample", "-o", fifo, home: workspace.url)
    reader.waitUntilExit()
    #expect(result.status == 1)
    #expect(result.errors.contains("is a stream"), "\(result.errors)")
  }
}

/// Every way of naming the input: `-` for standard input, `--corpus` once per path.
@Suite struct InputArgumentTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  let digest = """
    ## Daily Papers (2024-06-18)
    ### [Preference Optimization for Vision](https://arxiv.org/abs/2406.00001)
    - 선호 최적화 preference optimization을 이미지에 씁니다.
    ### [Weighted Preference Optimization](https://arxiv.org/abs/2406.00002)
    - 가중치를 준 preference optimization 방법입니다.
    ### [Gaussian Splatting Scenes](https://arxiv.org/abs/2406.00003)
    - 가우시안 스플래팅으로 장면을 복원합니다.
    ### [Repository Code Generation](https://arxiv.org/abs/2406.00005)
    - 저장소 수준의 코드 생성 벤치마크입니다.
    ### [Speech Synthesis at Scale](https://arxiv.org/abs/2406.00006)
    - 대규모 음성 합성 모델을 학습합니다.

    """

  @Test func theIdMayComeBeforeOrAfterRepeatedCorpusOptions() throws {
    let first = try workspace.write("a.md", digest)
    let second = try workspace.write(
      "b.jsonl", "{\"id\": \"2406.00004\", \"title\": \"Preference Optimization Again\"}\n")
    for arguments in [
      [
        "related", "--corpus", first, "--corpus", second, "2406.00001", "-k", "2", "--format",
        "tsv",
      ],
      [
        "related", "2406.00001", "--corpus", first, "--corpus", second, "-k", "2", "--format",
        "tsv",
      ],
    ] {
      let result = try affinity(arguments, home: workspace.url)
      #expect(result.status == 0, "\(arguments): \(result.errors)")
      let ids = result.output.split(separator: "\n").dropFirst().map {
        $0.split(separator: "\t")[2]
      }
      #expect(Set(ids) == ["2406.00002", "2406.00004"], "\(arguments)")
    }
  }

  @Test func standardInputIsAFileForAddCorpusAndSearch() throws {
    let file = try workspace.write("day.md", digest)
    let add = try affinity(
      ["add", "-"], home: workspace.url, input: try #require(FileHandle(forReadingAtPath: file)))
    #expect(add.status == 0, "\(add.errors)")
    #expect(add.output.hasPrefix("added 5, updated 0, unchanged 0, rejected 0"))
    let listed = try affinity(
      ["list", "--corpus", "-", "--format", "tsv"], home: workspace.url,
      input: try #require(FileHandle(forReadingAtPath: file)))
    #expect(listed.output.split(separator: "\n").count == 6, "\(listed.errors)")
    let query = try workspace.write("query.txt", "Gaussian Splatting")
    let searched = try affinity(
      ["search", "-", "-k", "1", "--format", "tsv"], home: workspace.url,
      input: try #require(FileHandle(forReadingAtPath: query)))
    #expect(searched.output.contains("\t2406.00003\t"), "\(searched.errors)")
  }

  @Test func aLibraryPathBelowAFileSaysSo() throws {
    let file = try workspace.write("plain.txt", "a file")
    let result = try affinity("add", "--sample", "--db", file + "/lib.sqlite", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.errors.contains("\(file) is a file, not a folder"), "\(result.errors)")
    #expect(!result.errors.contains("NSCocoaErrorDomain"))
  }
}

/// Papers named as readers copy them.
@Suite struct PaperNameTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  @Test(arguments: [
    "https://huggingface.co/papers/2406.11839#community", "https://arxiv.org/html/2406.11839v2",
    "http://www.arxiv.org/pdf/2406.11839v1", "arXiv:2406.11839",
  ])
  func everyLinkFormNamesThePaper(name: String) throws {
    let result = try affinity("show", name, "--sample", "--format", "tsv", home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains("2406.11839\t2024-06-18"))
  }

  @Test func aNearMissSaysWhichPaperItNearlyIs() throws {
    // A digit short of 2406.19774, and two digits of 2406.18462 swapped.
    for (command, meant) in [
      (["show", "2406.1977"], "2406.19774"), (["related", "2406.14862"], "2406.18462"),
    ] {
      let result = try affinity(command + ["--sample"], home: workspace.url)
      #expect(result.status == 1)
      #expect(result.errors.contains("did you mean \(meant)?"), "\(result.errors)")
    }
  }
}
