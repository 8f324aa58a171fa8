import ArgumentParser
import FileOutput
import MatrixExport

/// `affinity matrix`: the paper-by-paper cosine similarity matrix, for notebooks and graph tools.
struct MatrixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matrix",
    abstract: "Export the paper-by-paper similarity matrix (npy, csv, or sparse mtx).",
    discussion: """
      Values are cosines of the papers' embeddings (what 'affinity embeddings' writes), 1 on the \
      diagonal. npy: float32, C order, for numpy.load; the ids go beside it (FILE.ids.txt). csv: \
      a header row of ids, then one row per paper starting with its id (6 significant digits). \
      mtx: Matrix Market coordinate file of each row's --top-k best or every pair at or above \
      --threshold, diagonal left out, for scipy.io.mmread. Rows are computed and written block \
      by block, so large matrices need little memory.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case npy, csv, mtx
  }

  @OptionGroup var options: ExportOptions

  @Option(help: "npy, csv or mtx (default: from the -o extension, else csv).")
  var format: Format?

  // `.unconditional`: negative numbers are values here (a threshold may be one), not options.
  @Option(
    name: .customLong("top-k"), parsing: .unconditional,
    help: "mtx: keep each paper's K most similar papers.")
  var topK: Int?

  @Option(
    parsing: .unconditional, help: "mtx: keep every pair with similarity at least T (-1 to 1).")
  var threshold: Float?

  func validate() throws {
    let format = options.format(format, default: Format.csv)
    if let topK, topK < 1 { throw ValidationError("--top-k must be at least 1 (got \(topK)).") }
    if let threshold, !(-1...1).contains(threshold) {
      throw ValidationError("--threshold must be between -1 and 1 (got \(threshold)).")
    }
    if format == .mtx, (topK == nil) == (threshold == nil) {
      throw ValidationError("--format mtx needs --top-k K or --threshold T (one of them).")
    }
    if format != .mtx, topK != nil || threshold != nil {
      throw ValidationError("--top-k and --threshold are for --format mtx.")
    }
    if format != .csv, options.output == nil {
      throw ValidationError("--format \(format.rawValue) writes a file: give -o FILE.")
    }
    if format == .csv, options.idsOutput != nil {
      throw ValidationError("csv carries its ids in its header row; --ids-out is for npy and mtx.")
    }
  }

  func run() throws {
    InterruptCleanup.install()
    let format = options.format(format, default: Format.csv)
    let (ids, embedding, hadProblems) = try options.openEmbedding()
    let n = embedding.rows
    guard let path = options.output else {
      let standardOutput = OutputFile.standardOutput()
      try MatrixExport.writeSimilarityCSV(
        of: embedding, ids: ids.map(\.rawValue), to: standardOutput)
      if hadProblems { throw ExitCode.failure }
      return
    }
    let progress = progressLine("similarity")
    var idsFile: OutputFile?
    var written = "the \(n)×\(n) similarity matrix"
    let file = try OutputFile(path: path)
    switch format {
    case .npy:
      try options.checkSpace(for: MatrixExport.numPySize(rows: n, columns: n), at: path)
      idsFile = try options.writeIDs(ids, to: options.idsPath(besides: path))
      try MatrixExport.writeSimilarityNumPy(of: embedding, to: file, progress: progress)
    case .csv:
      try options.checkSpace(for: MatrixExport.estimatedCSVSize(rows: n, columns: n), at: path)
      try MatrixExport.writeSimilarityCSV(
        of: embedding, ids: ids.map(\.rawValue), to: file, progress: progress)
    case .mtx:
      idsFile = try options.writeIDs(ids, to: options.idsPath(besides: path))
      let selection: MatrixExport.SparseSelection =
        if let topK { .topK(topK) } else { .threshold(threshold ?? 1) }
      let entries = try MatrixExport.writeSimilarityMatrixMarket(
        of: embedding, keeping: selection, to: file, progress: progress)
      written = "\(entries) entries of " + written
    }
    try idsFile?.commit()
    try file.commit()
    let idsNote = idsFile.map { " (ids in \($0.path))" } ?? ""
    printError("wrote \(written) to \(path)\(idsNote)")
    if hadProblems { throw ExitCode.failure }
  }
}
