import Testing

@testable import AffinityCLI

/// CSV and TSV text, rendered in chunks on all cores, is every row in order, escaped.
@Suite struct RowsTests {
  @Test func delimitedTextHasEveryRowInOrder() {
    // More rows than three chunks; some fields need escaping in one format or both.
    let fields = ["plain", "a\tb", "two\nlines", "comma, and \"quote\"", "모델을", ""]
    let rows = (0..<10_001).map { row in
      [String(row), fields[row % fields.count], fields[(row / 7) % fields.count]]
    }
    let table = Rows(header: ["row", "first", "second"], rows: rows)
    let tsv = table.tsv.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(tsv.count == rows.count + 2 && tsv.last == "")
    #expect(tsv[0] == "row\tfirst\tsecond")
    for (row, line) in zip(rows, tsv.dropFirst()) {
      let escaped = row.map { $0.replacing("\t", with: " ").replacing("\n", with: " ") }
      #expect(line == escaped.joined(separator: "\t")[...])
    }
    let csv = table.csv
    func csvField(_ field: String) -> String {
      field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + field.replacing("\"", with: "\"\"") + "\"" : field
    }
    #expect(
      csv
        == (CollectionOfOne(table.header) + rows).map {
          $0.map(csvField).joined(separator: ",") + "\n"
        }
        .joined())
  }
}
