/// How groups are told apart on the map: a colour that colour-blind readers can tell from the
/// others (Okabe and Ito's palette, with grey for the eighth) and, every eight groups, another
/// shape, so that no two of 32 groups look alike.
enum Palette {
  /// The colours, in order.
  static let colours = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#8C8C8C",
  ]

  /// The shapes, in order of use.
  enum Shape: String, CaseIterable {
    case circle, square, diamond, triangle
  }

  /// Group `index`'s colour.
  static func colour(_ index: Int) -> String { colours[index % colours.count] }

  /// Group `index`'s shape.
  static func shape(_ index: Int) -> Shape {
    Shape.allCases[(index / colours.count) % Shape.allCases.count]
  }

  /// An SVG element of a shape centred at `(x, y)` with half-width `r`.
  static func element(_ shape: Shape, x: Float, y: Float, r: Float) -> String {
    let (cx, cy) = (HTML.number(x), HTML.number(y))
    switch shape {
    case .circle:
      return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(HTML.number(r))\"/>"
    case .square:
      return
        "<rect x=\"\(HTML.number(x - r))\" y=\"\(HTML.number(y - r))\" width=\"\(HTML.number(2 * r))\" "
        + "height=\"\(HTML.number(2 * r))\"/>"
    case .diamond:
      let d = r * 1.3
      return "<path d=\"M\(cx) \(HTML.number(y - d))L\(HTML.number(x + d)) \(cy)L\(cx) "
        + "\(HTML.number(y + d))L\(HTML.number(x - d)) \(cy)Z\"/>"
    case .triangle:
      let d = r * 1.25
      return
        "<path d=\"M\(cx) \(HTML.number(y - d))L\(HTML.number(x + d)) \(HTML.number(y + d * 0.8))"
        + "L\(HTML.number(x - d)) \(HTML.number(y + d * 0.8))Z\"/>"
    }
  }

  /// A sequential ramp from pale to dark blue, readable without telling hues apart: the colour
  /// of `value` in `0...1`.
  static func ramp(_ value: Float) -> String {
    let t = min(1, max(0, value))
    let (low, high): ((Float, Float, Float), (Float, Float, Float)) = (
      (247, 251, 255), (8, 48, 107)
    )
    func channel(_ a: Float, _ b: Float) -> Int { Int((a + (b - a) * t).rounded()) }
    let (r, g, b) = (channel(low.0, high.0), channel(low.1, high.1), channel(low.2, high.2))
    return "#" + [r, g, b].map { String(format: "%02X", $0) }.joined()
  }
}
