import Foundation

/// The text of a file, or of standard input for `-`.
///
/// - Throws: A `CommandError` when the file cannot be read or is not UTF-8.
func readText(_ path: String) throws -> String {
  let data: Data
  do {
    data =
      path == "-"
      ? FileHandle.standardInput.readDataToEndOfFile()
      : try Data(contentsOf: URL(fileURLWithPath: path))
  } catch {
    throw CommandError("cannot read \(path) (\(error.localizedDescription))")
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw CommandError("\(path) is not UTF-8 text")
  }
  return text
}
