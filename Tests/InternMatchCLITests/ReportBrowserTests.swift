import Foundation
import InternMatchTestSupport
import Testing

/// `solve --report` rendered by a real browser: headless Debian chromium dumps the DOM after the
/// script ran, and takes a screenshot.
@Suite("report.html in headless chromium", .serialized)
struct ReportBrowserTests {
  /// The chromium executable, or a failure telling how to install it.
  static func chromium() throws -> String {
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium"]
    where FileManager.default.isExecutableFile(atPath: path) {
      return path
    }
    Issue.record("chromium is not installed: run Scripts/install-dependencies (Scripts/test does)")
    throw CocoaError(.fileNoSuchFile)
  }

  /// Runs chromium headless on `page` with `arguments`; its stdout.
  static func render(_ page: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try chromium())
    process.arguments =
      ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + (page + ".profile")]
      + arguments + ["file://" + page]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The value of `attribute` of the element that carries `marker`, from a DOM dump.
  static func value(after marker: String, in dom: String) -> String? {
    guard let at = dom.range(of: marker) else { return nil }
    let tail = dom[at.upperBound...]
    guard let start = tail.range(of: "data-value=\"") else { return nil }
    let rest = tail[start.upperBound...]
    return rest.prefix { $0 != "\"" }.description
  }

  @Test("the sample's report renders: ready, numbers equal summary.json, a real screenshot")
  func sampleReport() throws {
    let out = try Paths.temporaryDirectory() + "/report"
    let run = try CLI.run(["solve", Paths.dataset("nyc-sample"), "--report", "--output", out])
    #expect(run.status == 0, "\(run.stderr)")
    let page = out + "/report.html"
    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
    let dom = try Self.render(page, ["--dump-dom"])
    #expect(dom.contains("data-ready=\"ok\""), "the script did not finish: \(dom.prefix(300))")
    for key in ["students", "placed"] {
      #expect(
        Self.value(after: "data-metric=\"\(key)\"", in: dom)
          == (summary?[key] as? Int).map(String.init))
    }
    let histogram = summary?["rank_histogram"] as? [String: Int] ?? [:]
    #expect(!histogram.isEmpty)
    for (rank, count) in histogram {
      #expect(Self.value(after: "data-rank=\"\(rank)\"", in: dom) == String(count), "rank \(rank)")
    }
    let png = out + "/report.png"
    _ = try Self.render(page, ["--screenshot=" + png, "--window-size=1280,3000"])
    let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(bytes.count > 20_000, "screenshot is \(bytes.count) bytes")
    #expect(bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
  }
}
