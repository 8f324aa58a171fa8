import Affinity
import Foundation
import PaperCorpus

/// `add`'s progress on standard error while it reads a large input and indexes it, only when
/// standard error is a terminal: `arxiv.json: 1,204,000 papers, 1.9 of 4.5 GB (42%), 38 MB/s,
/// 1:09 left`, then `indexing: 120,000 of 1,204,000 papers counted (9%)`, rewritten in place at
/// most five times a second, each ended with a line break.
final class AddProgress {
  private let isShown: Bool
  private let start = Date()
  private var lastShown = Date.distantPast
  private var papers = 0
  private var drawn = false

  /// - Parameter quiet: Whether progress was turned off (`--quiet`).
  init(quiet: Bool) {
    isShown = !quiet && isatty(STDERR_FILENO) == 1
  }

  /// Counts a part's papers and redraws the line if it is time.
  func update(_ part: CorpusPart) {
    papers += part.result.papers.count
    guard isShown, Date().timeIntervalSince(lastShown) >= 0.2 else { return }
    lastShown = Date()
    draw(part)
  }

  /// Clears the line, if one was drawn, so that a message can be printed; the next update
  /// draws it again.
  func clearLine() {
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }

  /// Shows how far indexing has got: `indexing: 120,000 of 1,000,000 papers (12%), counted`.
  func update(_ progress: IndexProgress) {
    guard isShown, Date().timeIntervalSince(lastShown) >= 0.2 || progress.papers == progress.total
    else { return }
    lastShown = Date()
    let step = progress.step == .counting ? "counted" : "vectorised and indexed"
    let percent = progress.total == 0 ? 100 : progress.papers * 100 / progress.total
    FileHandle.standardError.write(
      Data(
        ("\rindexing: \(progress.papers.formatted()) of \(progress.total.formatted()) papers "
          + "\(step) (\(percent)%)\u{1B}[K").utf8))
    drawn = true
  }

  /// Ends the line, if one was drawn.
  func finish() {
    if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    drawn = false
    papers = 0
  }

  private func draw(_ part: CorpusPart) {
    let elapsed = max(Date().timeIntervalSince(start), 0.001)
    let rate = Double(part.bytesRead) / elapsed
    var text = "\(part.result.source): \(papers.formatted()) papers"
    if let total = part.byteCount, total > 0 {
      let left = rate > 0 ? Double(total - part.bytesRead) / rate : 0
      text +=
        ", \(size(part.bytesRead)) of \(size(total)) (\(part.bytesRead * 100 / total)%)"
        + ", \(size(Int(rate)))/s, \(duration(left)) left"
    } else {
      text += ", \(size(part.bytesRead)), \(size(Int(rate)))/s"
    }
    FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
    drawn = true
  }

  private func size(_ bytes: Int) -> String {
    bytes >= 1 << 30
      ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30))
      : String(format: "%.0f MB", Double(bytes) / Double(1 << 20))
  }

  private func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return whole >= 3600
      ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
      : String(format: "%d:%02d", whole / 60, whole % 60)
  }
}
