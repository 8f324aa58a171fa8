import Foundation
import Testing

/// The checkout itself: it must build on case-insensitive file systems (macOS, Windows).
@Suite struct PackageLayoutTests {
  /// The package's top folder, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func noTwoPathsDifferOnlyInLetterCase() throws {
    var seen: [String: String] = [:]
    var clashes: [String] = []
    let top = ["Package.swift", "README.md", "Sources", "Tests", "Scripts", "Models", "docs"]
    for name in top {
      let start = Self.root.appendingPathComponent(name)
      var paths = [name]
      if let walker = FileManager.default.enumerator(atPath: start.path) {
        for case let path as String in walker { paths.append(name + "/" + path) }
      }
      for path in paths {
        if let other = seen[path.lowercased()], other != path {
          clashes.append("\(other) ~ \(path)")
        }
        seen[path.lowercased()] = path
      }
    }
    #expect(seen["sources/affinitycli"] != nil, "the walk must see the command's folder")
    #expect(clashes.isEmpty, "\(clashes)")
  }
}
