// affinity-bench: the Swift half of Scripts/bench. Each mode prints one JSON object of timings.
//   affinity-bench vectorize CORPUS.jsonl
//   affinity-bench topk EMBEDDINGS.f32 ROWS COLUMNS K IDS_OUT
//   affinity-bench sgemm-peak
//   affinity-bench similarity-npy EMBEDDINGS.npy OUT.npy
//   affinity-bench kmeans EMBEDDINGS.f32 ROWS COLUMNS K
//   affinity-bench agglomerative EMBEDDINGS.f32 ROWS COLUMNS K
import FileOutput
import Foundation
import MatrixExport
import NGramVectorizer
import PaperCorpus
import SimilarityCore

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func report(_ values: [String: Double]) {
  let fields = values.keys.sorted().map { "\"\($0)\": \(values[$0] ?? 0)" }
  print("{" + fields.joined(separator: ", ") + "}")
}

/// The ROWS×COLUMNS float32 matrix in the file named by `values[0]` (sizes in `values[1...2]`).
func readFloats(_ values: [String]) -> Matrix {
  guard values.count >= 3, let rows = Int(values[1]), let columns = Int(values[2]),
    let data = FileManager.default.contents(atPath: values[0]), data.count == rows * columns * 4
  else { fail("\(values.first ?? "") must hold ROWS×COLUMNS little-endian float32 values") }
  let elements = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
  return Matrix(rows: rows, columns: columns, elements: elements)
}

/// The mean cosine of each row to its cluster's normalised mean: the quality k-means maximises,
/// computed the same way for every peer.
func meanCosineToCentre(_ matrix: Matrix, _ assignments: [Int]) -> Double {
  var sums = [Int: [Double]]()
  for (row, cluster) in assignments.enumerated() {
    var sum = sums[cluster] ?? Array(repeating: 0, count: matrix.columns)
    for (column, value) in matrix.row(row).enumerated() { sum[column] += Double(value) }
    sums[cluster] = sum
  }
  let total = sums.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 }.squareRoot() }
  return total / Double(max(1, matrix.rows))
}

/// Reads `MODE EMB.f32 ROWS COLUMNS K` from the arguments and times `cluster` on the matrix.
func timedClustering(_ mode: String, _ cluster: (Matrix, Int) -> Clustering)
  -> (Matrix, Clustering, Duration)
{
  let values = Array(CommandLine.arguments.dropFirst(2))
  guard values.count == 4, let k = Int(values[3]) else {
    fail("usage: \(mode) EMB.f32 ROWS COLUMNS K")
  }
  let matrix = readFloats(values)
  var clustering = Clustering(assignments: [])
  let elapsed = ContinuousClock().measure { clustering = cluster(matrix, k) }
  return (matrix, clustering, elapsed)
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("affinity-bench: \(message)\n".utf8))
  exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
let clock = ContinuousClock()

