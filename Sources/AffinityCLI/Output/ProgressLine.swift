import Foundation
import MatrixExport

/// Progress of a long export on standard error, only when standard error is a terminal:
/// `similarity: 12000/30000 rows (40%)`, rewritten in place.
func progressLine(_ label: String) -> MatrixExport.Progress {
  guard isatty(STDERR_FILENO) == 1 else { return { _, _ in } }
  return { finished, total in
    let percent = total == 0 ? 100 : finished * 100 / total
    let end = finished == total ? "\n" : ""
    FileHandle.standardError.write(
      Data("\r\(label): \(finished)/\(total) rows (\(percent)%)\(end)".utf8))
  }
}

/// The steps of a long command on standard error, only when standard error is a terminal:
/// `topics: clustering…`, one line each.
func progressSteps(_ label: String) -> (String) -> Void {
  guard isatty(STDERR_FILENO) == 1 else { return { _ in } }
  return { step in FileHandle.standardError.write(Data("\(label): \(step)…\n".utf8)) }
}
