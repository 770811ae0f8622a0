import Foundation
import InternMatchTestSupport
import Testing

/// `solve --report` and `compare --report` on a menu of activities, rendered by headless
/// chromium (the helpers of ``ReportBrowserTests``): no console error, the script finished, and
/// every per-kind number the page shows equal to `summary.json` or `compare --format json`.
@Suite(
  "menu report pages in headless chromium", .serialized,
  .enabled(if: Chromium.path != nil, "chromium is not installed"))
struct MenuReportBrowserTests {
  @Test("a mock-interview day's report: per kind numbers, slot labels and grid, the lookup")
  func mockInterviewDay() throws {
    let out = try Paths.temporaryDirectory() + "/report"
    let run = try CLI.run([
      "solve", Paths.dataset("mock-interview-day"), "--report", "--output", out,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let page = out + "/report.html"
    let summary = try ReportBrowserTests.json(out + "/summary.json")
    let rendering = try ReportBrowserTests.render(page, ["--dump-dom"])
    let dom = rendering.output
    #expect(rendering.consoleLines.isEmpty, "\(rendering.consoleLines)")
    #expect(dom.contains("data-ready=\"ok\""), "the script did not finish: \(dom.prefix(300))")
    #expect(
      ReportBrowserTests.attribute("data-value", at: "data-metric=\"placements\"", in: dom)
        == (summary["placements"] as? Int).map(String.init))
    let kinds = try #require(summary["kinds"] as? [[String: Any]])
    var checked = 0
    for kind in kinds {
      let name = try #require(kind["kind"] as? String)
      guard (kind["worksites"] as? Int ?? 0) > 0, (kind["people"] as? Int ?? 0) > 0 else {
        #expect(!dom.contains("id=\"h-kind-\(name)\""), "\(name) is not in play")
        continue
      }
      checked += 1
      for (metric, key) in [
        ("placed", "placed"), ("seats", "seats"), ("unfilled-seats", "unfilled_seats"),
        ("rank-cost", "rank_cost"), ("people", "people"),
      ] {
        #expect(
          ReportBrowserTests.attribute(
            "data-value", at: "data-kind=\"\(name)\" data-metric=\"\(metric)\"", in: dom)
            == (kind[key] as? Int).map(String.init), "\(name) \(metric)")
      }
      for (rank, n) in kind["rank_histogram"] as? [String: Int] ?? [:] {
        #expect(dom.contains("data-kind=\"\(name)\" data-rank=\"\(rank)\" data-value=\"\(n)\""))
      }
      for (count, n) in kind["people_by_placements"] as? [String: Int] ?? [:] {
        #expect(dom.contains("data-kind=\"\(name)\" data-count=\"\(count)\" data-value=\"\(n)\""))
      }
      for use in kind["slot_use"] as? [[String: Any]] ?? [] {
        let label = try #require(use["label"] as? String)
        #expect(
          dom.contains(
            "data-kind=\"\(name)\" data-label=\"\(label)\" data-seats=\"\(use["seats"] as? Int ?? -1)\" "
              + "data-placed=\"\(use["placed"] as? Int ?? -1)\""), "\(name) \(label)")
      }
      let equity = kind["equity"] as? [String: [String: Any]] ?? [:]
      for (dimension, breakdown) in equity {
        for row in breakdown["rows"] as? [[String: Any]] ?? [] {
          let key = try #require(row["key"] as? String)
          let marker =
            "data-dimension=\"\(name)/\(dimension)\" data-key=\"\(key)\" data-students=\""
            + "\(row["students"] as? Int ?? -1)\" data-placed=\"\(row["placed"] as? Int ?? -1)\""
          #expect(dom.contains(marker), "\(name) \(dimension) \(key)")
        }
      }
    }
    #expect(checked == 2)
    // The grid: every (volunteer, slot) cell holds one person.
    #expect(dom.components(separatedBy: "data-placed=\"1\" data-seats=\"1\"").count - 1 == 240)

    // The lookup at #S001: one line per row of S001 in placements.csv.
    let looked = try ReportBrowserTests.render(page + "#S001", ["--dump-dom"])
    #expect(looked.consoleLines.isEmpty, "\(looked.consoleLines)")
    let csv = try String(contentsOfFile: out + "/placements.csv", encoding: .utf8)
    let mine = csv.split(separator: "\n").filter { $0.hasPrefix("S001,") }
    let placed = mine.filter {
      !$0.split(separator: ",", omittingEmptySubsequences: false)[1].isEmpty
    }
    let result = ReportBrowserTests.text(ofID: "lookup-result", in: looked.output)
    #expect(result == "S001: \(placed.count) activit\(placed.count == 1 ? "y" : "ies").")
    #expect(looked.output.components(separatedBy: "<li>").count - 1 == mine.count)
    try ReportBrowserTests.screenshot(page, into: out + "/report.png")
  }

  @Test("compare --report on a menu: bars per kind equal the JSON's means, min and max")
  func compareMenu() throws {
    let directory = try Paths.temporaryDirectory()
    let page = directory + "/compare.html"
    let run = try CLI.run([
      "compare", Paths.dataset("mock-interview-day"), "--strategies",
      "optimal,serial-dictatorship,greedy", "--seeds", "1-3", "--format", "json", "--report", page,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let table = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let rows = try #require(table["rows"] as? [[String: Any]])
    let rendering = try ReportBrowserTests.render(page, ["--dump-dom"])
    let dom = rendering.output
    #expect(rendering.consoleLines.isEmpty, "\(rendering.consoleLines)")
    #expect(dom.contains("data-ready=\"ok\""))
    for strategy in ["optimal", "serial-dictatorship", "greedy"] {
      for kind in ["workplace-tour", "mock-interview", "all"] {
        func stat(_ name: String) -> Double? {
          rows.first {
            $0["strategy"] as? String == strategy && $0["seed"] as? String == name
              && $0["kind"] as? String == kind
          }?["placed"] as? Double
        }
        let marker = "data-chart=\"placed\" data-kind=\"\(kind)\" data-strategy=\"\(strategy)\""
        #expect(
          ReportBrowserTests.attribute("data-value", at: marker, in: dom)
            == stat("mean").map(ReportBrowserTests.four), "\(strategy) \(kind)")
        #expect(
          ReportBrowserTests.attribute("data-min", at: marker, in: dom)
            == stat("min").map(ReportBrowserTests.four), "\(strategy) \(kind)")
      }
    }
  }
}
