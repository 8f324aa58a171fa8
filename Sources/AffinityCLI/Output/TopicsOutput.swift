import Affinity
import Foundation
import PaperCorpus

/// One group as JSON, with its subgroups nested.
private struct TopicLine: Encodable {
  var topic: String
  var label: [String]
  var size: Int
  /// Papers per day of the span (only for spans of several days).
  var timeline: [Int]?
  var papers: [Member]
  var subgroups: [TopicLine]?

  struct Member: Encodable {
    var id: String
    var score: Float
    var title: String
  }
}

/// How one level's number of groups was chosen, as JSON.
private struct LevelLine: Encodable {
  var k: Int
  var clear: Bool
  var candidates: [Candidate]

  struct Candidate: Encodable {
    var k: Int
    var silhouette: Float
    var eigengap: Float?
  }
}

/// The whole result as JSON: the groups and how their number was chosen.
private struct TopicsDocument: Encodable {
  var method: String
  var k: Int
  var clear: Bool
  var candidates: [LevelLine.Candidate]
  /// Every level, top first (one for flat groups).
  var levels: [LevelLine]
  /// The span's days, for the timelines (only for spans of several days).
  var days: [String]?
  var groups: [TopicLine]
}

/// A group with its path (`3.2`) and depth (0 at the top).
private struct PlacedGroup {
  var path: String
  var depth: Int
  var group: TopicGroup
}

