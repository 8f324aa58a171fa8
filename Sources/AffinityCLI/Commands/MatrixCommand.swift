import Affinity
import ArgumentParser
import FileOutput
import MatrixExport
import PaperCorpus
import SimilarityCore

/// `affinity matrix`: the paper-by-paper cosine similarity matrix, for notebooks and graph tools.
struct MatrixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matrix",
    abstract: "Export the paper-by-paper similarity matrix (npy, csv, or sparse mtx).",
    discussion: """
      Values are the exact scores 'affinity related' ranks by (cosines of the papers' weighted \
      n-gram vectors), 1 on the diagonal, for up to 20,000 papers; past that, cosines of the \
      papers' embeddings (what 'affinity embeddings' writes), with a note. npy: float32, C \
      order, for numpy.load; the ids go beside it (FILE.ids.txt). csv: a header row of ids, \
      then one row per paper starting with its id (6 significant digits). mtx: Matrix Market \
      coordinate file of each paper's --top-k related papers (the lists of 'affinity related \
      --all') or of every pair at or above --threshold, diagonal left out, for \
      scipy.io.mmread. Rows are computed and written block by block, so large matrices need \
      little memory.
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
    let (recommender, hadProblems) = try options.openRecommender()
    let selection = try options.selection()
    if format == .mtx, let topK {
      // Each paper's related papers, exactly as `related --all` lists them.
      let lists = try recommender.relatedForAll(of: selection, count: topK)
      let position = Dictionary(
        lists.enumerated().map { ($1.paper.id, $0) }, uniquingKeysWith: min)
      try write(ids: lists.map(\.paper.id), hadProblems: hadProblems) { file, _ in
        try MatrixExport.writeNeighborMatrixMarket(
          lists.map { list in
            list.recommendations.compactMap { recommendation in
              position[recommendation.paper.id].map {
                Neighbor(index: $0, score: recommendation.score)
              }
            }
          }, k: topK, to: file)
      }
      return
    }
    let matrix = try recommender.similarities(of: selection)
    if !matrix.isExact {
      printError(
        "\(matrix.papers.count) papers: more than \(Recommender.exactSimilarityLimit) for exact "
          + "scores, so the matrix holds cosines of the papers' embeddings (as 'affinity "
          + "embeddings' writes them), which approximate the scores 'related' ranks by; narrow "
          + "the papers with --date, --since or --ids for exact ones")
    }
    let ids = matrix.papers.map(\.id)
    guard options.output != nil else {
      try MatrixExport.writeSimilarityCSV(
        of: matrix.cosines, ids: ids.map(\.rawValue), to: OutputFile.standardOutput())
      if hadProblems { throw ExitCode.failure }
      return
    }
    try write(ids: ids, hadProblems: hadProblems) { file, progress in
      let n = ids.count
      switch format {
      case .npy:
        try options.checkSpace(for: MatrixExport.numPySize(rows: n, columns: n), at: file.path)
        try MatrixExport.writeSimilarityNumPy(of: matrix.cosines, to: file, progress: progress)
      case .csv:
        try options.checkSpace(
          for: MatrixExport.estimatedCSVSize(rows: n, columns: n), at: file.path)
        try MatrixExport.writeSimilarityCSV(
          of: matrix.cosines, ids: ids.map(\.rawValue), to: file, progress: progress)
      case .mtx:
        return try MatrixExport.writeSimilarityMatrixMarket(
          of: matrix.cosines, atLeast: threshold ?? 1, to: file, progress: progress)
      }
      return nil
    }
  }

  /// Writes the `-o` file with `body` (which returns the number of entries of a sparse file) and,
  /// for npy and mtx, the ids beside it; commits both, says what was written, and exits 1 when
  /// the inputs had problems.
  private func write(
    ids: [ArxivID], hadProblems: Bool,
    _ body: (OutputFile, MatrixExport.Progress) throws -> Int?
  ) throws {
    let path = options.output ?? ""
    let format = options.format(format, default: Format.csv)
    let file = try OutputFile(path: path)
    let idsFile =
      format == .csv ? nil : try options.writeIDs(ids, to: options.idsPath(besides: path))
    let entries = try body(file, progressLine("similarity"))
    try idsFile?.commit()
    try file.commit()
    let n = ids.count
    let written = (entries.map { "\($0) entries of " } ?? "") + "the \(n)×\(n) similarity matrix"
    printError("wrote \(written) to \(path)\(idsFile.map { " (ids in \($0.path))" } ?? "")")
    if hadProblems { throw ExitCode.failure }
  }
}
