import Foundation
import Testing
import _TestSupport

@Suite struct ExportCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  private func path(_ name: String) -> String { workspace.url.appendingPathComponent(name).path }
  private func data(_ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path(name)))
  }
  private func lines(_ name: String) throws -> [String] {
    String(decoding: try data(name), as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// The ids `affinity list` prints, in its order.
  private func listedIDs(_ arguments: String...) throws -> [String] {
    let list = try affinity(
      ["list", "--sample", "--format", "tsv"] + arguments, home: workspace.url)
    return list.output.split(separator: "\n").dropFirst().map {
      String($0.split(separator: "\t")[0])
    }
  }

  /// Every pair's score as `related --all` prints it (six decimals), by query and paper.
  private func relatedScores() throws -> [String: [(id: String, score: Float)]] {
    let run = try affinity(
      "related", "--all", "--sample", "-k", "100", "--format", "tsv", home: workspace.url)
    #expect(run.status == 0, "\(run.errors)")
    var lists: [String: [(id: String, score: Float)]] = [:]
    for line in run.output.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      lists[fields[0], default: []].append((fields[2], Float(fields[3]) ?? .nan))
    }
    return lists
  }

  @Test func npyCSVAndMtxHoldTheScoresRelatedRanksBy() throws {
    for arguments in [
      ["matrix", "--sample", "-o", path("m.npy")],
      ["matrix", "--sample", "-o", path("m.mtx"), "--top-k", "3"],
      [
        "embeddings", "--sample", "--format", "npy", "-o", path("e.bin"), "--ids-out",
        path("e.ids"),
      ],
    ] {
      let result = try affinity(arguments, home: workspace.url)
      #expect(result.status == 0, "\(arguments): \(result.errors)")
      #expect(!result.errors.contains("approximate"), "exact scores need no note")
    }
    let csvRun = try affinity("matrix", "--sample", home: workspace.url)
    #expect(csvRun.status == 0)

    let matrix = try MatrixFileReading.numPy(data("m.npy"))
    let ids = try listedIDs()
    #expect(matrix.rows == 20 && matrix.columns == 20)
    #expect(try lines("m.npy.ids.txt") == ids)
    #expect(try lines("m.mtx.ids.txt") == ids)
    #expect(try lines("e.ids") == ids)
    for i in 0..<20 {
      #expect(matrix[i, i] == 1)
      for j in 0..<20 { #expect(matrix[i, j] == matrix[j, i]) }
    }

    // Every score related prints is the matrix's entry, and every positive entry is printed.
    let related = try relatedScores()
    for (i, query) in ids.enumerated() {
      let listed = Dictionary(
        uniqueKeysWithValues: (related[query] ?? []).map { ($0.id, $0.score) })
      for (j, paper) in ids.enumerated() where j != i {
        if let score = listed[paper] {
          #expect(abs(score - matrix[i, j]) <= 5e-7, "\(query) \(paper)")
        } else {
          #expect(matrix[i, j] <= 0, "\(query) \(paper) is missing from related")
        }
      }
    }

    let csv = try MatrixFileReading.csv(csvRun.output)
    #expect(csv.rowNames == ids && csv.columnNames == ids)
    for (a, b) in zip(csv.values, matrix.values) { #expect(abs(a - b) <= 5e-6) }

    // mtx --top-k: related's first three of each paper, with the matrix's scores.
    let sparse = try MatrixFileReading.matrixMarket(
      String(decoding: try data("m.mtx"), as: UTF8.self))
    #expect(sparse.entries.count == 20 * 3)
    for (row, query) in ids.enumerated() {
      let kept = sparse.entries.filter { $0.row == row }
      #expect(kept.map { ids[$0.column] } == (related[query] ?? []).prefix(3).map(\.id))
      for entry in kept { #expect(entry.value == matrix[entry.row, entry.column]) }
    }

    // The embeddings approximate the exact scores: unit rows, products near the matrix's.
    let embedding = try MatrixFileReading.numPy(data("e.bin"))
    #expect(embedding.rows == 20 && embedding.columns == 4096)
    for i in 0..<20 {
      let norm = (0..<4096).reduce(Float(0)) { $0 + embedding[i, $1] * embedding[i, $1] }
      #expect(abs(norm - 1) < 1e-5)
      for j in 0..<20 where i != j {
        let dot = (0..<4096).reduce(Float(0)) { $0 + embedding[i, $1] * embedding[j, $1] }
        #expect(abs(dot - matrix[i, j]) < 0.1)
      }
    }
  }

  @Test func idsAndDaysNarrowTheRows() throws {
    let all = try listedIDs()
    let result = try affinity(
      "matrix", "--sample", "--ids", "\(all[3]),\(all[0])", "-o", path("two.npy"),
      "--ids-out", path("two.txt"), home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    #expect(try lines("two.txt") == [all[3], all[0]])
    let two = try MatrixFileReading.numPy(data("two.npy"))
    #expect(
      try affinity("matrix", "--sample", "-o", path("all.npy"), home: workspace.url).status == 0)
    let full = try MatrixFileReading.numPy(data("all.npy"))
    #expect(two.rows == 2 && two[0, 1] == full[3, 0])

    let day = try affinity("matrix", "--sample", "--date", "2024-06-18", home: workspace.url)
    #expect(day.status == 0)
    #expect(try MatrixFileReading.csv(day.output).rowNames == listedIDs("--date", "2024-06-18"))
  }

  @Test func embeddingsCSVHasOneRowPerPaper() throws {
    let result = try affinity("embeddings", "--sample", home: workspace.url)
    #expect(result.status == 0)
    let csv = try MatrixFileReading.csv(result.output)
    let ids = try listedIDs()
    #expect(csv.rows == 20 && csv.columns == 4096 && csv.rowNames == ids)
  }

  @Test func aNegativeThresholdIsAValueNotAnOption() throws {
    let result = try affinity(
      ["matrix", "--sample", "--threshold", "-0.5", "-o", path("t.mtx")], home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let sparse = try MatrixFileReading.matrixMarket(
      String(decoding: try data("t.mtx"), as: UTF8.self))
    // No two sample papers are that far apart: every pair off the diagonal is kept.
    #expect(sparse.entries.count == 20 * 19)
    #expect(sparse.entries.allSatisfy { $0.value >= -0.5 && $0.row != $0.column })
  }

  @Test(arguments: [
    (
      ["matrix", "--sample", "--ids", "2406.11839,2406.99999", "-o", "m.npy"], 1,
      "no paper 2406.99999 among these papers"
    ),
    (["matrix", "--sample", "--ids", "2406.11839,2406.11839", "-o", "m.npy"], 1, "named twice"),
    (
      ["matrix", "--sample", "--format", "mtx", "--top-k", "0", "-o", "m.mtx"], 64,
      "--top-k must be at least 1"
    ),
    (
      ["matrix", "--sample", "--format", "mtx", "--top-k", "-1", "-o", "m.mtx"], 64,
      "--top-k must be at least 1 (got -1)"
    ),
    (
      ["matrix", "--sample", "--threshold", "1.5", "-o", "m.mtx"], 64,
      "--threshold must be between -1 and 1"
    ),
    (
      ["matrix", "--sample", "--threshold", "-1.5", "-o", "m.mtx"], 64,
      "--threshold must be between -1 and 1"
    ),
    (
      ["matrix", "--sample", "--threshold", "nan", "-o", "m.mtx"], 64,
      "--threshold must be between -1 and 1"
    ),
    (["matrix", "--sample", "-o", "m.mtx"], 64, "--format mtx needs --top-k K or --threshold T"),
    (["matrix", "--sample", "--top-k", "3", "-o", "m.npy"], 64, "are for --format mtx"),
    (["matrix", "--sample", "--format", "npy"], 64, "give -o FILE"),
    (
      ["matrix", "--sample", "--ids", "2406.11839", "--date", "2024-06-18", "-o", "m.npy"], 64,
      "leave out the filters (--date, --since, …)"
    ),
    (["matrix", "--sample", "--date", "1999-01-01", "-o", "m.npy"], 1, "no papers match"),
    (["matrix", "--sample", "-o", "missing/m.npy"], 1, "check that the folder exists"),
    (["embeddings", "--sample", "--ids-out", "ids.txt"], 64, "--ids-out is for npy"),
    (["matrix", "-o", "m.npy"], 1, "add"),
  ])
  func badArgumentsAreClearErrorsAndLeaveNothing(
    arguments: [String], status: Int32, message: String
  ) throws {
    let result = try affinity(
      arguments.map {
        $0.hasSuffix(".npy") || $0.hasSuffix(".mtx") || $0.hasSuffix(".txt") ? path($0) : $0
      },
      home: workspace.url)
    #expect(result.status == status)
    #expect(result.errors.contains(message), "\(result.errors)")
    let left = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path)
    #expect(left.allSatisfy { $0.hasPrefix("library.sqlite") }, "\(left)")
  }

  @Test(.enabled(if: SharedCorpus.shouldRun))
  func theSharedCorpusExportsASymmetricUnitDiagonalMatrix() throws {
    let result = try affinity(
      "matrix", "--corpus", SharedCorpus.path, "--format", "npy", "-o", path("m.npy"),
      home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let matrix = try MatrixFileReading.numPy(data("m.npy"))
    #expect(matrix.rows == 76 && matrix.columns == 76)
    for i in 0..<76 {
      #expect(matrix[i, i] == 1)
      for j in 0..<76 { #expect(matrix[i, j] == matrix[j, i] && matrix[i, j].isFinite) }
    }
  }
}
