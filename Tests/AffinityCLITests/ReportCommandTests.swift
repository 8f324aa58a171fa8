import Foundation
import Testing
import _TestSupport

/// Debian's headless Chromium, when it is installed (`Scripts/bootstrap --tests` installs it;
/// under CI it must be there).
enum Browser {
  /// The browser's path, if one is on `PATH`.
  static let path: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
      {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }()

  /// Run when a browser is there, and always under CI (where its absence is a failure).
  static var shouldRun: Bool {
    path != nil || ProcessInfo.processInfo.environment["CI"] == "true"
  }

  /// Runs the browser headless on a page with `arguments` (`--dump-dom`, `--screenshot=…`),
  /// with its own profile folder, and returns what it printed on standard output.
  static func run(_ arguments: [String], page: URL, profile: URL) throws -> String {
    let browser = try #require(path, "no chromium on PATH: run Scripts/bootstrap --tests")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--user-data-dir=\(profile.path)", "--window-size=1280,2000",
      ] + arguments + [page.absoluteString]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}

@Suite struct ReportCommandTests {
  let workspace: TemporaryFolder
  init() throws { workspace = try TemporaryFolder() }

  @Test func writesTheFileOrStandardOutput() throws {
    let path = workspace.url.appendingPathComponent("sample.html").path
    let result = try affinity("report", "--sample", "-o", path, home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.errors.contains("wrote the report of 20 papers"))
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.hasPrefix("<!doctype html>"))
    #expect(html.components(separatedBy: "class=\"mark\"").count == 21)
    let piped = try affinity("report", "--sample", "-o", "-", home: workspace.url)
    #expect(piped.status == 0 && piped.output == html)
  }

  @Test(arguments: [
    (["report", "--sample", "-o", "/no/such/folder/day.html"], 1, "/no/such/folder"),
    (["report", "--sample", "--date", "1999-01-01", "-o", "x.html"], 1, "no papers match"),
    (["report", "--sample"], 64, "-o"),
  ])
  func badRequestsAreClearErrors(arguments: [String], status: Int32, message: String) throws {
    let result = try affinity(arguments, home: workspace.url)
    #expect(result.status == status)
    #expect(result.errors.contains(message), "\(result.errors)")
  }

  @Test func likedPapersInTheLibraryBringForYou() throws {
    let digest = SharedCorpus.repository
      .appendingPathComponent("Sources/AffinityCLI/Resources/sample-digest.md").path
    #expect(try affinity("add", digest, home: workspace.url).status == 0)
    let path = workspace.url.appendingPathComponent("mine.html").path
    let before = try affinity("report", "-o", path, home: workspace.url)
    #expect(before.status == 0, "\(before.errors)")
    #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("id=\"for-you\""))
    #expect(try affinity("mark", "liked", "2406.11839", home: workspace.url).status == 0)
    let result = try affinity("report", "-o", path, home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    let forYou = try #require(html.components(separatedBy: "id=\"for-you\"").dropFirst().first)
      .components(separatedBy: "</section>")[0]
    #expect(forYou.contains("<li>") && forYou.contains("near mDPO"))
    #expect(!forYou.contains("abs/2406.11839\""), "a liked paper is recommended")
  }

  /// The shared day in a real browser: after its script ran, the page has a mark for every
  /// paper of the day, the group labels and the titles; its screenshot is a real picture.
  @Test(.enabled(if: Browser.shouldRun && SharedCorpus.shouldRun))
  func aSharedDayRendersInAHeadlessBrowser() throws {
    let page = workspace.url.appendingPathComponent("day.html")
    let result = try affinity(
      "report", "--date", "2024-06-18", "--corpus", SharedCorpus.path, "-o", page.path,
      home: workspace.url)
    #expect(result.status == 0, "\(result.errors)")
    let list = try affinity(
      "list", "--date", "2024-06-18", "--corpus", SharedCorpus.path, "--format", "tsv",
      home: workspace.url)
    let papers = list.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t") }
    #expect(papers.count == 29)
    let profile = workspace.url.appendingPathComponent("profile")
    let dom = try Browser.run(["--dump-dom"], page: page, profile: profile)
    #expect(dom.contains("data-ready=\"1\""), "the page's script did not run")
    for paper in papers {
      #expect(dom.contains("data-id=\"\(paper[0])\""), "no mark for \(paper[0])")
    }
    #expect(dom.components(separatedBy: "class=\"mark\"").count == papers.count + 1)
    #expect(dom.contains("class=\"maplabel\""))
    #expect(dom.contains("MMDU: A Multi-Turn Multi-Image Dialog Understanding Benchmark"))
    #expect(dom.contains("id=\"similarities\"") && dom.contains("id=\"groups\""))

    let screenshot = workspace.url.appendingPathComponent("day.png")
    _ = try Browser.run(["--screenshot=\(screenshot.path)"], page: page, profile: profile)
    let png = try Data(contentsOf: screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
    let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 1280 && height == 2000)
    // A blank or error page compresses to a few kilobytes; the map, heatmap and lists do not.
    #expect(png.count > 60_000, "the screenshot is \(png.count) bytes")
  }
}
