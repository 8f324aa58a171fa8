import Foundation
import NGramVectorizer
import PaperCorpus
import SimilarityCore

/// A span's papers on a plane by their similarities, with their topic groups and a similarity
/// heatmap: what a report draws.
public struct TopicMap: Sendable {
  /// One paper on the map.
  public struct Point: Sendable {
    /// The paper.
    public let paper: Paper
    /// Its place, both coordinates in `0...1` (`y` grows downwards, as on a page); a unit of
    /// `y` is ``TopicMap/aspect`` units of `x`.
    public let x: Float
    public let y: Float
    /// Its top-level group, by position in ``Topics/groups``.
    public let group: Int
  }

  /// The similarities drawn as a heatmap: of the papers for a small span, else of the top-level
  /// groups, ordered by group.
  public struct Heatmap: Sendable {
    /// Each row's (and column's) name: a paper's id, or a group's path.
    public let names: [String]
    /// Each row's caption: a paper's title, or a group's label.
    public let captions: [String]
    /// Each row's top-level group.
    public let groups: [Int]
    /// The similarities, symmetric: papers' cosines, or the groups' mean pairwise cosines.
    public let values: Matrix
    /// Whether the rows are papers (else groups).
    public let ofPapers: Bool
  }

  /// The papers grouped by topic.
  public let topics: Topics
  /// Every paper, in the order of the groups and their members.
  public let points: [Point]
  /// The heatmap.
  public let heatmap: Heatmap
  /// Each top-level group's place: its papers' mean place.
  public let centres: [(x: Float, y: Float)]
  /// The height of the papers' extent over its width: draw the map at this aspect ratio to
  /// keep distances true.
  public let aspect: Float

  /// The most papers whose similarities are drawn one by one; more are drawn by group.
  public static let heatmapPapers = 150
}

extension TopicMap {
  /// A map of papers grouped flat: classical scaling of their exact cosines.
  init(topics: Topics, index: PaperIndex) throws {
    // In id order, so that the rounding (and the page) does not depend on the input's order.
    let byID = index.papers.indices.sorted { index.papers[$0].id < index.papers[$1].id }
    let cosines = SparseCosines(byID.map { index.vectors[$0] }).matrix()
    let places = try cosines.classicalScaling()
    var row: [ArxivID: Int] = [:]
    for (position, paper) in byID.enumerated() { row[index.papers[paper].id] = position }
    let papers = byID.map { index.papers[$0] }
    let ordered = topics.groups.enumerated().flatMap { group, topic in
      topic.members.map { (row[$0.paper.id] ?? 0, group) }
    }
    let (points, aspect) = Self.normalised(ordered.map { (places[$0.0, 0], places[$0.0, 1]) })
    var values = Matrix(rows: ordered.count, columns: ordered.count)
    for (i, a) in ordered.enumerated() {
      for (j, b) in ordered.enumerated() { values[i, j] = cosines[a.0, b.0] }
    }
    let heatmap =
      ordered.count <= Self.heatmapPapers
      ? Heatmap(
        names: ordered.map { papers[$0.0].id.rawValue },
        captions: ordered.map { papers[$0.0].title }, groups: ordered.map(\.1),
        values: values, ofPapers: true)
      : Self.groupHeatmap(topics: topics, totals: Self.blockSums(values, groups: ordered.map(\.1)))
    self.init(
      topics: topics,
      points: zip(ordered, points).map { item, place in
        Point(paper: papers[item.0], x: place.x, y: place.y, group: item.1)
      },
      heatmap: heatmap, centres: Self.centres(of: points, groups: ordered.map(\.1)), aspect: aspect)
  }

  /// A map of a hierarchy, never papers × papers: the top-level groups' centres placed by
  /// classical scaling of their cosines, each a disk whose area is its share of the papers
  /// (scaled so that no two disks overlap); inside each, its finest groups placed the same way
  /// on a smaller disk of their own share; inside those, the papers on a sunflower spiral, most
  /// central innermost.
  init(topics: Topics, papers: [Paper], latent: Matrix) throws {
    var row: [ArxivID: Int] = [:]
    for (position, paper) in papers.enumerated() { row[paper.id] = position }
    var finest: [(group: Int, members: [TopicMember])] = []
    func collect(_ group: TopicGroup, top: Int) {
      if group.subgroups.isEmpty {
        finest.append((top, group.members))
      } else {
        for subgroup in group.subgroups { collect(subgroup, top: top) }
      }
    }
    for (top, group) in topics.groups.enumerated() { collect(group, top: top) }
    var finestSums = Matrix(rows: finest.count, columns: latent.columns)
    var topSums = Matrix(rows: topics.groups.count, columns: latent.columns)
    for (index, group) in finest.enumerated() {
      for member in group.members {
        for (column, value) in latent.row(row[member.paper.id] ?? 0).enumerated() {
          finestSums[index, column] += value
          topSums[group.group, column] += value
        }
      }
    }
    let topSizes = topics.groups.map { Float($0.members.count) }
    let topPlaces = try Self.disks(of: topSums, sizes: topSizes, radius: 1)
    var raw: [(Float, Float)] = []
    var groupOf: [Int] = []
    let golden = Float.pi * (3 - Float(5).squareRoot())
    for top in topics.groups.indices {
      let inside = finest.indices.filter { finest[$0].group == top }
      let places = try Self.disks(
        of: finestSums.selectingRows(inside), sizes: inside.map { Float(finest[$0].members.count) },
        radius: topPlaces[top].radius)
      for (local, index) in inside.enumerated() {
        let place = places[local]
        let members = finest[index].members
        for rank in members.indices {
          let distance = place.radius * ((Float(rank) + 0.5) / Float(members.count)).squareRoot()
          let angle = Float(rank) * golden
          raw.append(
            (
              topPlaces[top].x + place.x + distance * cos(angle),
              topPlaces[top].y + place.y + distance * sin(angle)
            ))
          groupOf.append(top)
        }
      }
    }
    let (points, aspect) = Self.normalised(raw)
    self.init(
      topics: topics,
      points: zip(zip(finest.flatMap(\.members), groupOf), points).map { item, place in
        Point(paper: item.0.paper, x: place.x, y: place.y, group: item.1)
      },
      heatmap: Self.groupHeatmap(
        topics: topics, totals: topSums.multiplied(by: topSums, transposingOther: true)),
      centres: Self.centres(of: points, groups: groupOf), aspect: aspect)
  }

