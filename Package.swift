// swift-tools-version:6.1
// Affinity: recommends research papers by meaning. Read top to bottom, this file is the
// architecture: each target only depends on the ones above it.

import PackageDescription

let package = Package(
  name: "Affinity",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "affinity", targets: ["AffinityCLI"]),
    .library(name: "PaperCorpus", targets: ["PaperCorpus"]),
    .library(name: "PaperLibrary", targets: ["PaperLibrary"]),
    .library(name: "SimilarityCore", targets: ["SimilarityCore"]),
    .library(name: "NGramVectorizer", targets: ["NGramVectorizer"]),
    .library(name: "Affinity", targets: ["Affinity"]),
    .library(name: "MatrixExport", targets: ["MatrixExport"]),
    .library(name: "FileOutput", targets: ["FileOutput"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    /// Loops spread over all cores in chunks of consecutive indices.
    .target(name: "Parallel"),
    /// Files that appear whole or not at all, and standard output, written with checked errors.
    .target(name: "FileOutput"),

    // MARK: - Numerics

    /// OpenBLAS (`cblas_*`) and LAPACKE, as Debian ships them. Imported only by SimilarityCore's
    /// wrapper files.
    .systemLibrary(
      name: "COpenBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
    ),
    /// Row-major `Float` matrices and safe BLAS/LAPACK operations on them. Knows nothing of text
    /// or papers.
    .target(name: "SimilarityCore", dependencies: ["COpenBLAS", "Parallel"]),

    /// Embeddings and similarity matrices out, streamed: NumPy `.npy`, CSV, Matrix Market.
    .target(name: "MatrixExport", dependencies: ["FileOutput", "Parallel", "SimilarityCore"]),

    // MARK: - Text

    /// Text to hashed, weighted n-gram vectors. Knows nothing of BLAS or papers.
    .target(name: "NGramVectorizer", dependencies: ["Parallel"]),

    // MARK: - Papers

    /// `Paper`, arXiv ids, and the readers for Daily Papers digests and JSON Lines.
    .target(name: "PaperCorpus", dependencies: ["Parallel"]),
    /// The SQLite store of papers and the days they appeared on.
    .target(
      name: "PaperLibrary",
      dependencies: ["PaperCorpus", .product(name: "GRDB", package: "GRDB.swift")]
    ),

    // MARK: - Use cases

    /// Related papers, free-text search and explanations, over papers and their embeddings; the
    /// search index stored beside a library.
    .target(
      name: "Affinity",
      dependencies: [
        "FileOutput", "NGramVectorizer", "PaperCorpus", "PaperLibrary", "Parallel",
        "SimilarityCore",
      ]
    ),

    /// One self-contained HTML page of a span: topic map, similarity heatmap, timeline, "for
    /// you" and the groups.
    .target(name: "ReportPage", dependencies: ["Affinity", "PaperCorpus", "SimilarityCore"]),

    // MARK: - Command line

    /// The `affinity` command (product `affinity`), with the built-in sample digest as a resource.
    .executableTarget(
      name: "AffinityCLI",
      dependencies: [
        "Affinity", "FileOutput", "MatrixExport", "NGramVectorizer", "PaperCorpus", "PaperLibrary",
        "Parallel", "ReportPage", "SimilarityCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      resources: [.copy("Resources/sample-digest.md")]
    ),

    /// The Swift half of `Scripts/bench`: times vectorizing, all-pairs top-k, similarity export
    /// and the sgemm limit.
    .executableTarget(
      name: "affinity-bench",
      dependencies: [
        "FileOutput", "MatrixExport", "NGramVectorizer", "PaperCorpus", "SimilarityCore",
      ]
    ),

    // MARK: - Tests

    /// Test-only: temporary folders, the shared corpus's place, and strict readers of the
    /// exported formats (npy, CSV, Matrix Market).
    .target(name: "_TestSupport", path: "Sources/_TestSupport"),

    .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
    .testTarget(name: "SimilarityCoreTests", dependencies: ["SimilarityCore"]),
    .testTarget(
      name: "NGramVectorizerTests",
      dependencies: ["NGramVectorizer"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "PaperCorpusTests",
      dependencies: ["PaperCorpus", "_TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "FileOutputTests", dependencies: ["FileOutput", "_TestSupport"]),
    .testTarget(
      name: "MatrixExportTests", dependencies: ["FileOutput", "MatrixExport", "_TestSupport"]),
    .testTarget(name: "AffinityTests", dependencies: ["Affinity", "PaperLibrary", "_TestSupport"]),
    .testTarget(name: "ReportPageTests", dependencies: ["Affinity", "PaperCorpus", "ReportPage"]),
    .testTarget(
      name: "PaperLibraryTests",
      dependencies: ["PaperLibrary", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(
      name: "AffinityCLITests",
      dependencies: ["AffinityCLI", "SimilarityCore", "_TestSupport"],
      resources: [.copy("Golden")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
