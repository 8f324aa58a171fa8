import Foundation
import Testing
import _TestSupport

@Suite struct RecommendationCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  @Test func relatedOnTheSampleFindsPreferenceOptimisationFirst() throws {
    let result = try affinity(
      "related", "2406.11839", "--sample", "-k", "2", "--format", "tsv", home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.first == "query\trank\tid\tscore\ttitle")
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix("2406.11839\t1\t2406.11827\t"))  // WPO
  }

  @Test func searchFromStandardInputAndExplain() throws {
    let query = try workspace.write("query.txt", "Large 4D Gaussian Reconstruction Model")
    let result = try affinity(
      "search", "--file", query, "--sample", "-k", "1", "--explain", "--format", "json",
      home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let lines = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    #expect(lines.first?["id"] as? String == "2406.10324")
    #expect(lines.first?["query"] as? String == "-")
    #expect(
      ((lines.first?["shared"] as? [[String: Any]])?.first?["term"] as? String)?.contains(
        "gaussian") == true)
  }

  @Test func aLibraryAnswersFromItsStoredIndexAsTheSameFilesInMemoryDo() throws {
    let added = try affinity("add", "--sample", home: workspace.url)
    #expect(added.output.hasSuffix("\nindexed 20 papers for related and search\n"))
    let index = workspace.url.appendingPathComponent("library.sqlite.affinity-ngram-v3.index")
    #expect(FileManager.default.fileExists(atPath: index.path))
    #expect(!(try affinity("add", "--sample", home: workspace.url)).output.contains("indexed"))
    for arguments in [
      ["related", "2406.11839", "-k", "4", "--explain"],
      ["search", "Gaussian splatting", "--since", "2024-06-01", "--format", "tsv"],
    ] {
      let stored = try affinity(arguments, home: workspace.url)
      let inMemory = try affinity(arguments + ["--sample"], home: workspace.url)
      #expect(stored.status == 0 && stored.errors.isEmpty, "\(stored.errors)")
      #expect(stored.output == inMemory.output)
    }
    // Without its index the library still answers, and indexes itself again.
    try FileManager.default.removeItem(at: index)
    let rebuilt = try affinity("related", "2406.11839", "-k", "4", home: workspace.url)
    #expect(rebuilt.errors == "indexed 20 papers for related and search\n")
    #expect(FileManager.default.fileExists(atPath: index.path))
  }

  @Test func relatedAllListsEveryPaper() throws {
    let result = try affinity(
      "related", "--all", "--sample", "-k", "3", "--format", "tsv", home: workspace.url)
    #expect(result.status == 0)
    let queries = Set(
      result.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[0] })
    #expect(queries.count == 20)
  }

  @Test(arguments: [
    (
      ["related", "2406.99999", "--sample"], 1,
      "no paper 2406.99999 among these papers; 'affinity list' (with the same --db, --corpus or --sample) shows them"
    ),
    (["related", "nonsense", "--sample"], 1, "'nonsense' is not an arXiv id"),
    (["related", "2406.11839", "--sample", "-k", "0"], 64, "-k must be at least 1"),
    (["related", "2406.11839", "--sample", "-k", "-3"], 64, "-k must be at least 1 (got -3)"),
    (["related", "--sample"], 64, "Give paper ids, or --all."),
    (["search", "", "--sample"], 1, "the query is empty"),
    (["search", "--sample"], 64, "Give the text to search for, or --file PATH."),
    (
      ["search", "x", "--file", "/no/such", "--sample"], 64,
      "Give the text to search for, or --file PATH."
    ),
    (["search", "--file", "/no/such/query.txt", "--sample"], 1, "cannot read /no/such/query.txt"),
  ])
  func badInputIsExplained(arguments: [String], status: Int32, message: String) throws {
    let result = try affinity(arguments, home: workspace.url)
    #expect(result.status == status)
    #expect(result.errors.contains(message), "\(result.errors)")
  }

  // These use the workspace's own library ($AFFINITY_DB, set by `affinity(_:home:)`).

  @Test func anEmptyLibraryIsExplained() throws {
    let empty = try workspace.write("empty.jsonl", "\n")
    #expect(try affinity("add", empty, home: workspace.url).status == 1)  // creates the library
    let result = try affinity("related", "2406.00001", home: workspace.url)
    #expect(result.status == 1)
    #expect(result.errors.contains("there are no papers to recommend from"))
  }

  @Test func aPaperSharingNothingGetsANoteNotACrash() throws {
    let one = try workspace.write("one.jsonl", "{\"id\": \"2406.00001\", \"title\": \"Only\"}\n")
    #expect(try affinity("add", one, home: workspace.url).status == 0)
    let result = try affinity("related", "2406.00001", home: workspace.url)
    #expect(result.status == 0)
    #expect(result.output.isEmpty)
    #expect(result.errors.contains("no paper shares any term"))
  }

  @Test func aBadModelFileIsExplained() throws {
    let model = try workspace.write("model.json", "{\"version\": 3}")
    let result = try affinity("search", "dpo", "--sample", "--model", model, home: workspace.url)
    #expect(result.status == 1)
    #expect(result.errors.contains("not a vectorizer model"))
  }
}

/// A filter that leaves no paper is the same error, exit 1, naming the filter, for every command.
@Suite struct EmptyFilterTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  static let commands = [
    ["list"], ["related", "2406.11839"], ["related", "2406.11839", "2406.11827"],
    ["related", "--all"], ["search", "preference"], ["topics"], ["matrix"], ["embeddings"],
  ]

  /// Each filter, and what the message names.
  static let filters = [
    (
      ["--date", "1999-01-01"], "no papers match --date 1999-01-01; 'affinity info' shows the days"
    ),
    (["--since", "2099-01-01"], "no papers match --since 2099-01-01; 'affinity info'"),
    (["--until", "1999-01-01"], "no papers match --until 1999-01-01; 'affinity info'"),
    (
      ["--date", "2024-06-18", "--author", "Nobody"],
      "no papers match --author 'Nobody' (of the 7 papers"
    ),
    (["--author", "wang", "--min-votes", "60"], "no papers match --min-votes 60 (of the 9 papers"),
  ]

  @Test(arguments: commands)
  func saysWhichFilterEmptiedTheList(command: [String]) throws {
    for (filter, message) in Self.filters {
      let result = try affinity(command + ["--sample"] + filter, home: workspace.url)
      #expect(result.status == 1, "\(command) \(filter)")
      #expect(result.errors.contains(message), "\(command) \(filter): \(result.errors)")
      #expect(result.output.isEmpty || command == ["list"], "\(command)")
    }
  }

  @Test func recommendSaysSoToo() throws {
    #expect(try affinity("add", "--sample", home: workspace.url).status == 0)
    #expect(try affinity("mark", "liked", "2406.11839", home: workspace.url).status == 0)
    for (filter, message) in Self.filters {
      // Without a day, recommend ranks the newest day: fewer papers for the later filters.
      let named = String(message.split(separator: "(")[0])
      let result = try affinity(["recommend"] + filter, home: workspace.url)
      #expect(result.status == 1 && result.errors.contains(named), "\(filter): \(result.errors)")
    }
  }
}
