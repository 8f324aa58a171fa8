import Foundation

/// Reads the Hugging Face daily-papers API's answer: a JSON array with one object per listed
/// paper.
///
/// ```
/// [{"paper": {"id": "2406.11839", "title": "mDPO: …", "summary": "…", "upvotes": 37,
///             "authors": [{"name": "Fei Wang", "hidden": false}, …]},
///   "publishedAt": "2024-06-18T01:23:45.000Z", …}, …]
/// ```
/// `paper.id` and a title (`paper.title`, else the outer `title`) are required; the outer
/// `publishedAt` is the day listed (else `paper.publishedAt`), `paper.upvotes` the votes and
/// `paper.summary` the text. Every author is kept, hidden ones too. An item that is not such an
/// object is reported by its position and skipped; other fields are ignored.
public enum HuggingFaceAPIParser {
  /// Parses the array.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - source: The file's name, for messages.
  /// - Returns: The papers and problems, in the array's order.
  public static func parse(_ bytes: [UInt8], source: String) -> CorpusReadResult {
    var result = CorpusReadResult(source: source)
    let items: [Item]
    do {
      items = try JSONDecoder().decode([Item].self, from: Data(bytes))
    } catch {
      result.problems.append(
        CorpusProblem(
          source: source,
          message: "not a Hugging Face daily-papers list; expected a JSON array of objects "
            + "with 'paper' (id, title, summary, authors, upvotes) and 'publishedAt'"))
      return result
    }
    for (position, item) in items.enumerated() {
      switch item.paper {
      case .success(let paper): result.papers.append(paper)
      case .failure(let reason):
        result.problems.append(
          CorpusProblem(source: source, message: "item \(position + 1): \(reason.message)"))
        result.rejectedCount += 1
      }
    }
    return result
  }

  /// Why an item is not a paper.
  struct Rejection: Error {
    var message: String
  }

  /// One item of the array, read leniently so that a bad one is reported on its own.
  private struct Item: Decodable {
    var paper: Result<Paper, Rejection>

    private struct Fields: Decodable {
      var paper: PaperFields?
      var title: String?
      var publishedAt: String?
    }

    private struct PaperFields: Decodable {
      var id: String?
      var title: String?
      var summary: String?
      var upvotes: Int?
      var publishedAt: String?
      var authors: [Author]?
    }

    private struct Author: Decodable {
      var name: String?
    }

    init(from decoder: any Decoder) throws {
      let fields: Fields
      do {
        fields = try Fields(from: decoder)
      } catch {
        paper = .failure(Rejection(message: "not a paper object (\(Self.describe(error)))"))
        return
      }
      paper = Self.paper(from: fields)
    }

    private static func paper(from fields: Fields) -> Result<Paper, Rejection> {
      guard let inner = fields.paper else {
        return .failure(Rejection(message: "missing field 'paper'"))
      }
      guard let rawID = inner.id else {
        return .failure(Rejection(message: "missing field 'paper.id' (an arXiv id)"))
      }
      guard let id = ArxivID(rawID) else {
        return .failure(Rejection(message: "field 'paper.id': '\(rawID)' is not an arXiv id"))
      }
      let title = JSONLinesParser.singleSpaced(inner.title ?? fields.title ?? "")
      guard !title.isEmpty else {
        return .failure(Rejection(message: "missing or empty field 'paper.title'"))
      }
      var dates: [Day] = []
      if let published = fields.publishedAt ?? inner.publishedAt {
        guard let day = Day(published.prefix(10)) else {
          return .failure(
            Rejection(message: "field 'publishedAt': '\(published)' is not an ISO 8601 date"))
        }
        dates = [day]
      }
      if let votes = inner.upvotes, votes < 0 {
        return .failure(Rejection(message: "field 'paper.upvotes': \(votes) is negative"))
      }
      let summary = JSONLinesParser.singleSpaced(inner.summary ?? "")
      return .success(
        Paper(
          id: id, title: title,
          authors: (inner.authors ?? []).compactMap { $0.name?.trimmingWhitespace() }
            .filter { !$0.isEmpty },
          dates: dates, votes: inner.upvotes,
          sections: summary.isEmpty ? [] : [SummarySection(text: summary)]))
    }

    private static func describe(_ error: any Error) -> String {
      guard let error = error as? DecodingError else { return "\(error)" }
      switch error {
      case .typeMismatch(_, let context), .valueNotFound(_, let context),
        .dataCorrupted(let context):
        // The item's own position is said already; name the fields inside it.
        let path = context.codingPath.filter { $0.intValue == nil }.map(\.stringValue)
          .joined(separator: ".")
        return path.isEmpty ? "expected an object" : "field '\(path)' has the wrong type"
      case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
      @unknown default: return "\(error)"
      }
    }
  }
}
