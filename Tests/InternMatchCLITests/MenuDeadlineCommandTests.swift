import Foundation
import InternMatchTestSupport
import Testing

/// `mip_time_limit_seconds` as one deadline for a menu's `optimal` solve, end to end: the
/// mock-interview day (optimum: all 240 interview slots and 60 tour seats) with the smallest
/// limit the policy takes. No assertion depends on timing: the run succeeds, `verify` accepts
/// it, and a run not proven states gaps that reach the optimum.
@Suite("internmatch solve: one deadline for a menu's optimal solve")
struct MenuDeadlineCommandTests {
  @Test("the smallest mip_time_limit_seconds: a valid placement, honest status and gaps")
  func smallestLimit() throws {
    let directory = try Paths.copyOfDataset("mock-interview-day")
    try #"{"mip_time_limit_seconds": 0.001}"#.write(
      toFile: directory + "/policy.json", atomically: true, encoding: .utf8)
    let output = directory + "/out"
    let run = try CLI.run(["solve", directory, "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: output + "/summary.json"))
    let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let status = try #require(summary["status"] as? String)
    let placed = try #require(summary["placements"] as? Int)
    let statistics = try #require(summary["statistics"] as? [String: Int])
    if status == "optimal" {
      #expect(placed == 300)
    } else {
      #expect(status == "feasible")
      #expect(placed + (statistics["mip_placed_gap"] ?? 0) >= 300, "\(statistics)")
      #expect(run.stdout.contains("Status: feasible — "), "\(run.stdout)")
    }
    let verify = try CLI.run(["verify", directory, output + "/placements.csv"])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
  }
}
