import Foundation
import InternMatchTestSupport
import Testing

@Suite("compare --report (end to end, built binary)")
struct CompareReportCommandTests {
  @Test("one seed: the page has the charts and no spread; several seeds add the spread")
  func writesPage() throws {
    let directory = try Paths.temporaryDirectory()
    let page = directory + "/compare.html"
    let one = try CLI.run([
      "compare", Paths.dataset("tiny"), "--strategies", "optimal,stable", "--report", page,
    ])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stderr.contains("Wrote \(page)"))
    let html = try String(contentsOfFile: page, encoding: .utf8)
    for id in ["h-overview", "h-placed", "h-ranks", "h-blocking", "h-school-gap", "h-numbers"] {
      #expect(html.contains("id=\"\(id)\""), "\(id)")
    }
    #expect(html.contains("data-chart=\"placed\" data-strategy=\"optimal\" data-value=\"4.0000\""))
    #expect(!html.contains("id=\"h-spread\""))
    let many = try CLI.run([
      "compare", Paths.dataset("tiny"), "--strategies", "optimal,stable", "--seeds", "1-4",
      "--report", page,
    ])
    #expect(many.status == 0, "\(many.stderr)")
    let seeded = try String(contentsOfFile: page, encoding: .utf8)
    #expect(seeded.contains("id=\"h-spread\""))
    #expect(seeded.contains("4 lottery seeds (1–4)"))
  }

  @Test("a report that cannot be written exits 73")
  func cannotWrite() throws {
    let run = try CLI.run([
      "compare", Paths.dataset("tiny"), "--strategies", "optimal", "--report",
      "/dev/null/compare.html",
    ])
    #expect(run.status == 73, "\(run.stderr)")
    #expect(run.stderr.contains("cannot write"))
  }
}
