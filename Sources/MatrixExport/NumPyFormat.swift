#if !_endian(little)
  #error("NumPy export writes the machine's float bytes as '<f4'; big-endian needs a byte swap")
#endif

/// NumPy's `.npy` format, version 1.0, for C-order little-endian `float32` matrices: a magic
/// string, the version, a little-endian 16-bit header length, and a Python dict literal padded
/// with spaces and a newline so the data starts at a multiple of 64 bytes. `numpy.load` reads it
/// unchanged.
enum NumPyFormat {
  /// The header of a `rows`×`columns` float32 matrix; its data follows at `header.count`.
  static func header(rows: Int, columns: Int) -> [UInt8] {
    let dictionary =
      "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
    let unpadded = 10 + dictionary.utf8.count + 1
    let padding = (64 - unpadded % 64) % 64
    let text = dictionary + String(repeating: " ", count: padding) + "\n"
    let length = UInt16(text.utf8.count)
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
      + Array(text.utf8)
  }

  /// The size of a `rows`×`columns` float32 `.npy` file in bytes.
  static func fileSize(rows: Int, columns: Int) -> Int {
    header(rows: rows, columns: columns).count + rows * columns * MemoryLayout<Float>.size
  }
}
