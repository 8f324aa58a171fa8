import ArgumentParser
import PaperCorpus

extension Day: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}
