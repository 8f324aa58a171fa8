import Foundation
import Testing
import _TestSupport

@Suite struct AddCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  let digest = """
    ## Daily Papers (2024-06-18)
    ### [Good one](https://arxiv.org/abs/2406.00001)
    Vote: 4
    ### A heading without a link
    ### [Good two](https://arxiv.org/abs/2406.00002)
    Vote: -
    """

  @Test func addingTwiceAddsNothingTheSecondTime() throws {
    let first = try affinity("add", "--sample", home: workspace.url)
    #expect(first.status == 0)
    #expect(first.output.hasPrefix("added 20, updated 0, unchanged 0, rejected 0 (1 file into "))
    let second = try affinity("add", "--sample", home: workspace.url)
    #expect(second.output.hasPrefix("added 0, updated 0, unchanged 20, rejected 0"))
    let stored = try affinity("list", "--format", "tsv", home: workspace.url)
    let inMemory = try affinity("list", "--sample", "--format", "tsv", home: workspace.url)
    #expect(stored.output == inMemory.output)
  }

  @Test func malformedEntriesAreSkippedTheRestGoesInAndTheExitIsOne() throws {
    let path = try workspace.write("day.md", digest)
    let result = try affinity("add", path, home: workspace.url)
    #expect(result.status == 1)
    #expect(result.output.hasPrefix("added 2, updated 0, unchanged 0, rejected 1"))
    #expect(
      result.errors
        == "\(path):4: paper heading has no arXiv link; expected '### [Title](https://arxiv.org/abs/ID)'\n"
    )
    #expect(
      try affinity("list", "--format", "tsv", home: workspace.url).output.split(separator: "\n")
        .count == 3)
  }

  @Test func aChangedVoteCountIsAnUpdate() throws {
    let path = try workspace.write(
      "day.md", "## Daily Papers (2024-06-18)\n### [P](https://arxiv.org/abs/2406.00001)\nVote: 4\n"
    )
    _ = try affinity("add", path, home: workspace.url)
    try workspace.write(
      "day.md", "## Daily Papers (2024-06-18)\n### [P](https://arxiv.org/abs/2406.00001)\nVote: 9\n"
    )
    #expect(
      try affinity("add", path, home: workspace.url).output.hasPrefix(
        "added 0, updated 1, unchanged 0"))
    #expect(
      try affinity("list", "--format", "tsv", home: workspace.url).output.contains(
        "2406.00001\t2024-06-18\t9\t0\tP"))
  }

  @Test func badFilesNeverShrinkTheLibrary() throws {
    #expect(try affinity("add", "--sample", home: workspace.url).status == 0)
    let empty = try workspace.write("empty.md", "")
    let binary = try workspace.write("noise.md", bytes: [0x00, 0xFF, 0xFE, 0x13, 0x37, 0x00, 0x80])
    let notJSON = try workspace.write(
      "bad.jsonl", "{\"id\": \"2406.00001\", \"title\": 7}\nnot json\n")
    let folder = workspace.url.appendingPathComponent("no-digests")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let result = try affinity(
      "add", empty, binary, notJSON, folder.path, "/no/such/file.md", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.output.hasPrefix("added 0, updated 0, unchanged 0, rejected 2"))
    let lines = result.errors.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "\(empty): file is empty; expected a Daily Papers digest or JSON Lines",
        "\(binary): binary data, not text (5 of the first 7 bytes are not UTF-8 text); expected "
          + "a Daily Papers digest or JSON Lines",
        "\(notJSON):1: field 'title' has the wrong type; expected a string",
        "\(notJSON):2: not valid JSON; expected one JSON object a line",
        "\(folder.path): folder has no digests; expected .md, .txt, .jsonl or .json files in it",
        "/no/such/file.md: no such file or folder",
      ])
    #expect(
      try affinity("list", "--format", "tsv", home: workspace.url).output.split(separator: "\n")
        .count == 21)
  }

  @Test func addWithoutPathsIsAUsageError() throws {
    let result = try affinity("add", home: workspace.url)
    #expect(result.status == 64)
    #expect(result.errors.contains("Give at least one file or folder to add, or --sample."))
  }

  @Test func anUnwritableLibraryIsAClearError() throws {
    let blocker = try workspace.write("file", "x")
    let result = try affinity(
      "add", "--sample", "--db", blocker + "/lib.sqlite", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.errors.contains("cannot open the library at \(blocker)/lib.sqlite"))
  }
}
