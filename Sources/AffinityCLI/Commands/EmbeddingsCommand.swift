import Affinity
import ArgumentParser
import FileOutput
import MatrixExport

/// `affinity embeddings`: the papers' embedding vectors, for users' own tools.
struct EmbeddingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "embeddings",
    abstract: "Export the papers' embeddings (npy or csv), one unit row per paper.",
    discussion: """
      Each row is a paper's TF-IDF weighted hashed n-gram vector folded into the model's \
      4096-dimensional embedding (signs kept) and scaled to length 1: a dense vector for other \
      tools (FAISS, a vector database). The inner product of two rows approximates the exact \
      score 'affinity related' and 'affinity matrix' give. npy: float32, C order, ids beside it (FILE.ids.txt); \
      csv: a header row (id, then the dimensions 0, 1, …), then one row per paper.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case npy, csv
  }

  @OptionGroup var options: ExportOptions

  @Option(help: "npy or csv (default: from the -o extension, else csv).")
  var format: Format?

  func validate() throws {
    let format = options.format(format, default: Format.csv)
    if format == .npy, options.output == nil {
      throw ValidationError("--format npy writes a file: give -o FILE.")
    }
    if format == .csv, options.idsOutput != nil {
      throw ValidationError("csv carries its ids in its first column; --ids-out is for npy.")
    }
  }

  func run() throws {
    InterruptCleanup.install()
    let format = options.format(format, default: Format.csv)
    let (recommender, hadProblems) = try options.openRecommender()
    let (papers, embedding) = try recommender.embedding(of: try options.selection())
    let ids = papers.map(\.id)
    let names = (0..<embedding.columns).map(String.init)
    guard options.output != nil else {
      try MatrixExport.writeCSV(
        embedding, rowNames: ids.map(\.rawValue), columnNames: names,
        to: OutputFile.standardOutput())
      if hadProblems { throw ExitCode.failure }
      return
    }
    try options.writeOutput(ids: ids, idsBeside: format == .npy, label: "embeddings") { file, _ in
      switch format {
      case .npy:
        try options.checkSpace(
          for: MatrixExport.numPySize(rows: embedding.rows, columns: embedding.columns),
          at: file.path)
        try MatrixExport.writeNumPy(embedding, to: file)
      case .csv:
        try MatrixExport.writeCSV(
          embedding, rowNames: ids.map(\.rawValue), columnNames: names, to: file)
      }
      return "\(embedding.rows) embeddings of \(embedding.columns) dimensions"
    }
    if hadProblems { throw ExitCode.failure }
  }
}
