import Affinity

extension ReportPage {
  /// The similarity heatmap, ordered by group with the groups' borders drawn, and its scale:
  /// papers for a small span, top-level groups for a large one.
  func heatmapSection() -> String {
    let heatmap = map.heatmap
    let n = heatmap.names.count
    let size: Float = 640
    let gutter: Float = heatmap.ofPapers ? 8 : 150
    let cell = size / Float(max(1, n))
    var offDiagonal: [Float] = []
    for i in 0..<n { for j in 0..<n where i != j { offDiagonal.append(heatmap.values[i, j]) } }
    let low = max(0, offDiagonal.min() ?? 0)
    let high = max(
      low + 1e-6,
      heatmap.ofPapers
        ? (offDiagonal.max() ?? 1) : (0..<n).map { heatmap.values[$0, $0] }.max() ?? 1)
    var cells = ""
    cells.reserveCapacity(n * n * 120)
    for i in 0..<n {
      for j in 0..<n {
        let value = heatmap.values[i, j]
        let shade = i == j && heatmap.ofPapers ? 1 : (value - low) / (high - low)
        cells +=
          "<rect x=\"\(HTML.number(gutter + Float(j) * cell, digits: 2))\" "
          + "y=\"\(HTML.number(Float(i) * cell, digits: 2))\" width=\"\(HTML.number(cell + 0.05, digits: 2))\" "
          + "height=\"\(HTML.number(cell + 0.05, digits: 2))\" fill=\"\(Palette.ramp(shade))\">"
          + "<title>\(HTML.escape(heatmap.names[i])) × \(HTML.escape(heatmap.names[j])): "
          + "\(HTML.number(value, digits: 3))</title></rect>"
      }
      cells += "\n"
    }
    var borders = ""
    for i in 1..<max(1, n) where heatmap.groups[i] != heatmap.groups[i - 1] {
      let at = HTML.number(Float(i) * cell, digits: 2)
      let across = HTML.number(gutter + Float(i) * cell, digits: 2)
      borders +=
        "<line x1=\"\(HTML.number(gutter))\" y1=\"\(at)\" x2=\"\(HTML.number(gutter + size))\" "
        + "y2=\"\(at)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        + "<line x1=\"\(across)\" y1=\"0\" x2=\"\(across)\" y2=\"\(HTML.number(size))\" "
        + "stroke=\"#fff\" stroke-width=\"1.5\"/>\n"
    }
    var names = ""
    if !heatmap.ofPapers {
      for i in 0..<n {
        names +=
          "<text x=\"\(HTML.number(gutter - 6))\" y=\"\(HTML.number((Float(i) + 0.5) * cell + 4))\" "
          + "text-anchor=\"end\">\(HTML.escape(String((heatmap.names[i] + ". " + heatmap.captions[i]).prefix(24))))</text>\n"
      }
    }
    let stops = stride(from: 0, through: 10, by: 1).map { step in
      "<stop offset=\"\(step * 10)%\" stop-color=\"\(Palette.ramp(Float(step) / 10))\"/>"
    }.joined()
    let subject =
      heatmap.ofPapers
      ? "each paper against each, ordered by topic group (white lines between groups); the diagonal is 1"
      : "each top-level group against each: the mean similarity of their papers"
    return """
      <section id="similarities">
      <h2>Similarities</h2>
      <p class="scale">Cosine similarity of \(subject). Hover a cell for its value.</p>
      <figure class="scroll">
      <svg class="heatmap" viewBox="0 0 \(Int(gutter + size + 8)) \(Int(size + 50))" role="img" \
      aria-label="Similarity heatmap of \(n) \(heatmap.ofPapers ? "papers" : "groups")">
      \(names)\(cells)\(borders)
      <defs><linearGradient id="ramp">\(stops)</linearGradient></defs>
      <rect x="\(Int(gutter))" y="\(Int(size + 14))" width="240" height="12" fill="url(#ramp)"/>
      <text x="\(Int(gutter))" y="\(Int(size + 42))">\(HTML.number(low, digits: 2))</text>
      <text x="\(Int(gutter + 240))" y="\(Int(size + 42))" text-anchor="end">\(HTML.number(high, digits: 2))</text>
      <text x="\(Int(gutter + 250))" y="\(Int(size + 24))">cosine similarity (darker is more similar)</text>
      </svg>
      </figure>
      </section>
      """
  }
}
