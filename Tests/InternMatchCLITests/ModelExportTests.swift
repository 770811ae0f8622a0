import Foundation
import GLPK
import InternMatchTestSupport
import Testing

@Suite("solve --export-lp / --export-mps: GLPK's own files of the run's model (end to end)")
struct ModelExportTests {
  /// The tiny dataset, with worksite W2 (capacity 2) a minimum group of 2 when `minimumGroup`:
  /// then `optimal` is a MIP that branch-and-cut solves.
  static func dataset(minimumGroup: Bool) throws -> String {
    guard minimumGroup else { return Paths.dataset("tiny") }
    let directory = try Paths.copyOfDataset("tiny")
    let path = directory + "/worksites.csv"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let edited = lines.enumerated().map { k, line in
      line + (k == 0 ? ",min_group" : line.hasPrefix("W2,") ? ",2" : ",")
    }
    try (edited.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return directory
  }

  @Test(
    "the file read back with glp_read_lp / glp_read_mps and solved has the run's objective",
    arguments: [LinearProgram.FileFormat.lp, .mps], [false, true])
  func roundTrip(format: LinearProgram.FileFormat, minimumGroup: Bool) throws {
    let dataset = try Self.dataset(minimumGroup: minimumGroup)
    let out = try Paths.temporaryDirectory()
    let file = out + "/model." + format.rawValue
    let run = try CLI.run([
      "solve", dataset, "--export-\(format.rawValue)", file, "--output", out + "/result",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/result/summary.json")))
        as? [String: Any])
    if minimumGroup {
      #expect((summary["solver"] as? String)?.hasPrefix("glpk-branch-and-cut") == true)
    }
    // "… minimise rank cost − M·placed; this run's value V"
    let note = try #require(run.stderr.split(separator: "\n").first { $0.contains(file) })
    let weight = try #require(Int(note.split(separator: "− ")[1].prefix { $0.isNumber }))
    let value = try #require(Int(note.split(separator: "value ")[1]))
    let placed = try #require(summary["placed"] as? Int)
    let cost = try #require(summary["total_rank_cost"] as? Int)
    #expect(value == cost - weight * placed)

    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("internmatch optimal"))
    #expect(text.contains(format == .lp ? "- \(weight) placed" : "placed"))
    let lp = try LinearProgram(reading: file, format: format)
    #expect(try lp.simplex() == .optimal)
    var objective = lp.objectiveValue
    #expect(lp.hasIntegerColumns)
    let outcome = try lp.branchAndCut(.init(objectiveTolerance: 1e-9))
    #expect(outcome.status == .optimal)
    objective = try #require(outcome.objective)
    #expect(Int(objective.rounded()) == value)
  }

  @Test(
    "glpsol (Debian glpk-utils, when installed) solves the bundled sample's files to the run's value",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol")))
  func glpsol() throws {
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run([
      "solve", Paths.dataset("nyc-sample"), "--export-lp", out + "/m.lp", "--export-mps",
      out + "/m.mps", "--output", out + "/result",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let value = try #require(
      run.stderr.split(separator: "\n").first { $0.contains("m.lp") }?
        .split(separator: "value ").last.map(String.init))
    for (flag, file) in [("--lp", "/m.lp"), ("--freemps", "/m.mps")] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
      process.arguments = [flag, out + file, "-o", out + file + ".sol"]
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let solution = try String(contentsOfFile: out + file + ".sol", encoding: .utf8)
      #expect(solution.contains("INTEGER OPTIMAL"))
      #expect(solution.contains("= \(value) (MINimum)"), "\(flag)")
    }
  }

  @Test(
    "a strategy with no model is a usage error; a path that is a directory exits 73, writing nothing"
  )
  func refusals() throws {
    let out = try Paths.temporaryDirectory()
    let stable = try CLI.run([
      "solve", Paths.dataset("tiny"), "--strategy", "stable", "--export-lp", out + "/m.lp",
      "--output", out + "/result",
    ])
    #expect(stable.status == 64)
    #expect(stable.stderr.contains("--export-lp applies only to optimal, optimal-squared"))
    let unwritable = try CLI.run([
      "solve", Paths.dataset("tiny"), "--export-mps", out, "--output",
      out + "/result",
    ])
    #expect(unwritable.status == 73)
    #expect(!FileManager.default.fileExists(atPath: out + "/result/placements.csv"))
  }
}

@Suite("the progress line on stderr (end to end, built binary)")
struct ProgressLineTests {
  @Test("INTERNMATCH_PROGRESS=always: phases and the branch-and-cut search, erased at the end")
  func shown() throws {
    let dataset = try ModelExportTests.dataset(minimumGroup: true)
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run(
      ["solve", dataset, "--output", out], environment: ["INTERNMATCH_PROGRESS": "always"])
    #expect(run.status == 0, "\(run.stderr)")
    for phase in ["read", "solve", "verify", "summary", "write"] {
      #expect(run.stderr.contains("\r\u{1B}[Kinternmatch: \(phase) · "), "no \(phase)")
    }
    #expect(run.stderr.contains(" · branch-and-cut: "))
    #expect(run.stderr.hasSuffix("\r\u{1B}[K"))
    // stdout is the summary alone.
    #expect(run.stdout.hasPrefix("Placed "))
    #expect(!run.stdout.contains("\r"))
  }

  @Test("stderr not a terminal (a pipe, as here), or --quiet: no progress line")
  func hidden() throws {
    let out = try Paths.temporaryDirectory()
    let piped = try CLI.run(["solve", Paths.dataset("tiny"), "--output", out])
    #expect(piped.status == 0)
    #expect(!piped.stderr.contains("\r"))
    let quiet = try CLI.run(
      ["solve", Paths.dataset("tiny"), "--output", out, "--quiet"],
      environment: ["INTERNMATCH_PROGRESS": "always"])
    #expect(quiet.stderr.isEmpty)
  }
}
