import PaperCorpus

extension Rows {
  /// One row per paper: `id date votes authors title`, where date is the first day listed,
  /// votes is empty when unknown, and authors is the number of named authors.
  init(papers: [Paper]) {
    self.init(
      header: ["id", "date", "votes", "authors", "title"],
      rows: papers.map { paper in
        [
          paper.id.rawValue, paper.firstDate?.description ?? "",
          paper.votes.map(String.init) ?? "", String(paper.authors.count), paper.title,
        ]
      })
  }
}

/// `list`'s output: papers, a row each (JSON: an array of papers).
struct PaperList: CommandOutput {
  var papers: [Paper]

  var rows: Rows { Rows(papers: papers) }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(papers)
  }
}

/// `show`'s output: one paper in full (csv and tsv: its `list` row).
struct PaperDetail: CommandOutput {
  var paper: Paper

  var rows: Rows { Rows(papers: [paper]) }

  var tableText: String {
    var lines = [
      paper.title,
      "https://arxiv.org/abs/\(paper.id)",
      "listed:  "
        + (paper.dates.isEmpty ? "-" : paper.dates.map(\.description).joined(separator: ", ")),
      "votes:   " + (paper.votes.map(String.init) ?? "-"),
      "authors: "
        + (paper.authors + (paper.omitsAuthors ? ["and others"] : [])).joined(separator: ", "),
    ]
    if !paper.categories.isEmpty {
      lines.append("categories: " + paper.categories.joined(separator: " "))
    }
    for section in paper.sections {
      lines.append("")
      if let heading = section.heading { lines.append(heading) }
      lines.append(section.text)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(paper)
  }
}
