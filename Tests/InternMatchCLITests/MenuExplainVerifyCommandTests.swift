import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch verify and explain with a menu of activities (end to end, built binary)")
struct MenuExplainVerifyCommandTests {
  @Test("solve --explain on menu-tiny writes explanations.csv per (person, kind), worked by hand")
  func explanationsFile() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", Paths.dataset("menu-tiny"), "--explain", "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    let written = try String(contentsOfFile: output + "/explanations.csv", encoding: .utf8)
    // Ana's W1 went to Ben (his only internship) and she holds W2; her M1 is Ben's, and Acme
    // already gave her M2 (max_per_employer 1); T1 needs age 18. Holding her at W1 or M1
    // leaves Ben without one: -1 placed, rank cost 1 instead of 3.
    #expect(
      written == """
        student,kind,rank,worksite,outcome,slot,placed_change,rank_cost_change,detail
        Ana,internship,1,W1,full,,-1,-2,full;at-cap=1
        Ana,internship,2,W2,placed,,,,
        Ana,mock-interview,1,M1,full,,-1,-2,full;max-per-employer=Acme
        Ana,mock-interview,2,M2,placed,,,,
        Ana,mock-interview,,,short,,,,choices-full
        Ana,workplace-tour,1,T1,ineligible,,,,age-below-minimum
        Ana,workplace-tour,,,short,,,,no-eligible-choice
        Ben,internship,1,W1,placed,,,,
        Ben,mock-interview,1,M1,placed,,,,
        Cy,,,,short,,,,no-preferences
        Tess,teacher-externship,1,E1,placed,,,,
        Tess,internship,1,W2,not-offered,,,,participants=student
        Dan,,,Q9,unknown-worksite,,,,
        Dan,,,,short,,,,unknown-choices

        """)
    #expect(!FileManager.default.fileExists(atPath: output + "/seat-values.csv"))
  }

  @Test("explain --student tells a person's story kind by kind")
  func studentStory() throws {
    let ana = try CLI.run(["explain", Paths.dataset("menu-tiny"), "--student", "Ana"])
    #expect(ana.status == 0, "\(ana.stderr)")
    #expect(
      ana.stdout == """
        Internship: you were placed at your 2nd internship choice, Bolt (W2). Your 1st \
        internship choice, Acme (W1): it was full and you already held the 1 internship \
        allowed; placing you there would have meant one internship placement fewer in total.
        Mock interview: you were placed at your 2nd mock interview choice, Acme (M2). Your 1st \
        mock interview choice, Acme (M1): it was full and you already held the most mock \
        interviews allowed with Acme; placing you there would have meant one mock interview \
        placement fewer in total. You got 1 of the 2 mock interviews you could have had: \
        every eligible mock interview choice you did not hold was full.
        Workplace tour: you were not placed. Your 1st workplace tour choice, Bolt (T1), takes \
        students aged 18 or older. You got 0 of the 1 workplace tour you could have had: you \
        did not meet the requirements of any workplace tour on your list.

        """)
    let tess = try CLI.run(["explain", Paths.dataset("menu-tiny"), "--student", "Tess"])
    #expect(
      tess.stdout == """
        Teacher externship: you were placed at your 1st teacher externship choice, Acme (E1).
        Bolt (W2) on your list is an internship, offered to students only.

        """)
    let worksite = try CLI.run(["explain", Paths.dataset("menu-tiny"), "--worksite", "M1"])
    #expect(worksite.status == 0, "\(worksite.stderr)")
    #expect(worksite.stdout.hasPrefix("Acme (M1): mock interview, 1 seat, 1 filled.\n"))
    #expect(worksite.stdout.contains("Placed here: Ben."))
  }

  @Test("verify passes menu-tiny's expected placements and the file solve writes")
  func verifyPasses() throws {
    let run = try CLI.run([
      "verify", Paths.dataset("menu-tiny"),
      Paths.dataset("menu-tiny") + "/expected-placements.csv", "--strategy", "optimal",
    ])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("breaks no rule"))
    #expect(run.stdout.contains("mock-interview: 2 placed, rank cost 3 (linear)"))
    #expect(run.stdout.contains("The file is optimal"))
    #expect(run.stdout.contains("The file is exactly what optimal gives with seed 0."))
  }

  @Test(
    "verify fails a hand-edited file with exit 65, naming the rule at the line",
    arguments: [
      ("Ana,W2,2,,internship,", "Ana,W1,1,,internship,", ":2: error: over-capacity"),
      (
        "Ana,,,choices-full,mock-interview,", "Ana,M1,1,,mock-interview,",
        ":4: error: over-employer-limit"
      ),
      (
        "Ana,,,choices-full,mock-interview,", "Ana,,,slot-conflict,mock-interview,",
        ":4: error: wrong-reason"
      ),
    ])
  func verifyFails(line: String, edit: String, message: String) throws {
    let directory = try Paths.temporaryDirectory()
    let path = directory + "/placements.csv"
    let text = try String(
      contentsOfFile: Paths.dataset("menu-tiny") + "/expected-placements.csv", encoding: .utf8)
    try text.replacingOccurrences(of: line, with: edit).write(
      toFile: path, atomically: true, encoding: .utf8)
    let run = try CLI.run(["verify", Paths.dataset("menu-tiny"), path])
    #expect(run.status == 65)
    #expect(run.stdout.contains(path + message), "\(run.stdout)")
  }
}
