import FileOutput
import Foundation

/// What a command prints: one value, rendered in whichever ``OutputFormat`` the user asks for.
/// A new command implements this once; a new format is one case of
/// ``OutputFormat/render(_:)``.
protocol CommandOutput: Encodable {
  /// A header and rows of fields: the csv and tsv output, and the table unless ``tableText``
  /// says otherwise.
  var rows: Rows { get }
  /// The text for people; by default ``rows`` in aligned columns.
  var tableText: String { get }
  /// A line that csv and tsv, which carry only rows, write to standard error instead (e.g. how
  /// the number of topic groups was chosen).
  var note: String? { get }
}

extension CommandOutput {
  var tableText: String { rows.table }
  var note: String? { nil }
}

extension OutputFormat {
  /// An output as text in this format, ending with a newline.
  func render(_ output: some CommandOutput) throws -> String {
    switch self {
    case .table: output.tableText
    case .json: try jsonText(output)
    case .csv: output.rows.csv
    case .tsv: output.rows.tsv
    }
  }
}

extension FormatOption {
  /// Prints an output in the format asked for; a note goes to standard error for csv and tsv.
  ///
  /// - Throws: `OutputFileError.writeFailed` when standard output cannot be written.
  func print(_ output: some CommandOutput) throws {
    if format == .csv || format == .tsv, let note = output.note { printError(note) }
    try writeStandardOutput(try format.render(output))
  }
}

/// Writes text to standard output, checking every write (a full disk, a closed device).
///
/// - Throws: `OutputFileError.writeFailed` with the system's reason.
func writeStandardOutput(_ text: String) throws {
  let output = OutputFile.standardOutput()
  try output.write(text)
  try output.flush()
}

/// Encodes a value as pretty, key-sorted JSON followed by a newline.
func jsonText(_ value: some Encodable) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
