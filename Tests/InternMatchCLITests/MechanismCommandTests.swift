import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch with stable-worksite-proposing and top-trading-cycles (end to end)")
struct MechanismCommandTests {
  @Test(
    "solve writes a placement verify accepts; rematch on unchanged data keeps every seat",
    arguments: ["stable-worksite-proposing", "top-trading-cycles"])
  func lifecycle(strategy: String) throws {
    let out = try Paths.temporaryDirectory()
    let solved = try CLI.run([
      "solve", Paths.dataset("nyc-sample"), "--strategy", strategy, "--output", out,
    ])
    #expect(solved.status == 0, "\(solved.stderr)")
    let summary = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
    #expect(summary["strategy"] as? String == strategy)
    let verified = try CLI.run([
      "verify", Paths.dataset("nyc-sample"), out + "/placements.csv", "--strategy", strategy,
    ])
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    #expect(verified.stdout.contains("breaks no rule"))

    let again = try Paths.temporaryDirectory()
    let rematched = try CLI.run([
      "rematch", Paths.dataset("nyc-sample"), "--previous", out + "/placements.csv",
      "--strategy", strategy, "--output", again,
    ])
    #expect(rematched.status == 0, "\(rematched.stderr)")
    let changes = try String(contentsOfFile: again + "/changes.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",").last.map(String.init) }
    #expect(Set(changes) == ["kept", "still-unplaced"])
  }
}
