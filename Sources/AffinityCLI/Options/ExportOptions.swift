import Affinity
import ArgumentParser
import FileOutput
import MatrixExport
import PaperCorpus
import SimilarityCore

/// What `matrix` and `embeddings` share: which papers (source, `--date`/`--since` or `--ids`),
/// the model, and where the output and its ids go.
struct ExportOptions: ParsableArguments {
  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var days: DayFilterOptions

  @Option(
    help: ArgumentHelp(
      "Only these papers, in this order (comma-separated arXiv ids).", valueName: "id,id,…"))
  var ids: String?

  @OptionGroup var model: ModelOption

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("The file to write (csv: standard output when omitted).", valueName: "file"))
  var output: String?

  @Option(
    name: .customLong("ids-out"),
    help: ArgumentHelp(
      "Where the row ids go, one a line (npy and mtx; default FILE.ids.txt).", valueName: "file"))
  var idsOutput: String?

  func validate() throws {
    if ids != nil, days.date != nil || days.since != nil {
      throw ValidationError("--ids names the papers; leave out --date and --since with it.")
    }
    if output == "-" { throw ValidationError("-o needs a file name; omit it for standard output.") }
  }

  /// The format named by `--format`, else by the extension of `-o`, else CSV.
  func format<Format: RawRepresentable<String>>(_ given: Format?, default fallback: Format)
    -> Format
  {
    if let given { return given }
    let pathExtension = output?.split(separator: ".").last.map(String.init) ?? ""
    return Format(rawValue: pathExtension.lowercased()) ?? fallback
  }

  /// The selected papers' ids and embedding rows, and whether the inputs had problems.
  ///
  /// - Throws: A `CommandError` for an empty selection or an unknown id in `--ids`.
  func openEmbedding() throws -> (ids: [ArxivID], embedding: Matrix, hadProblems: Bool) {
    let (papers, hadProblems) = try source.openPapers()
    let rows = try selectedRows(of: papers)
    let ids = rows.map { papers[$0].id }
    let embedding = PaperIndex.embedding(of: papers, configuration: try model.configuration())
    let selected = rows.count == papers.count ? embedding : embedding.selectingRows(rows)
    return (ids, selected, hadProblems)
  }

  private func selectedRows(of papers: [Paper]) throws -> [Int] {
    guard let ids else {
      let rows = papers.indices.filter { days.filter.accepts(papers[$0]) }
      if rows.isEmpty {
        throw CommandError(
          "no papers match --date/--since; 'affinity info' shows the days there are")
      }
      return rows
    }
    let rowOfPaper = Dictionary(papers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
    var rows: [Int] = []
    var seen: Set<Int> = []
    for text in ids.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let id = ArxivID(text) else {
        throw CommandError("--ids: '\(text)' is not an arXiv id; expected e.g. 2406.11839")
      }
      guard let row = rowOfPaper[id] else {
        throw CommandError(
          "--ids: \(id) is not among the papers of \(source.name); 'affinity list' shows them")
      }
      guard seen.insert(row).inserted else { throw CommandError("--ids: \(id) is given twice") }
      rows.append(row)
    }
    if rows.isEmpty {
      throw CommandError("--ids names no paper; give ids like 2406.11839,2406.12345")
    }
    return rows
  }

  /// Where the ids of a `.npy` or `.mtx` file go: `--ids-out`, or beside it.
  func idsPath(besides file: String) -> String { idsOutput ?? file + ".ids.txt" }

  /// Refuses, before any work, a dense output that would not fit the free disk.
  func checkSpace(for bytes: Int, at path: String) throws {
    if let available = OutputFile.availableSpace(besides: path), bytes > available {
      throw OutputFileError.notEnoughSpace(path: path, needed: bytes, available: available)
    }
  }

  /// Writes the ids, one a line, to a file of their own.
  func writeIDs(_ ids: [ArxivID], to path: String) throws -> OutputFile {
    let file = try OutputFile(path: path)
    try file.write(ids.map { $0.rawValue + "\n" }.joined())
    return file
  }
}
