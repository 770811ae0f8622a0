import Foundation
import InternMatchTestSupport
import Testing

/// `solve --report` and `compare --report` rendered by a real browser: headless Debian chromium
/// dumps the DOM after the script ran, logs the page's console to stderr, and takes a
/// screenshot. Skipped only when chromium is not installed (Scripts/install-dependencies
/// installs it, so CI has it).
@Suite(
  "report pages in headless chromium", .serialized,
  .enabled(if: Chromium.path != nil, "chromium is not installed"))
struct ReportBrowserTests {
  /// What chromium gave: its stdout (the DOM dump) and the page's console lines and uncaught
  /// exceptions from its log.
  struct Rendering {
    var output: String
    var consoleLines: [String]
  }

  /// Runs chromium headless on `page` (a path, with an optional `#fragment`) with `arguments`,
  /// its console logged to stderr (`--enable-logging=stderr --v=0`).
  static func render(_ page: String, _ arguments: [String]) throws -> Rendering {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Chromium.path))
    let file = page.split(separator: "#", maxSplits: 1).first.map(String.init) ?? page
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + file + ".profile",
        "--enable-logging=stderr", "--v=0",
      ]
      + arguments + ["file://" + page]
    let out = Pipe()
    // The log goes to a file, so that a long log never fills a pipe nobody reads yet.
    let logPath = file + ".log"
    FileManager.default.createFile(atPath: logPath, contents: nil)
    let log = try #require(FileHandle(forWritingAtPath: logPath))
    process.standardOutput = out
    process.standardError = log
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try log.close()
    // Chromium logs every console message and uncaught exception of a page as
    // `[pid:tid:time:INFO:CONSOLE:line] "message", source: file:///… (line)`.
    let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    return Rendering(
      output: String(decoding: data, as: UTF8.self),
      consoleLines: lines.filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") })
  }

  /// The value of `attribute` on the first element whose attributes contain `marker`.
  static func attribute(_ attribute: String, at marker: String, in dom: String) -> String? {
    guard let at = dom.range(of: marker) else { return nil }
    let tail = dom[at.lowerBound...].prefix { $0 != ">" }
    guard let start = tail.range(of: " \(attribute)=\"") else { return nil }
    return String(tail[start.upperBound...].prefix { $0 != "\"" })
  }

  /// The text content of the element with `id`, tags stripped.
  static func text(ofID id: String, in dom: String) -> String? {
    guard let at = dom.range(of: "id=\"\(id)\"") else { return nil }
    let tail = dom[at.upperBound...].drop { $0 != ">" }.dropFirst()
    guard let end = tail.range(of: "</") else { return nil }
    return String(tail[..<end.lowerBound])
      .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">")
  }

  /// `%.4f`, as the pages write data values.
  static func four(_ value: Double) -> String { String(format: "%.4f", value) }

  /// JSON at `path`.
  static func json(_ path: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        as? [String: Any])
  }

  @Test("a page that throws is caught: the console check can fail")
  func detectsErrors() throws {
    let page = try Paths.temporaryDirectory() + "/broken.html"
    try "<!DOCTYPE html><html><body><script>missingFunction();</script></body></html>"
      .write(toFile: page, atomically: true, encoding: .utf8)
    let rendering = try Self.render(page, ["--dump-dom"])
    #expect(rendering.consoleLines.contains { $0.contains("missingFunction is not defined") })
  }

  @Test("the sample's report: ready, no console error, every number equal to summary.json")
  func sampleReport() throws {
    let out = try Paths.temporaryDirectory() + "/report"
    let run = try CLI.run([
      "solve", Paths.dataset("nyc-sample"), "--report", "--explain", "--output", out,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let page = out + "/report.html"
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(!html.contains("http://") && !html.contains("https://"), "the page must not fetch")
    let summary = try Self.json(out + "/summary.json")
    let rendering = try Self.render(page, ["--dump-dom"])
    let dom = rendering.output
    #expect(rendering.consoleLines.isEmpty, "\(rendering.consoleLines)")
    #expect(dom.contains("data-ready=\"ok\""), "the script did not finish: \(dom.prefix(300))")

    // Headline cards and rank profile.
    for key in ["students", "placed"] {
      #expect(
        Self.attribute("data-value", at: "data-metric=\"\(key)\"", in: dom)
          == (summary[key] as? Int).map(String.init))
    }
    let histogram = summary["rank_histogram"] as? [String: Int] ?? [:]
    #expect(!histogram.isEmpty)
    for (rank, count) in histogram {
      #expect(
        Self.attribute("data-value", at: "data-rank=\"\(rank)\"", in: dom) == String(count),
        "rank \(rank)")
    }

    // Every breakdown row and largest gap, for borough, cluster, school and priority group.
    let metrics = try #require(summary["metrics"] as? [String: Any])
    let equity = try #require(metrics["equity"] as? [String: [String: Any]])
    #expect(Set(equity.keys) == ["borough", "cluster", "school", "group"])
    for (dimension, breakdown) in equity {
      let rows = try #require(breakdown["rows"] as? [[String: Any]])
      for row in rows {
        let key = try #require(row["key"] as? String)
        let marker =
          "data-dimension=\"\(dimension)\" data-key=\"\(key)\" data-students=\""
          + "\(row["students"] as? Int ?? -1)\" data-placed=\"\(row["placed"] as? Int ?? -1)\""
        #expect(dom.contains(marker), "\(dimension) \(key)")
        #expect(
          Self.attribute("data-mean-rank", at: marker, in: dom)
            == Self.four(row["mean_rank"] as? Double ?? -1), "\(dimension) \(key)")
      }
      if let gap = breakdown["largest_gap"] as? [String: Any] {
        #expect(
          Self.attribute("data-value", at: "data-gap=\"\(dimension)\"", in: dom)
            == Self.four(gap["gap"] as? Double ?? -1), "\(dimension) gap")
      }
    }

    // Unfilled seats: the all-areas cell is seats − placed.
    let seats = try #require(summary["seats"] as? Int)
    let placed = try #require(summary["placed"] as? Int)
    #expect(
      dom.contains(
        "data-cluster=\"*\" data-borough=\"*\" data-unfilled=\"\(seats - placed)\" "
          + "data-seats=\"\(seats)\""))

    // Where one more seat helps: every helping worksite of seat-values.csv, in the ranked table.
    let csv = try String(contentsOfFile: out + "/seat-values.csv", encoding: .utf8)
    let lines = csv.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let header = lines[0].map(String.init)
    let (id, p, c) = try (
      #require(header.firstIndex(of: "worksite")), #require(header.firstIndex(of: "placed_change")),
      #require(header.firstIndex(of: "rank_cost_change"))
    )
    var helping = 0
    for cells in lines.dropFirst() {
      guard let placedChange = Int(cells[p]), let costChange = Int(cells[c]),
        placedChange > 0 || costChange < 0
      else { continue }
      helping += 1
      #expect(
        dom.contains(
          "data-worksite=\"\(cells[id])\" data-placed-change=\"\(placedChange)\" "
            + "data-rank-cost-change=\"\(costChange)\""), "\(cells[id])")
    }
    #expect(helping > 0)

    // The lookup, opened at #student: the outcome and the story `explain` tells.
    let student = "S000005"
    let looked = try Self.render(page + "#" + student, ["--dump-dom"])
    #expect(looked.consoleLines.isEmpty, "\(looked.consoleLines)")
    let explain = try CLI.run(["explain", Paths.dataset("nyc-sample"), "--student", student])
    #expect(explain.status == 0)
    #expect(
      Self.text(ofID: "lookup-story", in: looked.output)
        == explain.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(Self.text(ofID: "lookup-result", in: looked.output)?.hasPrefix(student + ": ") == true)

    try Self.screenshot(page, into: out + "/report.png")
  }

  @Test("compare --report: ready, no console error, charts and spread equal the JSON")
  func compareReport() throws {
    let directory = try Paths.temporaryDirectory()
    let page = directory + "/compare.html"
    let run = try CLI.run([
      "compare", Paths.dataset("nyc-sample"), "--strategies", "optimal,stable,serial-dictatorship",
      "--seeds", "1-3", "--format", "json", "--report", page,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let table = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let rows = try #require(table["rows"] as? [[String: Any]])
    let rendering = try Self.render(page, ["--dump-dom"])
    let dom = rendering.output
    #expect(rendering.consoleLines.isEmpty, "\(rendering.consoleLines)")
    #expect(dom.contains("data-ready=\"ok\""))
    for strategy in ["optimal", "stable", "serial-dictatorship"] {
      func stat(_ name: String, _ column: String) -> Double? {
        rows.first { $0["strategy"] as? String == strategy && $0["seed"] as? String == name }?[
          column] as? Double
      }
      for (chart, column) in [
        ("placed", "placed"), ("blocking", "blocking"), ("school-gap", "school_gap"),
        ("group-gap", "group_gap"),
      ] {
        let marker = "data-chart=\"\(chart)\" data-strategy=\"\(strategy)\""
        #expect(
          Self.attribute("data-value", at: marker, in: dom) == stat("mean", column).map(Self.four),
          "\(strategy) \(chart)")
      }
      let spread = "data-strategy=\"\(strategy)\" data-column=\"placed\" data-stat=\"mean\""
      #expect(Self.attribute("data-sd", at: spread, in: dom) == stat("sd", "placed").map(Self.four))
      #expect(
        Self.attribute("data-min", at: spread, in: dom) == stat("min", "placed").map(Self.four))
      #expect(
        Self.attribute("data-max", at: spread, in: dom) == stat("max", "placed").map(Self.four))
    }
    try Self.screenshot(page, into: directory + "/compare.png")
  }

  /// Takes a screenshot of `page` and checks it is a PNG with real content.
  static func screenshot(_ page: String, into png: String) throws {
    let rendering = try render(page, ["--screenshot=" + png, "--window-size=1280,3000"])
    #expect(rendering.consoleLines.isEmpty, "\(rendering.consoleLines)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(bytes.count > 20_000, "screenshot is \(bytes.count) bytes")
    #expect(bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
  }
}

/// Where chromium is installed.
enum Chromium {
  /// The chromium executable, or `nil` when it is not installed.
  static let path: String? = [
    "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium",
  ].first { FileManager.default.isExecutableFile(atPath: $0) }
}
