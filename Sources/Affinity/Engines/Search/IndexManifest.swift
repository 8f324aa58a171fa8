import FileOutput
import Foundation
import NGramVectorizer
import PaperLibrary

/// What a stored ``SegmentedIndex`` is made of: the model, the library state it covers, its
/// segment files (oldest first) with their deleted rows, and the file of current weights.
///
/// Stored as `manifest.json` in the index's folder: the JSON, a line break, and the JSON's
/// ``Checksum`` in hexadecimal. The manifest is replaced whole (written beside it, then renamed
/// over it), after every file it names is written, so the folder always holds one index or the
/// next: a crash at any moment leaves the one before.
struct IndexManifest: Codable, Equatable {
  /// The vectorizer model.
  var configuration: VectorizerConfiguration
  /// The library's stamp when its papers were read.
  var stamp: LibraryStamp
  /// The file of current weights (`Float` × feature space), and its checksum.
  var weights: StoredFile
  /// The segments, oldest first.
  var segments: [Segment]

  /// A file of the folder and its checksum.
  struct StoredFile: Codable, Equatable {
    var name: String
    var checksum: UInt64
  }

  /// One segment: its file, its rows, the index's rows when it was made (its weights are of
  /// those), and the rows whose papers were deleted.
  struct Segment: Codable, Equatable {
    var file: String
    var papers: Int
    var madeAmong: Int
    var deleted: [Int]
  }

  static let fileName = "manifest.json"

  /// Reads the manifest of an index folder.
  ///
  /// - Returns: The manifest, or `nil` when the folder has none.
  /// - Throws: `SearchIndexError.damaged` when it is not intact.
  static func read(in folder: String) throws(SearchIndexError) -> IndexManifest? {
    let path = (folder as NSString).appendingPathComponent(fileName)
    guard let data = FileManager.default.contents(atPath: path) else {
      if FileManager.default.fileExists(atPath: path) {
        throw .unreadable(path: path, reason: "cannot read the file")
      }
      return nil
    }
    let bytes = Array(data)
    guard let split = bytes.lastIndex(of: UInt8(ascii: "\n")),
      let checksum = UInt64(String(decoding: bytes[(split + 1)...], as: UTF8.self), radix: 16),
      checksum == Self.checksum(bytes[..<split]),
      let manifest = try? JSONDecoder().decode(IndexManifest.self, from: Data(bytes[..<split]))
    else { throw .damaged(path: path) }
    return manifest
  }

  /// Replaces the folder's manifest with this one, whole.
  func write(in folder: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let json = Array(try encoder.encode(self))
    let file = try OutputFile(path: (folder as NSString).appendingPathComponent(Self.fileName))
    try file.write(json + Array("\n\(String(Self.checksum(json[...]), radix: 16))".utf8))
    try file.commit()
  }

  /// The files the manifest names.
  var files: Set<String> { Set(segments.map(\.file) + [weights.name]) }

  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var checksum = Checksum()
    bytes.withUnsafeBytes { checksum.add($0) }
    return checksum.value
  }
}
