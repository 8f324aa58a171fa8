import Affinity
import PaperCorpus

extension ReportPage {
  /// The most days the timeline draws one column each; longer spans are drawn in runs of days.
  static let timelineColumns = 60

  /// The groups as a list, subgroups nested, with every paper's title linked to arXiv: the page
  /// without scripts, searchable with the browser's find.
  func groupsSection() -> String {
    func section(_ group: TopicGroup, path: String, depth: Int, colour: String) -> String {
      let heading = "h\(min(6, depth + 3))"
      let id = "g" + path.replacingOccurrences(of: ".", with: "-")
      var text =
        "<section class=\"group\" id=\"\(id)\" style=\"border-color:\(colour)\">\n"
        + "<\(heading)>\(path). \(HTML.escape(Self.label(group))) "
        + "<span class=\"size\">(\(group.members.count) paper\(group.members.count == 1 ? "" : "s"))</span></\(heading)>\n"
      if group.subgroups.isEmpty {
        text += "<ol>\n"
        for member in group.members {
          let paper = member.paper
          let meta = [
            paper.id.rawValue, paper.firstDate?.description ?? "",
            paper.votes.map { "\($0) votes" } ?? "",
          ].filter { !$0.isEmpty }.joined(separator: " · ")
          text +=
            "<li><a href=\"\(HTML.arxivLink(paper.id.rawValue))\">\(HTML.escape(paper.title))</a>"
            + "<span class=\"meta\">\(HTML.escape(meta))</span></li>\n"
        }
        text += "</ol>\n"
      } else {
        for (index, subgroup) in group.subgroups.enumerated() {
          text += section(subgroup, path: "\(path).\(index + 1)", depth: depth + 1, colour: colour)
        }
      }
      return text + "</section>\n"
    }
    let groups = map.topics.groups.enumerated().map { index, group in
      section(group, path: String(index + 1), depth: 0, colour: Palette.colour(index))
    }.joined()
    return """
      <section id="groups">
      <h2>Groups</h2>
      \(groups)</section>
      """
  }

  /// Papers per day of each top-level group, as bars on a common scale: which topics are new or
  /// growing.
  func timelineSection() -> String {
    let days = map.topics.days
    let run = max(1, (days.count + Self.timelineColumns - 1) / Self.timelineColumns)
    let columns = (days.count + run - 1) / run
    let rows = map.topics.groups.map { group -> [Int] in
      let perDay = group.papersPerDay(days)
      return (0..<columns).map { perDay[($0 * run)..<min(days.count, ($0 + 1) * run)].reduce(0, +) }
    }
    let busiest = Float(max(1, rows.flatMap { $0 }.max() ?? 1))
    let (gutter, width, rowHeight): (Float, Float, Float) = (200, 760, 26)
    let columnWidth = width / Float(max(1, columns))
    var bars = ""
    for (index, counts) in rows.enumerated() {
      let top = Float(index) * rowHeight
      let name =
        "\(index + 1). " + map.topics.groups[index].label.prefix(2).joined(separator: " · ")
      bars +=
        "<text x=\"\(HTML.number(gutter - 6))\" y=\"\(HTML.number(top + 17))\" text-anchor=\"end\">"
        + "\(HTML.escape(String(name.prefix(28))))</text>\n"
      for (column, count) in counts.enumerated() where count > 0 {
        let height = max(1.5, (rowHeight - 6) * Float(count) / busiest)
        let first = days[column * run]
        let last = days[min(days.count, (column + 1) * run) - 1]
        let span = run == 1 ? first.description : "\(first) to \(last)"
        bars +=
          "<rect x=\"\(HTML.number(gutter + Float(column) * columnWidth + 1))\" "
          + "y=\"\(HTML.number(top + rowHeight - 3 - height))\" width=\"\(HTML.number(max(1, columnWidth - 2)))\" "
          + "height=\"\(HTML.number(height))\" fill=\"\(Palette.colour(index))\">"
          + "<title>\(HTML.escape(span)): \(count) paper\(count == 1 ? "" : "s")</title></rect>"
      }
      bars += "\n"
    }
    let height = Float(rows.count) * rowHeight
    let unit = run == 1 ? "a day" : "\(run) days"
    return """
      <section id="timeline">
      <h2>Timeline</h2>
      <p class="scale">Papers of each top-level group per \(unit) with papers, \(days.first?.description ?? "") \
      to \(days.last?.description ?? ""); bars share one scale (the tallest is \(Int(busiest)) papers).</p>
      <figure class="scroll">
      <svg class="timeline" viewBox="0 0 \(Int(gutter + width + 8)) \(Int(height + 24))" role="img" \
      aria-label="Papers per day of each topic group">
      \(bars)<text x="\(Int(gutter))" y="\(Int(height + 18))">\(days.first?.description ?? "")</text>
      <text x="\(Int(gutter + width))" y="\(Int(height + 18))" text-anchor="end">\(days.last?.description ?? "")</text>
      </svg>
      </figure>
      </section>
      """
  }

  /// The span's papers ranked for the liked papers, with why: the liked papers each is nearest
  /// to and the terms they share.
  func forYouSection() -> String {
    let items = forYou.map { recommendation in
      let paper = recommendation.paper
      let near = (recommendation.closeTo ?? []).map { likedTitles[$0] ?? $0.rawValue }
      let shared = (recommendation.sharedTerms ?? []).prefix(5).map {
        "\($0.term) \(Int(($0.share * 100).rounded()))%"
      }
      var reasons: [String] = []
      if !near.isEmpty { reasons.append("near " + near.joined(separator: "; ")) }
      if !shared.isEmpty { reasons.append("shares " + shared.joined(separator: ", ")) }
      return "<li><a href=\"\(HTML.arxivLink(paper.id.rawValue))\">\(HTML.escape(paper.title))</a>"
        + "<span class=\"meta\">\(HTML.escape(paper.id.rawValue)) · score \(HTML.number(recommendation.score, digits: 3))</span>"
        + (reasons.isEmpty
          ? "" : "<div class=\"reason\">\(HTML.escape(reasons.joined(separator: " — ")))</div>")
        + "</li>"
    }.joined(separator: "\n")
    return """
      <section id="for-you">
      <h2>For you</h2>
      <p class="scale">The span's papers most like the papers you marked liked (those marked liked, \
      read or hidden left out).</p>
      <ol>
      \(items)
      </ol>
      </section>
      """
  }
}
