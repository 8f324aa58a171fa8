import ArgumentParser
import PaperCorpus

extension Day: ExpressibleByArgument {
  /// Parses `--date`/`--since` values as `YYYY-MM-DD`.
  public init?(argument: String) { self.init(argument) }
}
