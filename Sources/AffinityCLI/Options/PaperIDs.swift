import PaperCorpus

/// Reads papers named on the command line: ids (`2406.11839`, `arXiv:2406.11839v2`) or links
/// to arXiv or Hugging Face paper pages.
///
/// - Parameters:
///   - texts: The arguments.
///   - option: The option they were given to, for messages (`--ids: …`), or `nil` for
///     positional arguments.
/// - Returns: The ids, in order.
/// - Throws: A `CommandError` naming the first argument that names no paper.
func arxivIDs(_ texts: [String], option: String? = nil) throws -> [ArxivID] {
  try texts.map { text in
    guard let id = ArxivID(text) else {
      throw CommandError(
        (option.map { "\($0): " } ?? "")
          + "'\(text)' is not an arXiv id; expected e.g. 2406.11839 or an arxiv.org link")
    }
    return id
  }
}
