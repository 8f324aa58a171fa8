import Affinity
import ArgumentParser
import FileOutput
import MatrixExport
import PaperCorpus
import PaperLibrary

/// What `matrix` and `embeddings` share: which papers (source, `--date`/`--since` or `--ids`),
/// the model, and where the output and its ids go.
struct ExportOptions: ParsableArguments {
  @OptionGroup var source: PaperSourceOptions
  @OptionGroup var filters: FilterOptions

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
    if ids != nil, filters.filter != PaperFilter() {
      throw ValidationError(
        "--ids names the papers; leave out the filters (--date, --since, …) with it.")
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

  /// The source's recommender with the model in force, and whether the inputs had problems.
  func openRecommender() throws -> (recommender: Recommender, hadProblems: Bool) {
    try source.openRecommender(configuration: try model.configuration())
  }

  /// The papers `--ids` or `--date`/`--since` select.
  ///
  /// - Throws: A `CommandError` when `--ids` holds something that is not an arXiv id.
  func selection() throws -> PaperSelection {
    guard let ids else { return .matching(filters.filter) }
    let named = try arxivIDs(
      ids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, option: "--ids")
    if named.isEmpty {
      throw CommandError("--ids names no paper; give ids like 2406.11839,2406.12345")
    }
    return .ids(named)
  }

  /// Writes the `-o` file with `write` and, unless the format carries its ids itself, the ids
  /// beside it (`--ids-out`, else `FILE.ids.txt`); commits both only when everything was
  /// written, then says what was written on standard error.
  ///
  /// - Parameters:
  ///   - ids: The rows' paper ids.
  ///   - idsBeside: Whether the ids go to a file of their own (npy, mtx).
  ///   - label: The progress line's label.
  ///   - write: Fills the file; returns what was written, e.g. "the 20×20 similarity matrix".
  /// - Throws: A `CommandError` or `OutputFileError`; nothing is left behind then.
  func writeOutput(
    ids: [ArxivID], idsBeside: Bool, label: String,
    _ write: (OutputFile, MatrixExport.Progress) throws -> String
  ) throws {
    let path = output ?? ""
    let file = try OutputFile(path: path)
    let idsFile: OutputFile?
    if idsBeside {
      idsFile = try OutputFile(path: idsOutput ?? path + ".ids.txt")
      try idsFile?.write(ids.map { $0.rawValue + "\n" }.joined())
    } else {
      idsFile = nil
    }
    let written = try write(file, progressLine(label))
    try idsFile?.commit()
    try file.commit()
    printError("wrote \(written) to \(path)\(idsFile.map { " (ids in \($0.path))" } ?? "")")
  }

  /// Refuses, before any work, a dense output that would not fit the free disk.
  func checkSpace(for bytes: Int, at path: String) throws {
    if let available = OutputFile.availableSpace(besides: path), bytes > available {
      throw OutputFileError.notEnoughSpace(path: path, needed: bytes, available: available)
    }
  }
}
