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
      try options.writeOutput(ids: lists.map(\.paper.id), idsBeside: true, label: "similarity") {
        file, _ in
        let entries = try MatrixExport.writeNeighborMatrixMarket(
          lists.map { list in
            list.recommendations.compactMap { recommendation in
              position[recommendation.paper.id].map {
                Neighbor(index: $0, score: recommendation.score)
              }
            }
          }, k: topK, to: file)
        return "\(entries) entries of the \(lists.count)×\(lists.count) similarity matrix"
      }
      if hadProblems { throw ExitCode.failure }
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
    let n = ids.count
    try options.writeOutput(ids: ids, idsBeside: format != .csv, label: "similarity") {
      file, progress in
      let whole = "the \(n)×\(n) similarity matrix"
      switch format {
      case .npy:
        try options.checkSpace(for: MatrixExport.numPySize(rows: n, columns: n), at: file.path)
        try MatrixExport.writeSimilarityNumPy(of: matrix.cosines, to: file, progress: progress)
        return whole
      case .csv:
        try options.checkSpace(
          for: MatrixExport.estimatedCSVSize(rows: n, columns: n), at: file.path)
        try MatrixExport.writeSimilarityCSV(
          of: matrix.cosines, ids: ids.map(\.rawValue), to: file, progress: progress)
        return whole
      case .mtx:
        let entries = try MatrixExport.writeSimilarityMatrixMarket(
          of: matrix.cosines, atLeast: threshold ?? 1, to: file, progress: progress)
        return "\(entries) entries of " + whole
      }
    }
    if hadProblems { throw ExitCode.failure }
  }
}
