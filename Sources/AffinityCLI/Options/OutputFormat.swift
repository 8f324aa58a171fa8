import ArgumentParser

/// How a command prints its results.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  /// Aligned columns for people.
  case table
  /// JSON for scripts.
  case json
  /// Comma-separated values with a header row (RFC 4180 quoting).
  case csv
  /// Tab-separated values with a header row; tabs and line breaks in fields become spaces.
  case tsv
}

/// `--format table|json|csv|tsv`.
struct FormatOption: ParsableArguments {
  @Option(help: "Output format: table, json, csv or tsv.")
  var format: OutputFormat = .table
}
