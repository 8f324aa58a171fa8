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
