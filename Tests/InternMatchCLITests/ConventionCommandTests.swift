import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch CLI conventions: --format json, usage errors, version (end to end)")
struct ConventionCommandTests {
  @Test("solve and rematch --format json print the exact bytes of the summary.json they write")
  func summaryJSON() throws {
    let out = try Paths.temporaryDirectory()
    let solve = try CLI.run([
      "solve", Paths.dataset("tiny"), "--format", "json", "--output", out,
    ])
    #expect(solve.status == 0, "\(solve.stderr)")
    let written = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
    #expect(solve.stdout == written)
    #expect(solve.stdout.hasPrefix("{\n"))

    let again = try Paths.temporaryDirectory()
    let rematch = try CLI.run([
      "rematch", Paths.dataset("tiny"), "--previous", out + "/placements.csv", "--format",
      "json", "--quiet", "--output", again,
    ])
    #expect(rematch.status == 0, "\(rematch.stderr)")
    let rewritten = try String(contentsOfFile: again + "/summary.json", encoding: .utf8)
    #expect(rematch.stdout == rewritten)
    #expect(rematch.stdout.contains("\"changes\""))
  }

  @Test(
    "--solver and --cross-check with a strategy that ignores them: exit 64, naming those that take them",
    arguments: [
      ["--strategy", "stable", "--solver", "glpk"], ["--strategy", "greedy", "--cross-check"],
      ["--strategy", "rank-maximal", "--solver", "network", "--cross-check"],
    ])
  func engineOptionsWithoutEngine(arguments: [String]) throws {
    let out = try Paths.temporaryDirectory() + "/result"
    let run = try CLI.run(["solve", Paths.dataset("tiny"), "--output", out] + arguments)
    #expect(run.status == 64)
    #expect(run.stderr.contains("applies only to optimal, optimal-squared"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("the strategy policy.json names counts: --solver with its stable is a usage error")
  func engineOptionWithPolicyStrategy() throws {
    let dataset = try Paths.copyOfDataset("tiny")
    let policy = dataset + "/policy.json"
    let text = try String(contentsOfFile: policy, encoding: .utf8)
    try text.replacingOccurrences(of: "\"optimal\"", with: "\"stable\"")
      .write(toFile: policy, atomically: true, encoding: .utf8)
    let out = try Paths.temporaryDirectory() + "/result"
    let run = try CLI.run(["solve", dataset, "--solver", "glpk", "--output", out])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--solver glpk applies only to optimal, optimal-squared; stable"))
    // The same option with optimal runs, and rematch has no --solver (it uses one engine).
    #expect(
      try CLI.run(["solve", Paths.dataset("tiny"), "--solver", "glpk", "--output", out]).status
        == 0)
    let rematch = try CLI.run([
      "rematch", Paths.dataset("tiny"), "--previous", out + "/placements.csv", "--solver", "glpk",
    ])
    #expect(rematch.status == 64)
  }

  @Test("internmatch version: InternMatch's and GLPK's versions, as text and as JSON")
  func version() throws {
    let flag = try CLI.run(["--version"])
    let text = try CLI.run(["version"])
    #expect(text.status == 0)
    let lines = text.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(
      lines.first == "internmatch " + flag.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(lines.last?.hasPrefix("GLPK ") == true)

    let json = try CLI.run(["version", "--format", "json"])
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: String]
    #expect(object?["version"] == lines.first.map { String($0.dropFirst("internmatch ".count)) })
    #expect(object?["glpk_version"] == lines.last.map { String($0.dropFirst("GLPK ".count)) })
  }
}
