import Foundation

/// Reads digests, JSON Lines and Hugging Face daily-papers files from paths the user gave:
/// files, or folders of them.
///
/// ```swift
/// for file in CorpusReader.read(paths: ["digests/"]) {
///   print(file.papers.count, file.problems)
/// }
/// try CorpusReader.forEachPart(of: .file("arxiv-metadata-oai-snapshot.json")) { part in
///   try library.add(part.result.papers)   // a few thousand papers at a time
/// }
/// ```
/// Nothing here throws on bad input: a missing path, an unreadable or binary file, or a folder
/// with no digests is a ``CorpusProblem`` in the result, so the other inputs are still read.
/// Files of any size are read a part at a time (see ``forEachPart(of:partSize:_:)``).
public enum CorpusReader {
  /// The file extensions read from folders. Files named explicitly are read whatever their name.
  public static let fileExtensions: Set<String> = [
    "md", "markdown", "txt", "jsonl", "ndjson", "json",
  ]

  /// The largest JSON array read (512 MiB): unlike lines, an array is read whole.
  public static let maximumArraySize = 512 << 20

  /// How much of a file is read at a time by default (16 MiB).
  public static let defaultPartSize = 16 << 20

  /// One input: a file, standard input, or a path that cannot be read (and why).
  public enum Input: Sendable, Hashable {
    case file(String)
    case standardInput
    case unreadable(CorpusProblem)

    /// The name used in messages.
    public var source: String {
      switch self {
      case .file(let path): path
      case .standardInput: "standard input"
      case .unreadable(let problem): problem.source
      }
    }
  }

  /// The inputs that paths name: a file itself, a folder by its digest files (sorted by name,
  /// recursively, hidden files skipped), `-` as standard input.
  ///
  /// - Parameter paths: Files and folders, as the user typed them.
  /// - Returns: The inputs, in order; a missing path or a folder without digests as
  ///   `.unreadable`.
  public static func inputs(_ paths: [String]) -> [Input] {
    paths.flatMap { path -> [Input] in
      if path == "-" { return [.standardInput] }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        return [.unreadable(CorpusProblem(source: path, message: "no such file or folder"))]
      }
      guard isFolder.boolValue else { return [.file(path)] }
      let files = digestFiles(in: path)
      if files.isEmpty {
        return [
          .unreadable(
            CorpusProblem(
              source: path,
              message: "folder has no digests; expected .md, .txt, .jsonl or .json files in it"))
        ]
      }
      return files.map(Input.file)
    }
  }

  /// Reads every path whole (see ``inputs(_:)``).
  ///
  /// - Parameter paths: Files and folders, as the user typed them.
  /// - Returns: One result per file read, or per path that could not be read, in order.
  public static func read(paths: [String]) -> [CorpusReadResult] {
    inputs(paths).map(read)
  }

  /// Reads one file whole, choosing the format as ``forEachPart(of:partSize:_:)`` does.
  ///
  /// - Parameter path: The file.
  /// - Returns: Its papers and problems.
  public static func read(file path: String) -> CorpusReadResult { read(.file(path)) }

  /// Reads one input whole.
  public static func read(_ input: Input) -> CorpusReadResult {
    var whole = CorpusReadResult(source: input.source)
    forEachPart(of: input) { whole.append($0.result) }
    return whole
  }

  /// Parses a file's contents, choosing the format as ``forEachPart(of:partSize:_:)`` does.
  ///
  /// - Parameters:
  ///   - bytes: The contents.
  ///   - source: The name to use in messages; its extension helps pick the format.
  /// - Returns: The papers and problems.
  public static func parse(_ bytes: [UInt8], source: String) -> CorpusReadResult {
    var whole = CorpusReadResult(source: source)
    var chunks = ByteChunks(bytes: bytes)
    CorpusStream(source: source, partSize: defaultPartSize).run(&chunks) { whole.append($0.result) }
    return whole
  }

  /// Reads an input a part at a time, so that memory does not grow with the file: JSON Lines
  /// in parts of whole lines, digests in parts of whole days (a part starts at a
  /// `## Daily Papers` header). A Hugging Face JSON array is read whole.
  ///
  /// The format: a file's extension decides for `.jsonl`, `.ndjson` (JSON Lines) and `.md`,
  /// `.markdown` (digests); otherwise the first non-blank line does: `{` for JSON Lines (the
  /// arXiv metadata snapshot too), a Markdown heading for a digest, `[` for the Hugging Face
  /// daily-papers API.
  ///
  /// - Parameters:
  ///   - input: The input.
  ///   - partSize: About how many bytes a part holds.
  ///   - body: Called with each part's papers and problems (an unreadable input's one problem
  ///     too), in order, and how far the input has been read.
  /// - Throws: Only what `body` throws.
  public static func forEachPart(
    of input: Input, partSize: Int = defaultPartSize, _ body: (CorpusPart) throws -> Void
  ) rethrows {
    let stream = CorpusStream(source: input.source, partSize: partSize)
    switch input {
    case .unreadable(let problem):
      try body(CorpusPart(result: failure(problem), bytesRead: 0, byteCount: nil))
    case .standardInput:
      var chunks = HandleChunks(handle: .standardInput)
      try stream.run(&chunks, body)
    case .file(let path):
      let handle: FileHandle
      let size: Int?
      do {
        size =
          (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?
          .intValue
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      } catch {
        let problem = CorpusProblem(
          source: path, message: "cannot read the file (\(error.localizedDescription))")
        try body(CorpusPart(result: failure(problem), bytesRead: 0, byteCount: nil))
        return
      }
      defer { try? handle.close() }
      var chunks = HandleChunks(handle: handle, byteCount: size)
      try stream.run(&chunks, body)
    }
  }

  /// Why the bytes are not a text file at all, or `nil` when they are: mostly binary (a PDF,
  /// an image, random bytes) judged by the first 64 KiB. A text with a few damaged bytes is
  /// text: its damaged lines are reported by the parsers, and only what holds them is
  /// affected.
  static func binaryProblem(in bytes: ArraySlice<UInt8>) -> String? {
    let sample = bytes.prefix(1 << 16)
    if !sample.contains(0), (try? UTF8Span(validating: Array(sample).span)) != nil { return nil }
    let damaged = String(decoding: sample, as: UTF8.self).unicodeScalars.count {
      $0 == "\u{FFFD}" || $0 == "\0"
    }
    guard damaged > 4 + sample.count / 100 else { return nil }
    return "binary data, not text (\(damaged) of the first \(sample.count) bytes are not UTF-8 "
      + "text); expected a Daily Papers digest or JSON Lines"
  }

  private static func digestFiles(in folder: String) -> [String] {
    let root = URL(fileURLWithPath: folder)
    guard
      let enumerator = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var files: [String] = []
    for case let url as URL in enumerator
    where fileExtensions.contains(url.pathExtension.lowercased())
      && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
    {
      let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
      files.append((folder as NSString).appendingPathComponent(String(relative)))
    }
    return files.sorted()
  }

  static func failure(_ problem: CorpusProblem) -> CorpusReadResult {
    CorpusReadResult(source: problem.source, problems: [problem])
  }
}

/// A part of an input as ``CorpusReader/forEachPart(of:partSize:_:)`` reads it.
public struct CorpusPart: Sendable {
  /// The part's papers and problems.
  public var result: CorpusReadResult
  /// How many bytes of the input have been read so far.
  public var bytesRead: Int
  /// The input's size, when known (not for standard input).
  public var byteCount: Int?
}
