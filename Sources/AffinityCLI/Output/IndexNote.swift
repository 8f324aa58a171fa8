import Affinity

extension IndexState {
  /// What a user should be told about how the search index was found: nothing when it was
  /// current; that it was built, repaired, or could not be stored.
  var note: String? {
    switch self {
    case .current: nil
    case .built(let papers): "indexed \(papers) papers for related and search"
    case .updated(let papers):
      "indexed \(papers) new or changed \(papers == 1 ? "paper" : "papers") for related and search"
    case .builtNotStored(let error): error.description
    case .repaired(let papers, let damage):
      "\(damage); rebuilt it from the library (\(papers) papers)"
    }
  }
}
