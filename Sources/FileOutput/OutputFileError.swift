import Foundation

/// Why an ``OutputFile`` could not be written. Nothing is left at the destination when one is
/// thrown.
public enum OutputFileError: Error, CustomStringConvertible, Equatable {
  /// The output file could not be created (a missing folder, no permission, …).
  case cannotCreate(path: String, reason: String)
  /// Writing or finishing the output failed part-way.
  case writeFailed(path: String, reason: String)
  /// The output would not fit the free space of its file system.
  case notEnoughSpace(path: String, needed: Int, available: Int)
  /// The format is written out of order, which a stream (a FIFO, a device, standard output)
  /// cannot take.
  case notSeekable(path: String)

  /// What went wrong and what to do, for people.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason):
      "cannot create \(path): \(reason); check that the folder exists and is writable"
    case .writeFailed(let path, let reason):
      "writing \(path) failed: \(reason); nothing was written"
    case .notEnoughSpace(let path, let needed, let available):
      "\(path) would need \(Self.size(needed)) but its disk has \(Self.size(available)) free; "
        + "free some space, or write somewhere else"
    case .notSeekable(let path):
      "\(path) is a stream (a FIFO or a device); this format is written out of order and needs "
        + "a regular file, while csv can be streamed"
    }
  }

  /// A byte count for people: `3.6 GB`.
  static func size(_ bytes: Int) -> String {
    let units = ["bytes", "kB", "MB", "GB", "TB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f", value) + " " + units[unit]
  }
}
