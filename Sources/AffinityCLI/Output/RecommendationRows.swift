import Affinity
import Foundation

/// One printed result of `related` or `search`.
struct RecommendationLine: Encodable {
  var query: String
  var rank: Int
  var id: String
  var score: Float
  var title: String
  var shared: [SharedTermLine]?

  struct SharedTermLine: Encodable {
    var term: String
    var share: Float
  }

  init(query: String, recommendation: Recommendation, shared: [SharedTerm]?) {
    self.query = query
    rank = recommendation.rank
    id = recommendation.paper.id.rawValue
    score = recommendation.score
    title = recommendation.paper.title
    self.shared = shared?.map { SharedTermLine(term: $0.term, share: $0.share) }
  }

  /// "preference optimization 31%, dpo 12%".
  var sharedText: String {
    (shared ?? []).map { "\($0.term) \(Int(($0.share * 100).rounded()))%" }.joined(separator: ", ")
  }
}

/// Prints recommendation lines in a format.
func printRecommendations(_ lines: [RecommendationLine], format: OutputFormat, explain: Bool) throws
{
  switch format {
  case .json:
    print(try jsonText(lines), terminator: "")
  case .table:
    var text = ""
    var lastQuery: String?
    let multipleQueries = Set(lines.map(\.query)).count > 1
    for line in lines {
      if multipleQueries, line.query != lastQuery {
        text += (lastQuery == nil ? "" : "\n") + "\(line.query)\n"
        lastQuery = line.query
      }
      text += String(
        format: "%3d  %@  %.3f  %@\n", line.rank,
        line.id.padding(toLength: 10, withPad: " ", startingAt: 0), line.score, line.title)
      if explain, !line.sharedText.isEmpty { text += "      shared: \(line.sharedText)\n" }
    }
    print(text, terminator: "")
  case .csv, .tsv:
    let rows = Rows(
      header: ["query", "rank", "id", "score", "title"] + (explain ? ["shared"] : []),
      rows: lines.map { line in
        [line.query, String(line.rank), line.id, sixDecimals(line.score), line.title]
          + (explain ? [line.sharedText] : [])
      })
    print(rows.rendered(format), terminator: "")
  }
}
