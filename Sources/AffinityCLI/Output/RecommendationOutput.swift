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
  /// For a profile of several papers, explained: the ones this paper is nearest to.
  var nearest: [String]?

  struct SharedTermLine: Encodable {
    var term: String
    var share: Float
  }

  init(query: String, recommendation: Recommendation) {
    self.query = query
    rank = recommendation.rank
    id = recommendation.paper.id.rawValue
    score = recommendation.score
    title = recommendation.paper.title
    shared = recommendation.sharedTerms?.map { SharedTermLine(term: $0.term, share: $0.share) }
    nearest = recommendation.closeTo?.map(\.rawValue)
  }

  /// "preference optimization 31%, dpo 12%".
  var sharedText: String {
    (shared ?? []).map { "\($0.term) \(Int(($0.share * 100).rounded()))%" }.joined(separator: ", ")
  }
}

/// The output of `related`, `search` and `recommend`: a line per recommendation, with its
/// shared terms (and, for a profile, the papers it is nearest to) when explained (JSON: an array
/// of lines).
struct RecommendationOutput: CommandOutput {
  var lines: [RecommendationLine]
  var explained: Bool
  /// Titles of the profile's papers, to name the nearest ones in the table.
  var titles: [String: String] = [:]

  /// Whether the lines name the profile papers they are nearest to.
  private var namesNearest: Bool { lines.contains { $0.nearest != nil } }

  var rows: Rows {
    let (explained, namesNearest) = (explained, namesNearest)  // once, not once a line
    return Rows(
      header: ["query", "rank", "id", "score", "title"] + (explained ? ["shared"] : [])
        + (namesNearest ? ["nearest"] : []),
      rows: lines.map { line in
        [line.query, String(line.rank), line.id, sixDecimals(line.score), line.title]
          + (explained ? [line.sharedText] : [])
          + (namesNearest ? [(line.nearest ?? []).joined(separator: ",")] : [])
      })
  }

  /// Numbered lines, grouped under their query when there are several queries.
  var tableText: String {
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
      for id in line.nearest ?? [] {
        text += "      near \(id)" + (titles[id].map { "  \($0)" } ?? "") + "\n"
      }
      if explained, !line.sharedText.isEmpty { text += "      shared: \(line.sharedText)\n" }
    }
    return text
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(lines)
  }
}
