import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch solve with a menu of activities (end to end, built binary)")
struct MenuCommandTests {
  /// menu-tiny's placements.csv, worked by hand (its README).
  static func expectedMenuTiny() throws -> String {
    try String(
      contentsOfFile: Paths.dataset("menu-tiny") + "/expected-placements.csv", encoding: .utf8)
  }

  @Test("menu-tiny: placements.csv is the hand-worked one, with kind and slot columns")
  func menuTiny() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", Paths.dataset("menu-tiny"), "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    let written = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
    let expected = try Self.expectedMenuTiny()
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
    "stable places the menu kind by kind: deferred acceptance, blocking pairs per kind",
    arguments: [(UInt64(3), true), (4, false)])
  func stable(seed: UInt64, anaFirst: Bool) throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(
      [
        "solve", Paths.dataset("menu-tiny"), "--output", output, "--strategy", "stable",
        "--seed", "\(seed)",
      ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("strategy stable (deferred-acceptance (menu, kind by kind))"))
    // The closing lines, as a single-seat run prints them.
    #expect(run.stdout.contains("\nStatus: complete\n"), "\(run.stdout)")
    #expect(run.stdout.contains("\nTime: read "), "\(run.stdout)")
    #expect(run.stdout.contains(" · write "), "\(run.stdout)")
    #expect(run.stdout.contains("\nSeed: \(seed)\nWrote "), "\(run.stdout)")
    let written = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
    let expected = try Self.expectedMenuTiny()
    if anaFirst {
      // Seed 3 draws Ana first: W1 and M1 hold her ahead of Ben, who is left short of both.
      #expect(written.hasPrefix("student,worksite,rank,reason,kind,slot\nAna,W1,1,,internship,\n"))
      #expect(
        written.contains("Ana,M1,1,,mock-interview,\nAna,,,max-per-employer,mock-interview,\n"))
      #expect(
        written.contains("Ben,,,choices-full,internship,\nBen,,,choices-full,mock-interview,\n"))
    } else {
      // Seed 4 draws Ben first: W1 and M1 are his, Ana proposes on to W2 and M2 — the
      // optimal placement of expected-placements.csv.
      #expect(written == expected)
    }
    let summary = try String(contentsOfFile: output + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"status\" : \"complete\""))
    #expect(summary.contains("\"blocking_pairs\" : 0"))
    #expect(!summary.contains("\"blocking_pairs\" : 1"))
  }

  @Test(
    "--solver glpk and --cross-check: GLPK's branch-and-cut on the menu, checked against the network",
    arguments: [
      (["--solver", "glpk"], "glpk-branch-and-cut"),
      (["--cross-check"], "(cross-checked by glpk-branch-and-cut"),
      (["--solver", "glpk", "--cross-check"], "(cross-checked by network-simplex"),
    ])
  func glpkAndCrossCheck(options: [String], solver: String) throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", Paths.dataset("menu-tiny"), "--output", output] + options)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(solver), "\(run.stdout)")
    let written = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
    let expected = try Self.expectedMenuTiny()
    #expect(written == expected)
    let summary = try String(contentsOfFile: output + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"status\" : \"optimal\""))
    #expect(summary.contains("\"cross_check\"") == options.contains("--cross-check"))
  }

  @Test(
    "strategies and options that cannot place a menu refuse it, naming why, and write nothing",
    arguments: [
      (["--strategy", "rank-maximal"], "rank-maximal cannot place a menu of activities"),
      (["--strategy", "min-worst-rank"], "min-worst-rank cannot place a menu of activities"),
      (
        ["--strategy", "top-trading-cycles"], "strategies that do: optimal, optimal-squared, stable"
      ),
      (
        ["--strategy", "stable-worksite-proposing"],
        "strategies that do: optimal, optimal-squared, stable, serial-dictatorship, greedy"
      ),
    ])
  func refusals(options: [String], message: String) throws {
    let output = try Paths.temporaryDirectory() + "/out"
    let run = try CLI.run(["solve", Paths.dataset("menu-tiny"), "--output", output] + options)
    #expect(run.status == 65)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output + "/placements.csv"))
  }

  @Test("--report and --letters on a menu: rosters with kind and slot, a letter per person")
  func rostersAndReport() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(
      ["solve", Paths.dataset("menu-tiny"), "--output", output, "--report", "--letters"])
    #expect(run.status == 0, "\(run.stderr)")
    let read = { (name: String) in try String(contentsOfFile: output + "/" + name, encoding: .utf8)
    }
    #expect(
      try read("rosters/by-worksite.csv") == """
        worksite,employer,kind,slot,student,school,rank
        E1,Acme,teacher-externship,,Tess,02M600,1
        M1,Acme,mock-interview,,Ben,02M600,1
        M2,Acme,mock-interview,,Ana,02M600,2
        W1,Acme,internship,,Ben,02M600,1
        W2,Bolt,internship,,Ana,02M600,2

        """)
    // Every row of placements.csv, by school then person.
    let bySchool = try read("rosters/by-school.csv").split(separator: "\n")
    #expect(bySchool[0] == "school,student,role,kind,worksite,employer,slot,rank,reason")
    #expect(bySchool.count - 1 == (try read("placements.csv")).split(separator: "\n").count - 1)
    #expect(bySchool.contains("02M600,Ana,student,mock-interview,,,,,choices-full"))
    #expect(bySchool.contains("02M600,Tess,teacher,teacher-externship,E1,Acme,,1,"))
    let letter = try read("rosters/letters/Ana.txt")
    #expect(letter.contains("Internship: Bolt (W2); your 2nd choice of this kind."))
    #expect(letter.contains("Mock interview: you could take up to 2 and got 1, because every"))
    #expect(letter.contains("Workplace tour: you could take up to 1 and got 0"))
    #expect(
      try read("rosters/letters.csv").contains(
        "Ana,02M600,student,2,mock-interview;workplace-tour,"))
    #expect(try read("rosters/letters/Tess.txt").hasPrefix("Dear teacher Tess,\n\nTeacher: Tess\n"))
    let html = try read("report.html")
    #expect(html.contains("id=\"h-kind-mock-interview\""))
    #expect(html.contains("data-kind=\"internship\" data-metric=\"placed\" data-value=\"2\""))
  }

  @Test("a mock-interview day's by-worksite roster: each volunteer's six slots in order")
  func slotRoster() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(
      ["solve", Paths.dataset("mock-interview-day"), "--output", output, "--rosters"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: output + "/rosters/by-worksite.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    let v01 = lines.filter { $0[0] == "V01" }
    #expect(
      v01.map { $0[3] }
        == (0..<6).map {
          "2027-03-16T\(["09:00", "09:20", "09:40", "10:00", "10:20", "10:40"][$0])"
        })
    #expect(lines.count == 240 + 60)
  }

  @Test("compare on a menu: per-kind rows for every strategy that places a menu, any format")
  func compareMenu() throws {
    let run = try CLI.run([
      "compare", Paths.dataset("menu-tiny"), "--strategies",
      "optimal,serial-dictatorship,greedy,rank-maximal", "--seeds", "1-5", "--format", "csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines[0].hasPrefix("strategy,seed,kind,placed,mean_rank,rank_cost,short,"))
    // 3 strategies × (5 seeds + 4 statistics) × 5 kinds (four in play and all), one skipped.
    #expect(lines.count == 1 + 3 * 9 * 5 + 1)
    #expect(lines.last?.hasPrefix("rank-maximal,,,") == true)
    #expect(run.stderr.contains("note: rank-maximal skipped"))
    for format in ["text", "markdown", "json"] {
      let other = try CLI.run([
        "compare", Paths.dataset("menu-tiny"), "--strategies", "optimal", "--format", format,
      ])
      #expect(other.status == 0, "\(other.stderr)")
      #expect(other.stdout.contains("mock-interview"))
    }
    let page = try Paths.temporaryDirectory() + "/compare.html"
    let reported = try CLI.run([
      "compare", Paths.dataset("menu-tiny"), "--strategies", "optimal", "--report", page,
    ])
    #expect(reported.status == 0)
    #expect(try String(contentsOfFile: page, encoding: .utf8).contains("data-kind=\"all\""))
    let none = try CLI.run([
      "compare", Paths.dataset("menu-tiny"), "--strategies", "rank-maximal",
    ])
    #expect(none.status == 65)
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
    let run = try CLI.run(
      ["solve", Paths.dataset("mock-interview-day"), "--output", output, "--cross-check"])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try String(contentsOfFile: output + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"status\" : \"optimal\""))
    #expect(run.stdout.contains("(cross-checked by glpk-branch-and-cut"), "\(run.stdout)")
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