switch arguments.first {
case "vectorize":
  guard arguments.count == 2, let path = arguments.last else {
    fail("usage: vectorize CORPUS.jsonl")
  }
  let papers = CorpusReader.read(file: path).papers
  let texts = papers.map { $0.title + "\n" + $0.summary }
  let bytes = Double(texts.reduce(0) { $0 + $1.utf8.count })
  var vectors: [SparseVector] = []
  let elapsed = clock.measure {
    vectors = NGramVectorizer.fitted(on: texts).vectors
  }
  report([
    "documents": Double(texts.count), "megabytes": bytes / 1e6, "seconds": seconds(elapsed),
    "megabytesPerSecond": bytes / 1e6 / seconds(elapsed),
    "meanFeatures": Double(vectors.reduce(0) { $0 + $1.count }) / Double(max(1, vectors.count)),
  ])

case "topk":
  let values = Array(arguments.dropFirst())
  guard values.count == 5, let k = Int(values[3]) else {
    fail("usage: topk EMBEDDINGS.f32 ROWS COLUMNS K IDS_OUT")
  }
  let matrix = readFloats(values)
  let rows = matrix.rows
  let columns = matrix.columns
  var lists: [[Neighbor]] = []
  let elapsed = clock.measure {
    lists = matrix.nearestNeighborsOfEachRow(count: k)
  }
  let text = lists.map { $0.map { String($0.index) }.joined(separator: " ") }.joined(
    separator: "\n")
  _ = FileManager.default.createFile(atPath: values[4], contents: Data((text + "\n").utf8))
  // The symmetric search computes each pair once: half of the full product's 2·rows²·columns.
  let flops = Double(rows) * Double(rows + 1) * Double(columns)
  report([
    "seconds": seconds(elapsed), "gflops": flops / seconds(elapsed) / 1e9,
    "fullProductGflops": 2 * Double(rows) * Double(rows) * Double(columns) / seconds(elapsed) / 1e9,
  ])

case "sgemm-peak":
  // The machine's BLAS limit: the best of five 2048³ products on all BLAS threads.
  let size = 2048
  let a = Matrix(
    rows: size, columns: size, elements: (0..<(size * size)).map { Float($0 % 97) / 97 })
  var best = Double.infinity
  for _ in 0..<5 {
    let elapsed = clock.measure { _ = a.multiplied(by: a) }
    best = min(best, seconds(elapsed))
  }
  let flops = 2 * pow(Double(size), 3)
  report(["gflops": flops / best / 1e9, "threads": Double(BLASSettings.threadCount)])

case "similarity-npy":
  // Reads a float32 .npy written by `affinity embeddings` and writes its cosine matrix.
  guard arguments.count == 3 else { fail("usage: similarity-npy EMBEDDINGS.npy OUT.npy") }
  let values = Array(arguments.dropFirst())
  // Read straight into the matrix's storage: one copy in memory, as numpy.load has.
  guard let input = fopen(values[0], "rb") else { fail("cannot read \(values[0])") }
  var prefix = [UInt8](repeating: 0, count: 10)
  guard fread(&prefix, 1, 10, input) == 10 else { fail("\(values[0]) is not an .npy file") }
  var header = [UInt8](repeating: 0, count: Int(prefix[8]) | Int(prefix[9]) << 8)
  guard fread(&header, 1, header.count, input) == header.count else { fail("short header") }
  let shape =
    String(decoding: header, as: UTF8.self).split(separator: "(").last?
    .split(separator: ")").first?.split(separator: ",")
    .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? []
  guard shape.count == 2 else { fail("\(values[0]) is not a 2-d float32 .npy file") }
  let elements = [Float](unsafeUninitializedCapacity: shape[0] * shape[1]) { buffer, count in
    count = fread(buffer.baseAddress, 4, buffer.count, input)
  }
  fclose(input)
  guard elements.count == shape[0] * shape[1] else { fail("\(values[0]) is truncated") }
  let embedding = Matrix(rows: shape[0], columns: shape[1], elements: elements)
  let elapsed = try clock.measure {
    let file = try OutputFile(path: values[1])
    try MatrixExport.writeSimilarityNumPy(of: embedding, to: file)
    try file.commit()
  }
  report(["seconds": seconds(elapsed)])

case "kmeans":
  // One start (restarts: 1), as the scikit-learn peer runs with n_init=1.
  let (matrix, clustering, elapsed) = timedClustering("kmeans") { matrix, k in
    matrix.sphericalKMeans(clusters: k, seed: 1, restarts: 1, maximumIterations: 300)
  }
  report([
    "seconds": seconds(elapsed), "clusters": Double(clustering.count),
    "meanCosine": (meanCosineToCentre(matrix, clustering.assignments) * 1e4).rounded() / 1e4,
  ])

case "agglomerative":
  // Cosines with one sgemm, then average linkage cut at K groups.
  let (_, clustering, elapsed) = timedClustering("agglomerative") { matrix, k in
    matrix.multiplied(by: matrix, transposingOther: true).averageLinkage().clustering(count: k)
  }
  report(["seconds": seconds(elapsed), "clusters": Double(clustering.count)])

default:
  fail("usage: affinity-bench vectorize|topk|sgemm-peak|similarity-npy|kmeans|agglomerative …")
}