  /// Disks for groups, from the sums of their members' unit rows: centres by classical scaling
  /// of the groups' cosines (spread to a unit radius), areas in proportion to the groups' sizes
  /// (together 60% of the unit disk's), then pushed apart pair by pair until none overlap, and
  /// all scaled to lie within `radius` of the origin.
  private static func disks(of sums: Matrix, sizes: [Float], radius: Float) throws -> [(
    x: Float, y: Float, radius: Float
  )] {
    guard sums.rows > 1 else { return [(0, 0, radius)] }
    var centres = sums
    for index in 0..<centres.rows {
      let norm = centres.row(index).reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0 { for column in 0..<centres.columns { centres[index, column] /= norm } }
    }
    let places = try centres.multiplied(by: centres, transposingOther: true).classicalScaling()
    let spread = max(
      1e-6,
      (0..<sums.rows).map {
        (places[$0, 0] * places[$0, 0] + places[$0, 1] * places[$0, 1]).squareRoot()
      }.max() ?? 1)
    let scale = (0.6 / max(1, sizes.reduce(0, +))).squareRoot()
    var disks = (0..<sums.rows).map {
      (x: places[$0, 0] / spread, y: places[$0, 1] / spread, radius: scale * sizes[$0].squareRoot())
    }
    let gap: Float = 0.02
    for _ in 0..<300 {
      var moved = false
      for i in disks.indices {
        for j in disks.indices where j > i {
          var dx = disks[j].x - disks[i].x
          var dy = disks[j].y - disks[i].y
          var distance = (dx * dx + dy * dy).squareRoot()
          if distance < 1e-6 {
            let angle = Float(i * 7 + j * 13)
            (dx, dy, distance) = (cos(angle), sin(angle), 1)
          }
          let overlap = disks[i].radius + disks[j].radius + gap - distance
          guard overlap > 0 else { continue }
          let (ux, uy) = (dx / distance * overlap / 2, dy / distance * overlap / 2)
          disks[i].x -= ux
          disks[i].y -= uy
          disks[j].x += ux
          disks[j].y += uy
          moved = true
        }
      }
      if !moved { break }
    }
    let extent = disks.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() + $0.radius }.max() ?? 1
    let fit = radius / max(extent, 1e-6)
    return disks.map { ($0.x * fit, $0.y * fit, $0.radius * fit) }
  }

  /// Places scaled into `0...1` on each axis, `y` flipped to grow downwards, and the extent's
  /// height over its width.
  private static func normalised(_ places: [(Float, Float)]) -> (
    points: [(x: Float, y: Float)], aspect: Float
  ) {
    guard let minX = places.map(\.0).min(), let maxX = places.map(\.0).max(),
      let minY = places.map(\.1).min(), let maxY = places.map(\.1).max()
    else { return ([], 1) }
    let (width, height) = (max(maxX - minX, 1e-6), max(maxY - minY, 1e-6))
    return (places.map { x, y in ((x - minX) / width, 1 - (y - minY) / height) }, height / width)
  }

  private static func centres(of points: [(x: Float, y: Float)], groups: [Int]) -> [(
    x: Float, y: Float
  )] {
    let count = (groups.max() ?? -1) + 1
    var sums = [(x: Float, y: Float, n: Float)](repeating: (0, 0, 0), count: count)
    for (point, group) in zip(points, groups) {
      sums[group] = (sums[group].x + point.x, sums[group].y + point.y, sums[group].n + 1)
    }
    return sums.map { ($0.x / max(1, $0.n), $0.y / max(1, $0.n)) }
  }

  /// The sums of a similarity matrix's blocks by group (`groups` gives each row's group).
  private static func blockSums(_ values: Matrix, groups: [Int]) -> Matrix {
    let count = (groups.max() ?? -1) + 1
    var sums = Matrix(rows: count, columns: count)
    for i in 0..<values.rows {
      for j in 0..<values.columns { sums[groups[i], groups[j]] += values[i, j] }
    }
    return sums
  }

  /// The top-level groups' heatmap: the mean pairwise cosine of two groups' papers, from the
  /// total of their papers' pairwise cosines (for latent rows, `s_A·s_B` of the groups' sums).
  private static func groupHeatmap(topics: Topics, totals: Matrix) -> Heatmap {
    let sizes = topics.groups.map { Float($0.members.count) }
    let count = topics.groups.count
    var values = Matrix(rows: count, columns: count)
    for i in 0..<count {
      for j in 0..<count { values[i, j] = totals[i, j] / (sizes[i] * sizes[j]) }
    }
    return Heatmap(
      names: (0..<count).map { String($0 + 1) },
      captions: topics.groups.map { $0.label.joined(separator: " · ") },
      groups: Array(0..<count), values: values, ofPapers: false)
  }
}
