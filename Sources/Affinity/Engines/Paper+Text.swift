import NGramVectorizer
import PaperCorpus

extension Paper {
  /// The text a paper is vectorised from, by every engine: its title (`titleRepeats` times in
  /// the model), then its summary. Section headings are the digest's boilerplate, not content,
  /// and are left out.
  func text(for configuration: VectorizerConfiguration) -> String {
    (Array(repeating: title, count: configuration.titleRepeats) + [summary])
      .joined(separator: "\n")
  }
}
