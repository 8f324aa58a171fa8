import Foundation

/// Reads digests and JSON Lines files from paths the user gave: files, or folders of them.
///
/// ```swift
/// for file in CorpusReader.read(paths: ["digests/"]) {
///   print(file.papers.count, file.problems)
/// }
/// ```
/// Nothing here throws: a missing path, an unreadable or binary file, or a folder with no
/// digests is a ``CorpusProblem`` in the result, so the other inputs are still read.
public enum CorpusReader {
  /// The file extensions read from folders. Files named explicitly are read whatever their name.
  public static let fileExtensions: Set<String> = ["md", "markdown", "txt", "jsonl", "ndjson"]

  /// The largest file read (512 MiB); larger ones should be split.
  public static let maximumFileSize = 512 << 20

  /// Reads every path: a file directly, a folder by its digest files (sorted by name,
  /// recursively, hidden files skipped), `-` from standard input.
  ///
  /// - Parameter paths: Files and folders, as the user typed them.
  /// - Returns: One result per file read, or per path that could not be read, in order.
  public static func read(paths: [String]) -> [CorpusReadResult] {
    paths.flatMap { path -> [CorpusReadResult] in
      if path == "-" {
        return [
          parse(Array(FileHandle.standardInput.readDataToEndOfFile()), source: "standard input")
        ]
      }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        return [failure(path, "no such file or folder")]
      }
      guard isFolder.boolValue else { return [read(file: path)] }
      let files = digestFiles(in: path)
      if files.isEmpty {
        return [
          failure(path, "folder has no digests; expected .md, .txt or .jsonl files in it")
        ]
      }
      return files.map(read(file:))
    }
  }

  /// Reads one file, choosing the format by its extension (`.jsonl`, `.ndjson`; `.md`,
  /// `.markdown`) or, failing that, by its first non-blank line (`{` for JSON Lines, a Markdown
  /// heading for a digest).
  ///
  /// - Parameter path: The file.
  /// - Returns: Its papers and problems.
  public static func read(file path: String) -> CorpusReadResult {
    let bytes: [UInt8]
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
      guard size <= maximumFileSize else {
        return failure(
          path,
          "file is \(formattedByteCount(size)); files over "
            + "\(formattedByteCount(maximumFileSize)) are not read, split it into smaller ones")
      }
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      return failure(path, "cannot read the file (\(error.localizedDescription))")
    }
    return parse(bytes, source: path)
  }

  /// Parses a file's contents, choosing the format as ``read(file:)`` does.
  ///
  /// - Parameters:
  ///   - bytes: The contents.
  ///   - source: The name to use in messages; its extension picks the format.
  /// - Returns: The papers and problems.
  public static func parse(_ bytes: [UInt8], source: String) -> CorpusReadResult {
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    let bytes = bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(3)) : bytes
    if let problem = textProblem(in: bytes) { return failure(source, problem) }
    let firstLine =
      String(decoding: bytes.prefix(4096), as: UTF8.self)
      .split(whereSeparator: \.isNewline).lazy.map { $0.drop(while: \.isWhitespace) }
      .first { !$0.isEmpty } ?? ""
    let fileExtension = (source as NSString).pathExtension.lowercased()
    // A file's extension decides; other files are judged by their first line.
    if ["jsonl", "ndjson"].contains(fileExtension) {
      return JSONLinesParser.parse(bytes, source: source)
    }
    if ["md", "markdown"].contains(fileExtension) || DigestParser.looksLikeDigest(firstLine) {
      return DigestParser.parse(bytes, source: source)
    }
    if firstLine.hasPrefix("{") { return JSONLinesParser.parse(bytes, source: source) }
    return failure(
      source,
      "not a digest or JSON Lines file; expected '## Daily Papers (YYYY-MM-DD)' "
        + "or one JSON object a line")
  }

  /// Why the bytes are not a text file at all, or `nil` when they are: empty, or mostly binary
  /// (a PDF, an image, random bytes) judged by the first 64 KiB. A text with a few damaged
  /// bytes is text: its damaged lines are reported by the parsers, and only what holds them is
  /// affected.
  static func textProblem(in bytes: [UInt8]) -> String? {
    if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
      return "file is empty; expected a Daily Papers digest or JSON Lines"
    }
    if !bytes.contains(0), (try? UTF8Span(validating: bytes.span)) != nil { return nil }
    let sample = bytes.prefix(1 << 16)
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

  private static func failure(_ source: String, _ message: String) -> CorpusReadResult {
    CorpusReadResult(source: source, problems: [CorpusProblem(source: source, message: message)])
  }
}
