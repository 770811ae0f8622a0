import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch rematch / verify / solve --pin-from / --version (end to end, built binary)")
struct LifecycleCommandTests {
  /// The rows of a CSV file after its header, split into fields (no quoting in these files).
  static func rows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  /// The bundled sample with one employer's seats withdrawn, `drop` students removed and
  /// `late` new students (copies of the first ones) added.
  static func updatedSample(drop: Int, late: Int) throws -> String {
    let directory = try Paths.copyOfDataset("nyc-sample")
    let worksites = directory + "/worksites.csv"
    var lines = try String(contentsOfFile: worksites, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    let employer = try #require(header.firstIndex(of: "employer"))
    let capacity = try #require(header.firstIndex(of: "capacity"))
    let withdrawn = lines[1].split(separator: ",", omittingEmptySubsequences: false)[employer]
    for k in 1..<lines.count {
      var fields = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      if fields[employer] == withdrawn { fields[capacity] = "0" }
      lines[k] = fields.joined(separator: ",")
    }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: worksites, atomically: true, encoding: .utf8)
    let studentsPath = directory + "/students.csv"
    var students = try String(contentsOfFile: studentsPath, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    let dropped = Set(students[1...drop].map { String($0.prefix { $0 != "," }) })
    let newcomers = students[(drop + 1)...(drop + late)].enumerated().map { k, line in
      "LATE\(k)" + line.drop { $0 != "," }
    }
    students = [students[0]] + students[(drop + 1)...] + newcomers
    try (students.joined(separator: "\n") + "\n").write(
      toFile: studentsPath, atomically: true, encoding: .utf8)
    let rankingsPath = directory + "/rankings.csv"
    let rankings = try String(contentsOfFile: rankingsPath, encoding: .utf8).split(separator: "\n")
      .filter { line in !dropped.contains { line.contains(",\($0),") } }
    try (rankings.joined(separator: "\n") + "\n").write(
      toFile: rankingsPath, atomically: true, encoding: .utf8)
    return directory
  }

  @Test(
    "rematch: changes.csv agrees with both placement files, its counts with summary.json",
    arguments: [("optimal", false), ("optimal", true), ("stable", false), ("greedy", false)])
  func rematch(strategy: String, keepPlaced: Bool) throws {
    let before = try Paths.temporaryDirectory()
    #expect(try CLI.run(["solve", Paths.dataset("nyc-sample"), "--output", before]).status == 0)
    let updated = try Self.updatedSample(drop: 20, late: 30)
    let after = try Paths.temporaryDirectory()
    let run = try CLI.run(
      [
        "rematch", updated, "--previous", before + "/placements.csv", "--strategy", strategy,
        "--output", after,
      ] + (keepPlaced ? ["--keep-placed"] : []))
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Changes: kept "))
    let previous = Dictionary(
      uniqueKeysWithValues: try Self.rows(before + "/placements.csv").map { ($0[0], $0[1]) })
    let now = Dictionary(
      uniqueKeysWithValues: try Self.rows(after + "/placements.csv").map { ($0[0], $0[1]) })
    let changes = try Self.rows(after + "/changes.csv")
    #expect(Set(changes.map { $0[0] }) == Set(previous.keys).union(now.keys))
    #expect(changes.count == Set(previous.keys).union(now.keys).count)
    var counts: [String: Int] = [:]
    for row in changes {
      let (student, was, becomes, change) = (row[0], row[1], row[2], row[3])
      counts[change, default: 0] += 1
      #expect(was == (previous[student] ?? ""))
      #expect(becomes == (now[student] ?? ""))
      let expected =
        now[student] == nil
        ? "withdrawn"
        : was.isEmpty
          ? (becomes.isEmpty ? "still-unplaced" : "newly-placed")
          : becomes.isEmpty ? "lost-seat" : was == becomes ? "kept" : "moved"
      #expect(change == expected, "\(row)")
    }
    #expect(counts["withdrawn"] == 20)
    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: after + "/summary.json"))) as? [String: Any]
    #expect(summary?["changes"] as? [String: Int] == counts)
    let manifest = summary?["run"] as? [String: Any]
    let input = manifest?["placement_input"] as? [String: Any]
    #expect(input?["rows"] as? Int == 2000)
    // With --keep-placed only the students of the withdrawn employer's worksites move or lose
    // their seat: every other seat still exists.
    let sites = try Self.rows(updated + "/worksites.csv")
    let header = try String(contentsOfFile: updated + "/worksites.csv", encoding: .utf8)
      .prefix { $0 != "\n" }.split(separator: ",").map(String.init)
    let capacity = try #require(header.firstIndex(of: "capacity"))
    let closed = Set(sites.filter { $0[capacity] == "0" }.map { $0[0] })
    #expect(!closed.isEmpty)
    let displaced = changes.filter { $0[3] == "moved" || $0[3] == "lost-seat" }
    #expect(!displaced.isEmpty)
    if keepPlaced { for row in displaced { #expect(closed.contains(row[1]), "\(row)") } }
  }

  @Test("solve --pin-from holds an earlier run's placements and places the rest")
  func pinFrom() throws {
    let before = try Paths.temporaryDirectory()
    #expect(
      try CLI.run([
        "solve", Paths.dataset("nyc-sample"), "--strategy", "stable", "--output", before,
      ])
      .status == 0)
    let after = try Paths.temporaryDirectory()
    let run = try CLI.run([
      "solve", Paths.dataset("nyc-sample"), "--pin-from", before + "/placements.csv",
      "--strategy", "optimal", "--output", after,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let previous = try Self.rows(before + "/placements.csv")
    let now = Dictionary(
      uniqueKeysWithValues: try Self.rows(after + "/placements.csv").map { ($0[0], $0[1]) })
    for row in previous where !row[1].isEmpty { #expect(now[row[0]] == row[1]) }
  }

  @Test(
    "solve --pin-from with more holds than seats is bad data at the file's line, for every strategy",
    arguments: ["optimal", "stable", "serial-dictatorship", "greedy"])
  func pinFromOverCapacity(strategy: String) throws {
    let directory = try Paths.temporaryDirectory()
    let pins = directory + "/pins.csv"
    try "student,worksite\nS1,W1\nS2,W1\nS3,W1\n".write(
      toFile: pins, atomically: true, encoding: .utf8)
    let run = try CLI.run([
      "solve", Paths.dataset("tiny"), "--pin-from", pins, "--strategy", strategy, "--output",
      directory + "/out",
    ])
    #expect(run.status == 65)
    #expect(
      run.stderr.contains("\(pins):3: error: more students are pinned to 'W1' than its 1 seats"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test("verify: an optimal file is valid and optimal; a broken one exits 65 at its lines")
  func verify() throws {
    let out = try Paths.temporaryDirectory()
    #expect(try CLI.run(["solve", Paths.dataset("tiny"), "--output", out]).status == 0)
    let good = try CLI.run(["verify", Paths.dataset("tiny"), out + "/placements.csv"])
    #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
    #expect(good.stdout.contains("breaks no rule"))
    #expect(good.stdout.contains("the file is optimal"))
    let json = try CLI.run([
      "verify", Paths.dataset("tiny"), out + "/placements.csv", "--format", "json",
    ])
    let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(report?["valid"] as? Bool == true)
    #expect(report?["placed"] as? Int == 4)
    #expect(report?["optimal_placed"] as? Int == 4)

    let broken = out + "/broken.csv"
    try "student,worksite,rank,reason\nS1,W1,1,\nS2,W1,1,\nS3,W1,1,\nS4,W1,1,\nS9,NOPE,,\n".write(
      toFile: broken, atomically: true, encoding: .utf8)
    let bad = try CLI.run(["verify", Paths.dataset("tiny"), broken])
    #expect(bad.status == 65)
    #expect(bad.stdout.contains("\(broken):6: error: unknown-worksite"))
    #expect(bad.stdout.contains("rules broken"))
  }

  @Test("--version prints the version and exits 0")
  func version() throws {
    let run = try CLI.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: ".").count == 3)
  }
}
