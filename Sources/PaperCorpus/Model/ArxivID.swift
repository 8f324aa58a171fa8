/// A normalised arXiv identifier: `2406.11839` (new style) or `hep-th/9901001` (old style).
///
/// Normalising removes what varies between links to the same paper: the `arXiv:` prefix, the
/// `https://arxiv.org/abs/`, `/pdf/` or `/html/` address (or a Hugging Face paper page,
/// `https://huggingface.co/papers/`), a query or fragment, a `.pdf` suffix and the version (`v2`).
///
/// ```swift
/// ArxivID("https://arxiv.org/pdf/2406.11839v2.pdf")?.rawValue  // "2406.11839"
/// ArxivID("not an id")                                       // nil
/// ```
public struct ArxivID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The normalised id, e.g. `2406.11839`.
  public let rawValue: String

  /// Parses and normalises an id, a link to an arXiv page, or an `arXiv:` reference; fails
  /// when `text` holds no well-formed arXiv id.
  ///
  /// - Parameter text: The id or link.
  public init?(_ text: String) {
    // Ids read back from a library or a digest are nearly always already bare: checked on their
    // bytes, they skip the link handling below (about 2.5 µs an id).
    if Self.isBareNewStyle(text.utf8) {
      rawValue = text
      return
    }
    var rest = Substring(text.trimmingWhitespace())
    for prefix in [
      "https://", "http://", "www.", "export.", "arxiv.org/", "huggingface.co/papers/", "arxiv:",
    ] where rest.lowercased().hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
    }
    for prefix in ["abs/", "pdf/", "html/"] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
    }
    if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    while rest.hasSuffix("/") { rest = rest.dropLast() }
    if rest.lowercased().hasSuffix(".pdf") { rest = rest.dropLast(4) }
    if let v = rest.lastIndex(of: "v"), v != rest.startIndex,
      rest[rest.index(after: v)...].isAllDigits, rest[rest.index(before: v)].isNumber
    {
      rest = rest[..<v]
    }
    guard Self.isNewStyle(rest) || Self.isOldStyle(rest) else { return nil }
    rawValue = String(rest)
  }

  /// The text form, as parsed.
  /// The normalised id.
  public var description: String { rawValue }

  /// Orders earlier before later (ids: by their text).
  public static func < (lhs: ArxivID, rhs: ArxivID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Decodes the text form; malformed text is a `DecodingError.dataCorrupted`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let id = ArxivID(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an arXiv id"))
    }
    self = id
  }

  /// Encodes the text form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Whether `utf8` is exactly a new-style id, `YYMM.NNNN` or `YYMM.NNNNN` with a month from 01
  /// to 12: what ``isNewStyle(_:)`` accepts, without anything around it to strip.
  private static func isBareNewStyle(_ utf8: String.UTF8View) -> Bool {
    guard utf8.count == 9 || utf8.count == 10 else { return false }
    var month = 0
    for (position, byte) in utf8.enumerated() {
      if position == 4 {
        guard byte == UInt8(ascii: ".") else { return false }
        continue
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
      if position == 2 || position == 3 { month = month * 10 + Int(byte - UInt8(ascii: "0")) }
    }
    return (1...12).contains(month)
  }

  /// `YYMM.NNNN` or `YYMM.NNNNN`, with a month from 01 to 12.
  private static func isNewStyle(_ text: Substring) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[0].isAllDigits, parts[1].isAllDigits,
      (4...5).contains(parts[1].count), let month = Int(parts[0].suffix(2))
    else { return false }
    return (1...12).contains(month)
  }

  /// `archive/YYMMNNN` or `archive.XX/YYMMNNN`, e.g. `hep-th/9901001`, `math.GT/0309136`.
  private static func isOldStyle(_ text: Substring) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 7, parts[1].isAllDigits else { return false }
    let archive = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(archive.count), let name = archive.first, !name.isEmpty,
      name.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" })
    else { return false }
    return archive.count == 1 || archive[1].allSatisfy { ("A"..."Z").contains($0) }
  }
}

extension ArxivID {
  /// The id among `ids` that this one nearly is — a digit short, one character wrong, missing
  /// or extra, or two neighbouring ones swapped — for a "did you mean" when a user mistypes.
  ///
  /// ```swift
  /// ArxivID("2406.1067")!.closest(among: [ArxivID("2406.10670")!])  // 2406.10670
  /// ```
  ///
  /// - Parameter ids: The ids there are.
  /// - Returns: The nearest: an id this one begins (a digit short) first, then the lowest; `nil`
  ///   when none is one slip away.
  /// - Complexity: O(ids).
  public func closest(among ids: some Sequence<ArxivID>) -> ArxivID? {
    let wanted = Array(rawValue)
    func rank(_ candidate: ArxivID) -> (Int, String) {
      (candidate.rawValue.hasPrefix(rawValue) ? 0 : 1, candidate.rawValue)
    }
    return ids.filter { Self.isOneSlip(Array($0.rawValue), wanted) }.min { rank($0) < rank($1) }
  }

  /// Whether two different texts differ by one character replaced, inserted or removed, or by
  /// two neighbouring characters swapped.
  private static func isOneSlip(_ a: [Character], _ b: [Character]) -> Bool {
    guard a != b, abs(a.count - b.count) <= 1 else { return false }
    let start = zip(a, b).prefix { $0 == $1 }.count
    let (restA, restB) = (a[start...], b[start...])
    if restA.dropFirst().elementsEqual(restB.dropFirst()) { return true }  // replaced
    if restA.dropFirst().elementsEqual(restB) || restA.elementsEqual(restB.dropFirst()) {
      return true  // inserted or removed
    }
    return a.count == b.count && restA.count >= 2 && restA.first == restB.dropFirst().first
      && restB.first == restA.dropFirst().first
      && restA.dropFirst(2).elementsEqual(restB.dropFirst(2))
  }
}

extension Substring {
  fileprivate var isAllDigits: Bool { !isEmpty && allSatisfy { ("0"..."9").contains($0) } }
}
