import Affinity
import PaperCorpus

extension ReportPage {
  /// The map's width and margin, in SVG units; its height follows the papers' extent.
  static let mapSize: (width: Float, margin: Float) = (1000, 48)

  /// The topic map: a mark per paper, coloured and shaped by top-level group, linked to arXiv,
  /// with the groups' labels at their centres and a legend.
  func mapSection() -> String {
    let (width, margin) = Self.mapSize
    let inner = width - 2 * margin
    let innerHeight = (inner * map.aspect).clamped(to: 420...900)
    let height = innerHeight + 2 * margin
    func place(_ x: Float, _ y: Float) -> (Float, Float) {
      (margin + x * inner, margin + y * innerHeight)
    }
    let radius: Float = map.points.count <= 200 ? 7 : map.points.count <= 2000 ? 4 : 2.5
    var marks = ""
    marks.reserveCapacity(map.points.count * 320)
    for point in map.points {
      let (x, y) = place(point.x, point.y)
      let paper = point.paper
      let group = map.topics.groups[point.group]
      let authors =
        paper.authors.prefix(3).joined(separator: ", ")
        + (paper.authors.count > 3 || paper.omitsAuthors ? ", …" : "")
      let date = paper.firstDate?.description ?? ""
      let votes = paper.votes.map(String.init) ?? ""
      let native = [
        paper.title,
        [paper.id.rawValue, date, votes.isEmpty ? "" : votes + " votes", authors]
          .filter { !$0.isEmpty }.joined(separator: " · "),
      ].joined(separator: "\n")
      marks +=
        "<a class=\"mark\" href=\"\(HTML.arxivLink(paper.id.rawValue))\" "
        + "data-id=\"\(HTML.escape(paper.id.rawValue))\" data-title=\"\(HTML.escape(paper.title))\" "
        + "data-date=\"\(date)\" data-votes=\"\(votes)\" data-authors=\"\(HTML.escape(authors))\" "
        + "data-group=\"\(HTML.escape(Self.label(group)))\" fill=\"\(Palette.colour(point.group))\">"
        + "<title>\(HTML.escape(native))</title>"
        + Palette.element(Palette.shape(point.group), x: x, y: y, r: radius) + "</a>\n"
    }
    var placed: [(x: Float, y: Float, width: Float)] = []
    var labels = ""
    for (index, group) in map.topics.groups.enumerated() where index < map.centres.count {
      let text = group.label.prefix(2).joined(separator: " · ")
      guard !text.isEmpty else { continue }
      let (x, y) = place(map.centres[index].x, map.centres[index].y)
      let textWidth = Float(text.count) * 9 + 8
      var chosen = y
      for step in [0, -1, 1, -2, 2, -3, 3, -4, 4] {
        let candidate = y + Float(step) * 20
        let clashes = placed.contains {
          abs($0.y - candidate) < 18 && abs($0.x - x) < ($0.width + textWidth) / 2
        }
        if !clashes {
          chosen = candidate
          break
        }
      }
      placed.append((x, chosen, textWidth))
      labels +=
        "<text class=\"maplabel\" x=\"\(HTML.number(min(max(x, textWidth / 2), width - textWidth / 2)))\" "
        + "y=\"\(HTML.number(chosen))\" text-anchor=\"middle\">\(HTML.escape(text))</text>\n"
    }
    let legend = map.topics.groups.enumerated().map { index, group in
      "<li><svg viewBox=\"0 0 14 14\" aria-hidden=\"true\" fill=\"\(Palette.colour(index))\">"
        + Palette.element(Palette.shape(index), x: 7, y: 7, r: 5.5)
        + "</svg> <a href=\"#g\(index + 1)\">\(index + 1). \(HTML.escape(Self.label(group)))</a> "
        + "<span class=\"size\">(\(group.members.count))</span></li>"
    }.joined(separator: "\n")
    return """
      <section id="map">
      <h2>Topic map</h2>
      <p class="scale">Each mark is a paper, placed by its similarity to the others and coloured \
      by its topic group; hover or focus a mark for its title, click it for arXiv.</p>
      <figure class="scroll">
      <svg class="map" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
      aria-label="Map of \(map.points.count) papers in \(map.topics.groups.count) topic groups">
      <g class="marks">
      \(marks)</g>
      <g class="labels">
      \(labels)</g>
      </svg>
      <figcaption><ul class="legend">
      \(legend)
      </ul></figcaption>
      </figure>
      </section>
      """
  }
}

extension Comparable {
  fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
    min(max(self, range.lowerBound), range.upperBound)
  }
}
