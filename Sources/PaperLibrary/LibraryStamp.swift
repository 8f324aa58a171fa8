/// One state of a library's papers: which library, how many additions have changed it, and how
/// many papers it holds. Anything computed from the papers (such as a stored search index) is
/// current exactly while its stamp equals the library's.
public struct LibraryStamp: Sendable, Hashable, Codable {
  /// A random identity given to the library when it was created, so that files computed from
  /// one library are never taken for another's.
  public var libraryID: String
  /// How many times ``PaperLibrary/add(_:)`` changed the papers.
  public var generation: Int
  /// The number of papers.
  public var paperCount: Int

  /// Creates a stamp.
  public init(libraryID: String, generation: Int, paperCount: Int) {
    self.libraryID = libraryID
    self.generation = generation
    self.paperCount = paperCount
  }
}
