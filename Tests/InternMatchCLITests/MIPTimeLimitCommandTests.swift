import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch solve with a MIP time limit (end to end, built binary)")
struct MIPTimeLimitCommandTests {
  @Test("a 1 ms limit on a cohort with minimum groups and links: feasible, valid, said so")
  func millisecond() throws {
    let directory = try Paths.temporaryDirectory()
    let generated = try CLI.run([
      "generate", "--students", "1500", "--seed", "3", "--min-group-share", "0.1",
      "--linked-pairs", "40", "--output", directory + "/c",
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    try #"{"mip_time_limit_seconds": 0.001}"#.write(
      toFile: directory + "/c/policy.json", atomically: true, encoding: .utf8)
    let solved = try CLI.run(["solve", directory + "/c", "--output", directory + "/out"])
    #expect(solved.status == 0, "\(solved.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/out/summary.json"))
    let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(summary["status"] as? String == "feasible")
    #expect(
      (summary["status_note"] as? String)?.hasPrefix("stopped at the 0.001 s time limit") == true)
    let statistics = try #require(summary["statistics"] as? [String: Any])
    #expect(statistics["mip_proven_optimal"] as? Int == 0)

    let verified = try CLI.run(["verify", directory + "/c", directory + "/out/placements.csv"])
    #expect(verified.stdout.contains("breaks no rule"), "\(verified.stdout)\(verified.stderr)")
  }
}
