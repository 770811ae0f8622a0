import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch solve / rematch --rosters (end to end, built binary)")
struct RosterCommandTests {
  /// A copy of the tiny dataset whose students.csv gains `name` and `email` after the id.
  static func tinyWithNames() throws -> String {
    let directory = try Paths.copyOfDataset("tiny")
    let path = directory + "/students.csv"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    var text = ""
    for (k, line) in lines.enumerated() {
      let fields = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
      let extra =
        k == 0
        ? "name,email" : "\"Student \(fields[0]), Jr.\",\(fields[0].lowercased())@example.org"
      text += "\(fields[0]),\(extra),\(fields[1])\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return directory
  }

  static func text(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test("solve --rosters writes the rosters with the pass-through columns, the same bytes twice")
  func solve() throws {
    let dataset = try Self.tinyWithNames()
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", dataset, "--letters", "--output", out])
    #expect(run.status == 0, "\(run.stderr)")
    // No warning for the district's own columns.
    #expect(!run.stderr.contains("unknown column"))
    #expect(run.stdout.contains("\(out)/rosters/by-school.csv"))
    #expect(run.stdout.contains("\(out)/rosters/letters/ (10 letters)"))
    #expect(!run.stdout.contains("S1.txt"))
    let bySchool = try Self.text(out + "/rosters/by-school.csv")
    // The hand-computed optimum (Datasets/tiny/README.md), by school, then id as text (S10
    // before S9).
    #expect(
      bySchool == """
        school,student,worksite,employer,rank,reason,name,email
        02M600,S1,W2,City Bank Systems,2,,"Student S1, Jr.",s1@example.org
        02M600,S2,W3,Harbor Health Clinic,2,,"Student S2, Jr.",s2@example.org
        09X412,S5,,,,no-eligible-choice,"Student S5, Jr.",s5@example.org
        09X412,S6,,,,no-preferences,"Student S6, Jr.",s6@example.org
        13K605,S3,W1,Tech Partners,1,,"Student S3, Jr.",s3@example.org
        13K605,S4,W2,City Bank Systems,2,,"Student S4, Jr.",s4@example.org
        24Q600,S7,,,,choices-full,"Student S7, Jr.",s7@example.org
        24Q600,S8,,,,choices-full,"Student S8, Jr.",s8@example.org
        31R600,S10,,,,no-eligible-choice,"Student S10, Jr.",s10@example.org
        31R600,S9,,,,no-eligible-choice,"Student S9, Jr.",s9@example.org

        """)
    let byWorksite = try Self.text(out + "/rosters/by-worksite.csv")
    #expect(byWorksite.split(separator: "\n").count == 1 + 4)
    let letter = try Self.text(out + "/rosters/letters/S3.txt")
    #expect(letter.hasPrefix("Dear Student S3, Jr.,\n"))
    #expect(letter.contains("You were placed at your 1st choice, Tech Partners (W1)."))
    let letters = try FileManager.default.contentsOfDirectory(atPath: out + "/rosters/letters")
      .filter { !$0.hasPrefix(".") }
    #expect(letters.count == 10)

    let first = try ["by-worksite.csv", "by-school.csv", "letters.csv", "letters/S2.txt"].map {
      try Self.text(out + "/rosters/" + $0)
    }
    let again = try CLI.run(["solve", dataset, "--letters", "--output", out, "--quiet"])
    #expect(again.status == 0)
    let second = try ["by-worksite.csv", "by-school.csv", "letters.csv", "letters/S2.txt"].map {
      try Self.text(out + "/rosters/" + $0)
    }
    #expect(first == second)
  }

  @Test("validate names the columns that pass through")
  func validate() throws {
    let run = try CLI.run(["validate", try Self.tinyWithNames()])
    #expect(run.status == 0)
    #expect(
      run.stdout.hasSuffix("\nPassed through to rosters from students.csv: 'name', 'email'.\n"))
  }

  @Test("rematch --rosters: letters.csv says what changed for every student")
  func rematch() throws {
    let dataset = try Self.tinyWithNames()
    let out = try Paths.temporaryDirectory()
    #expect(try CLI.run(["solve", dataset, "--output", out, "--quiet"]).status == 0)
    // W1 withdraws its seat.
    let worksites = dataset + "/worksites.csv"
    try Self.text(worksites).replacingOccurrences(
      of: "W1,Tech Partners,it,1,", with: "W1,Tech Partners,it,0,"
    ).write(toFile: worksites, atomically: true, encoding: .utf8)
    let again = try Paths.temporaryDirectory()
    let run = try CLI.run([
      "rematch", dataset, "--previous", out + "/placements.csv", "--letters", "--output", again,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let letters = try Self.text(again + "/rosters/letters.csv")
    #expect(
      letters.hasPrefix(
        "student,school,worksite,employer,rank,reason,change,file,letter,name,email\n"))
    #expect(letters.contains("lost-seat,letters/S3.txt,"))
    let letter = try Self.text(again + "/rosters/letters/S3.txt")
    #expect(letter.contains("Your earlier placement at Tech Partners (W1) could not be kept"))
  }

  @Test("--rosters alone writes the three CSVs and no letter files")
  func rostersAlone() throws {
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", Paths.dataset("tiny"), "--rosters", "--output", out])
    #expect(run.status == 0, "\(run.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out + "/rosters").filter {
      !$0.hasPrefix(".")
    }
    #expect(names.sorted() == ["by-school.csv", "by-worksite.csv", "letters.csv"])
    #expect(!run.stdout.contains("letters/"))
    #expect(try Self.text(out + "/rosters/letters.csv").contains(",letters/S1.txt,"))
  }

  @Test("an output that cannot be written: exit 73 and no rosters/")
  func cannotWrite() throws {
    let out = try Paths.temporaryDirectory()
    // `rosters` is a file: its directory cannot be made.
    try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/rosters"))
    let run = try CLI.run(["solve", Paths.dataset("tiny"), "--rosters", "--output", out])
    #expect(run.status == 73)
    #expect(run.stderr.contains("nothing was written"))
    let names = try FileManager.default.contentsOfDirectory(atPath: out).filter {
      !$0.hasPrefix(".")
    }
    #expect(names == ["rosters"])
    #expect(try Self.text(out + "/rosters") == "x")
  }
}
