import Affinity
import Foundation

/// One group as JSON.
private struct TopicLine: Encodable {
  var topic: Int
  var label: [String]
  var size: Int
  var papers: [Member]

  struct Member: Encodable {
    var id: String
    var score: Float
    var title: String
  }
}

/// The whole result as JSON: the groups and how their number was chosen.
private struct TopicsDocument: Encodable {
  var method: String
  var k: Int
  var clear: Bool
  var candidates: [Candidate]
  var groups: [TopicLine]

  struct Candidate: Encodable {
    var k: Int
    var silhouette: Float
    var eigengap: Float
  }
}

/// A sentence on how the number of groups came about: "8 groups (k auto: silhouette 0.21 …)".
func choiceSummary(_ topics: Topics) -> String {
  let choice = topics.choice
  let groups = "\(topics.groups.count) group\(topics.groups.count == 1 ? "" : "s")"
  guard let silhouetteCount = choice.silhouetteCount,
    let best = choice.candidates.first(where: { $0.count == silhouetteCount }),
    let first = choice.candidates.first, let last = choice.candidates.last
  else {
    return choice.candidates.isEmpty && choice.count == 1 && topics.groups.count == 1
      ? "\(groups) (too few papers to compare numbers of groups)" : "\(groups) (k given)"
  }
  let scores = String(
    format: "best silhouette %.3f at k = %d among k = %d…%d; the eigengap points to k = %d",
    best.silhouette, best.count, first.count, last.count, choice.eigengapCount ?? best.count)
  return choice.isClear
    ? "\(groups) (k auto: \(scores))"
    : "\(groups) — no number of groups is clearly better (\(scores)); showing k = "
      + "\(choice.count), about six papers a group"
}

/// `topics`' output: the groups and how their number was chosen.
struct TopicsOutput: CommandOutput {
  var topics: Topics

  var note: String? { choiceSummary(topics) }

  var rows: Rows {
    Rows(
      header: ["topic", "label", "id", "score", "title"],
      rows: topics.groups.enumerated().flatMap { index, group in
        group.members.map { member in
          [
            String(index + 1), group.label.joined(separator: ", "), member.paper.id.rawValue,
            sixDecimals(member.centrality), member.paper.title,
          ]
        }
      })
  }

  var tableText: String {
    var text = choiceSummary(topics) + "\n"
    for (index, group) in topics.groups.enumerated() {
      let size = "\(group.members.count) paper\(group.members.count == 1 ? "" : "s")"
      let label = group.label.isEmpty ? "(no shared terms)" : group.label.joined(separator: " · ")
      text += "\n\(index + 1). \(label)  (\(size))\n"
      for member in group.members {
        text += String(
          format: "   %@  %.3f  %@\n",
          member.paper.id.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0),
          member.centrality, member.paper.title)
      }
    }
    return text
  }

  func encode(to encoder: any Encoder) throws {
    let document = TopicsDocument(
      method: topics.method.rawValue, k: topics.choice.count, clear: topics.choice.isClear,
      candidates: topics.choice.candidates.map {
        .init(k: $0.count, silhouette: $0.silhouette, eigengap: $0.eigengap)
      },
      groups: topics.groups.enumerated().map { index, group in
        TopicLine(
          topic: index + 1, label: group.label, size: group.members.count,
          papers: group.members.map {
            .init(id: $0.paper.id.rawValue, score: $0.centrality, title: $0.paper.title)
          })
      })
    try document.encode(to: encoder)
  }
}
