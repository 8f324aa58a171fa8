import Foundation

/// Readers for the files Affinity exports, for tests only: each parses its format strictly and
/// independently of the writers, so a test that reads back what was written checks the format
/// itself.
public enum MatrixFileReading {
  /// A dense matrix read from a file.
  public struct DenseMatrix: Equatable {
    /// The number of rows.
    public var rows: Int
    /// The number of columns.
    public var columns: Int
    /// Row after row.
    public var values: [Float]
    /// Row names (CSV's first column); empty for `.npy`.
    public var rowNames: [String] = []
    /// Column names (CSV's header row after its first cell); empty for `.npy`.
    public var columnNames: [String] = []

    /// The value at `row`, `column`.
    public subscript(row: Int, column: Int) -> Float { values[row * columns + column] }
  }

  /// A problem in a file that should not be there.
  public struct FormatError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
  }

  /// Reads a version 1.0 `.npy` file of a C-order little-endian float32 matrix.
  public static func numPy(_ data: Data) throws -> DenseMatrix {
    let bytes = [UInt8](data)
    guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8),
      bytes[6] == 1, bytes[7] == 0
    else { throw FormatError(description: "not an .npy version 1.0 file") }
    let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
    guard (10 + headerLength) % 64 == 0, bytes.count >= 10 + headerLength else {
      throw FormatError(description: "header not padded to 64 bytes")
    }
    let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
    guard header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': ("),
      header.hasSuffix("\n"), let open = header.firstIndex(of: "("),
      let close = header.firstIndex(of: ")")
    else { throw FormatError(description: "unexpected header \(header)") }
    let shape = header[header.index(after: open)..<close].split(separator: ",")
      .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard shape.count == 2 else { throw FormatError(description: "not two-dimensional: \(header)") }
    let payload = bytes[(10 + headerLength)...]
    guard payload.count == shape[0] * shape[1] * 4 else {
      throw FormatError(description: "\(payload.count) data bytes for shape \(shape)")
    }
    let values = stride(from: payload.startIndex, to: payload.endIndex, by: 4).map { start in
      Float(
        bitPattern: UInt32(payload[start]) | UInt32(payload[start + 1]) << 8
          | UInt32(payload[start + 2]) << 16 | UInt32(payload[start + 3]) << 24)
    }
    return DenseMatrix(rows: shape[0], columns: shape[1], values: values)
  }

  /// Reads a CSV matrix: a header row (`id`, column names), then rows of a name and numbers.
  public static func csv(_ text: String) throws -> DenseMatrix {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.last == "" else { throw FormatError(description: "no final line break") }
    lines.removeLast()
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false),
      header.first == "id"
    else { throw FormatError(description: "header does not start with 'id'") }
    var matrix = DenseMatrix(
      rows: lines.count - 1, columns: header.count - 1, values: [],
      columnNames: header.dropFirst().map(String.init))
    for line in lines.dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == header.count else {
        throw FormatError(description: "row of \(fields.count) fields, header has \(header.count)")
      }
      matrix.rowNames.append(String(fields[0]))
      for field in fields.dropFirst() {
        guard let value = Float(field) else {
          throw FormatError(description: "not a number: \(field)")
        }
        matrix.values.append(value)
      }
    }
    return matrix
  }

  /// A Matrix Market coordinate file: its size and its entries (0-based).
  public struct SparseMatrix {
    /// The number of rows.
    public var rows: Int
    /// The number of columns.
    public var columns: Int
    /// The entries, in file order.
    public var entries: [(row: Int, column: Int, value: Float)]
  }

  /// Reads a `%%MatrixMarket matrix coordinate real general` file.
  public static func matrixMarket(_ text: String) throws -> SparseMatrix {
    let lines = text.split(separator: "\n")
    guard lines.first == "%%MatrixMarket matrix coordinate real general" else {
      throw FormatError(description: "wrong banner \(lines.first ?? "")")
    }
    let content = lines.dropFirst().filter { !$0.hasPrefix("%") }
    guard let sizeLine = content.first else { throw FormatError(description: "no size line") }
    let size = sizeLine.split(separator: " ").compactMap { Int($0) }
    guard size.count == 3 else { throw FormatError(description: "bad size line \(sizeLine)") }
    var matrix = SparseMatrix(rows: size[0], columns: size[1], entries: [])
    for line in content.dropFirst() {
      let fields = line.split(separator: " ")
      guard fields.count == 3, let row = Int(fields[0]), let column = Int(fields[1]),
        let value = Float(fields[2]), (1...size[0]).contains(row), (1...size[1]).contains(column)
      else { throw FormatError(description: "bad entry \(line)") }
      matrix.entries.append((row - 1, column - 1, value))
    }
    guard matrix.entries.count == size[2] else {
      throw FormatError(description: "\(matrix.entries.count) entries, size line says \(size[2])")
    }
    return matrix
  }
}
