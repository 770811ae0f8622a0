import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch solve with a menu of activities (end to end, built binary)")
struct MenuCommandTests {
  @Test("menu-tiny: placements.csv is the hand-worked one, with kind and slot columns")
  func menuTiny() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", Paths.dataset("menu-tiny"), "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    let written = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
    let expected = try String(
      contentsOfFile: Paths.dataset("menu-tiny") + "/expected-placements.csv", encoding: .utf8)
    #expect(written == expected)
    let summary = try String(contentsOfFile: output + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"people_by_placements\""))
    #expect(summary.contains("\"status\" : \"optimal\""))
    #expect(run.stderr.contains("not offered to teachers; skipped"))
  }

  @Test("serial-dictatorship places the menu kind by kind in lottery order")
  func serialDictatorship() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(
      [
        "solve", Paths.dataset("menu-tiny"), "--output", output, "--strategy",
        "serial-dictatorship", "--seed", "3",
      ])
    #expect(run.status == 0, "\(run.stderr)")
    let written = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
    // Seed 3 draws Ana first: she takes W1 and M1, then max_per_employer stops her at M2 (Acme);
    // Ben finds W1 and M1 full. Optimal places Ben instead (see expected-placements.csv).
    #expect(written.hasPrefix("student,worksite,rank,reason,kind,slot\nAna,W1,1,,internship,\n"))
    #expect(written.contains("Ana,,,max-per-employer,mock-interview,\n"))
    #expect(written.contains("Ben,,,choices-full,internship,\n"))
    let summary = try String(contentsOfFile: output + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"status\" : \"complete\""))
  }

  @Test(
    "strategies and options that cannot place a menu refuse it, naming why, and write nothing",
    arguments: [
      (["--strategy", "stable"], "stable cannot honour this dataset's activities"),
      (["--strategy", "rank-maximal"], "rank-maximal cannot honour this dataset's activities"),
      (["--report"], "the HTML report not yet available with a menu of activities"),
      (["--solver", "glpk"], "together with --solver glpk"),
    ])
  func refusals(options: [String], message: String) throws {
    let output = try Paths.temporaryDirectory() + "/out"
    let run = try CLI.run(["solve", Paths.dataset("menu-tiny"), "--output", output] + options)
    #expect(run.status == 65)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output + "/placements.csv"))
  }

  @Test("slots without activities.csv are an error of the data, whatever the strategy")
  func slotsRefused() throws {
    let directory = try Paths.copyOfDataset("tiny")
    let worksites = directory + "/worksites.csv"
    var lines = try String(contentsOfFile: worksites, encoding: .utf8).split(separator: "\n")
    lines[0] += ",slots"
    for k in 1..<lines.count { lines[k] += k == 1 ? ",am;pm" : "," }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: worksites, atomically: true, encoding: .utf8)
    for strategy in ["optimal", "stable"] {
      let run = try CLI.run(
        ["solve", directory, "--output", directory + "/out", "--strategy", strategy])
      #expect(run.status == 65)
      #expect(run.stderr.contains("slots"), "\(run.stderr)")
    }
  }
}

@Suite("internmatch solve: a mock-interview day (end to end, built binary)")
struct MockInterviewDayTests {
  @Test("40 volunteers × 6 slots, 4 tours, 200 students: proven optimal, every slot filled once")
  func mockInterviewDay() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", Paths.dataset("mock-interview-day"), "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try String(contentsOfFile: output + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"status\" : \"optimal\""))
    let rows = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst()
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let interviews = rows.filter { $0[4] == "mock-interview" && !$0[1].isEmpty }
    #expect(interviews.count == 240)
    // Each (volunteer, slot) once; each student's placements in distinct slots.
    #expect(Set(interviews.map { $0[1] + "@" + $0[5] }).count == 240)
    let placed = rows.filter { !$0[1].isEmpty }
    #expect(Set(placed.map { $0[0] + "@" + $0[5] }).count == placed.count)
  }
}