/// A sentence on how the number of groups came about: "8 groups (k auto: silhouette 0.21 …)".
func choiceSummary(_ topics: Topics) -> String {
  if topics.method == .hierarchical { return hierarchySummary(topics) }
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

/// One sentence per level of a hierarchy: its count, and whether it stood out.
private func hierarchySummary(_ topics: Topics) -> String {
  let papers = topics.groups.reduce(0) { $0 + $1.members.count }
  let names = ["top level", "middle level", "finest level"]
  return "\(papers) papers as a hierarchy of \(topics.levels.count) level"
    + "\(topics.levels.count == 1 ? "" : "s"):\n"
    + topics.levels.enumerated().map { index, level in
      let name =
        index == 0 ? names[0] : index == topics.levels.count - 1 ? names[2] : names[1]
      let groups = "\(level.count) group\(level.count == 1 ? "" : "s")"
      if index > 0, level.candidates.isEmpty {
        return "  \(name): \(groups) (top-level groups of more than 16 finest groups split "
          + "into about the square root as many)"
      }
      guard let first = level.candidates.first, let last = level.candidates.last,
        let best = level.candidates.first(where: { $0.count == level.count }),
        level.candidates.count > 1
      else { return "  \(name): \(groups) (k given)" }
      let scores = String(
        format: "silhouette %.3f among k = %d…%d", best.silhouette, first.count, last.count)
      return level.isClear
        ? "  \(name): \(groups) (\(scores), clearly the best)"
        : "  \(name): \(groups) — no number of groups is clearly better (\(scores)); "
          + (index == 0 && topics.levels.count > 1
            ? "showing about the square root of the finest count"
            : "showing the best")
    }.joined(separator: "\n")
}

/// `topics`' output: the groups and how their number was chosen.
struct TopicsOutput: CommandOutput {
  var topics: Topics

  /// The most papers the table lists under a finest group of a hierarchy.
  static let papersShownPerGroup = 5

  var note: String? { choiceSummary(topics) }

  /// Every group, depth first, with its path.
  private var placed: [PlacedGroup] {
    func walk(_ groups: [TopicGroup], prefix: String, depth: Int) -> [PlacedGroup] {
      groups.enumerated().flatMap { index, group in
        let path = prefix + String(index + 1)
        return [PlacedGroup(path: path, depth: depth, group: group)]
          + walk(group.subgroups, prefix: path + ".", depth: depth + 1)
      }
    }
    return walk(topics.groups, prefix: "", depth: 0)
  }

  /// Whether timelines are shown: the span has several days.
  private var showsTimeline: Bool { topics.days.count > 1 }

  var rows: Rows {
    Rows(
      header: ["topic", "label", "id", "score", "title"],
      rows: placed.filter { $0.group.subgroups.isEmpty }.flatMap { placed in
        placed.group.members.map { member in
          [
            placed.path, placed.group.label.joined(separator: ", "), member.paper.id.rawValue,
            sixDecimals(member.centrality), member.paper.title,
          ]
        }
      })
  }

  var tableText: String {
    var text = choiceSummary(topics) + "\n"
    let buckets = TimelineBuckets(days: topics.days)
    if showsTimeline {
      text += "Timelines: \(buckets.description)\n"
    }
    let isHierarchy = topics.method == .hierarchical
    for placed in placed {
      let group = placed.group
      let indent = String(repeating: "   ", count: placed.depth)
      let size = "\(group.members.count) paper\(group.members.count == 1 ? "" : "s")"
      let label = group.label.isEmpty ? "(no shared terms)" : group.label.joined(separator: " · ")
      let timeline = showsTimeline ? "  " + buckets.sparkline(group.papersPerDay(topics.days)) : ""
      text += "\n\(indent)\(placed.path). \(label)  (\(size))\(timeline)\n"
      guard group.subgroups.isEmpty else { continue }
      let shown = isHierarchy ? group.members.prefix(Self.papersShownPerGroup) : group.members[...]
      for member in shown {
        text +=
          indent
          + String(
            format: "   %@  %.3f  %@\n",
            member.paper.id.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0),
            member.centrality, member.paper.title)
      }
      if shown.count < group.members.count {
        text += indent + "   … and \(group.members.count - shown.count) more\n"
      }
    }
    return text
  }

  func encode(to encoder: any Encoder) throws {
    func line(_ group: TopicGroup, path: String) -> TopicLine {
      TopicLine(
        topic: path, label: group.label, size: group.members.count,
        timeline: showsTimeline ? group.papersPerDay(topics.days) : nil,
        papers: group.members.map {
          .init(id: $0.paper.id.rawValue, score: $0.centrality, title: $0.paper.title)
        },
        subgroups: group.subgroups.isEmpty
          ? nil
          : group.subgroups.enumerated().map { line($1, path: path + ".\($0 + 1)") })
    }
    let levels = topics.levels.map { level in
      LevelLine(
        k: level.count, clear: level.isClear,
        candidates: level.candidates.map {
          .init(k: $0.count, silhouette: $0.silhouette, eigengap: $0.eigengap)
        })
    }
    let document = TopicsDocument(
      method: topics.method.rawValue, k: topics.choice.count, clear: topics.choice.isClear,
      candidates: levels[0].candidates, levels: levels,
      days: showsTimeline ? topics.days.map(\.description) : nil,
      groups: topics.groups.enumerated().map { line($1, path: String($0 + 1)) })
    try document.encode(to: encoder)
  }
}

/// How a span's days (those with papers) are drawn as a sparkline: one character a day up to
/// ``TimelineBuckets/widest`` days, else one character for each run of days.
struct TimelineBuckets: CustomStringConvertible {
  /// The most characters a sparkline has.
  static let widest = 60
  let days: [Day]
  /// Days per character.
  let size: Int

  init(days: [Day]) {
    self.days = days
    size = max(1, (days.count + Self.widest - 1) / Self.widest)
  }

  var description: String {
    guard let first = days.first, let last = days.last else { return "" }
    let unit = size == 1 ? "one character a day" : "one character for \(size) days"
    return "\(days.count) days with papers from \(first) to \(last), \(unit) (· none), "
      + "each scaled to its group's busiest"
  }

  /// Counts per day as block characters, each bucket's total scaled to the busiest bucket.
  func sparkline(_ perDay: [Int]) -> String {
    let totals = stride(from: 0, to: perDay.count, by: size).map {
      perDay[$0..<min(perDay.count, $0 + size)].reduce(0, +)
    }
    let busiest = max(1, totals.max() ?? 1)
    let blocks = Array(" ▁▂▃▄▅▆▇█")
    return String(
      totals.map { total in
        total == 0 ? "·" : blocks[max(1, (total * (blocks.count - 1) + busiest - 1) / busiest)]
      })
  }
}
