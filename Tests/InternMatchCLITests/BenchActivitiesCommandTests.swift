import Foundation
import InternMatchModel
import InternMatchTestSupport
import Testing

/// `internmatch bench --activities` end to end: each row's numbers are those of `solve` on the
/// same generated cohort (`generate --activities`), and a strategy that places no menu is
/// listed as refused.
@Suite("internmatch bench --activities (end to end, built binary)")
struct BenchActivitiesCommandTests {
  @Test("the table's placements, per kind too, are solve's on the same cohort; refusals listed")
  func matchesSolve() throws {
    let strategies = ["optimal", "stable", "serial-dictatorship", "greedy", "rank-maximal"]
    let run = try CLI.run([
      "bench", "--activities", "--sizes", "400", "--seed", "5", "--strategies",
      strategies.joined(separator: ","), "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["strategy"] as? String } == strategies)
    let refused = try #require(rows.last)
    #expect(refused["status"] as? String == "refused")
    #expect(refused["placed"] as? Int == 0)
    #expect(refused["placed_by_kind"] as? String == "—")

    let dataset = try Paths.temporaryDirectory()
    let generate = try CLI.run([
      "generate", "--students", "400", "--seed", "5", "--activities", "--output", dataset,
    ])
    #expect(generate.status == 0, "\(generate.stderr)")
    for row in rows.dropLast() {
      let name = try #require(row["strategy"] as? String)
      let out = try Paths.temporaryDirectory()
      let solve = try CLI.run([
        "solve", dataset, "--strategy", name, "--seed", "5", "--format", "json", "--output", out,
      ])
      #expect(solve.status == 0, "\(name): \(solve.stderr)")
      let summary = try #require(
        try JSONSerialization.jsonObject(with: Data(solve.stdout.utf8)) as? [String: Any])
      #expect(row["students"] as? Int == 400)
      #expect(row["placed"] as? Int == summary["placements"] as? Int, "\(name)")
      #expect((row["placed"] as? Int ?? 0) > 0, "\(name)")
      #expect(row["status"] as? String == summary["status"] as? String, "\(name)")
      let kinds = try #require(summary["kinds"] as? [[String: Any]])
      let expected = ActivityMenu.defaultOrder.compactMap { kind in
        kinds.first { $0["kind"] as? String == kind.rawValue }.map {
          "\(kind.rawValue)=\($0["placed"] as? Int ?? -1)"
        }
      }
      #expect(row["placed_by_kind"] as? String == expected.joined(separator: " "), "\(name)")
      for stage in ["read_ms", "solve_ms", "write_ms", "total_ms", "peak_MB"] {
        #expect(row[stage] is Int, "\(name) \(stage)")
      }
    }
  }
}
