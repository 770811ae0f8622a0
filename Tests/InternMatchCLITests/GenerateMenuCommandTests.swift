import Foundation
import InternMatchIO
import InternMatchTestSupport
import Testing

/// `internmatch generate --activities` end to end: the files it writes, the run on them, and the
/// generator's output without the option, byte for byte as before it existed.
@Suite("internmatch generate --activities (end to end, built binary)")
struct GenerateMenuCommandTests {
  /// SHA-256 of each file of `generate --students 500 --seed 3`, written by the binary of main
  /// at 6ec8c33, before `--activities` existed.
  static let before = [
    "students.csv": "58861c2def299123e43e79aa6767f9d0b0a675984ec37cb01f4a25b0f0869565",
    "worksites.csv": "39abee653dc4b48765ce0b0232351f6a5f0fba54ac0cf2f3d9547bf6df32f2a6",
    "rankings.csv": "392938d9ea7f14fa1e94b8e5fcc30df4cfce7349c860862c8bb0b4c22f2b8810",
  ]

  @Test("without --activities the files are byte for byte those of earlier versions")
  func unchangedWithout() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(["generate", "--students", "500", "--seed", "3", "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: output).filter {
      !$0.hasPrefix(".")
    }.sorted()
    #expect(files == ["rankings.csv", "students.csv", "worksites.csv"])
    for (name, digest) in Self.before {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/" + name)))
      #expect(SHA256.hex(of: bytes) == digest, "\(name)")
    }
  }

  @Test("with --activities: the menu files, teachers, and an optimal run with slot conflicts")
  func menu() throws {
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run(
      ["generate", "--students", "600", "--seed", "2", "--activities", "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("600 students and 10 teachers"), "\(run.stdout)")
    let activities = try String(contentsOfFile: output + "/activities.csv", encoding: .utf8)
    #expect(
      activities.hasPrefix("kind,max_per_participant,priority,participants,max_per_employer\n"))
    #expect(activities.contains("\nmock-interview,2,5,student,1\n"))
    #expect(activities.contains("\nteacher-externship,1,7,teacher,\n"))
    let students = try String(contentsOfFile: output + "/students.csv", encoding: .utf8)
    #expect(students.hasPrefix("id,") && students.contains(",role\n"))
    #expect(students.contains(",teacher\n"))
    let worksites = try String(contentsOfFile: output + "/worksites.csv", encoding: .utf8)
    #expect(worksites.contains(",slots\n") && worksites.contains("T10:40"))

    let placed = try Paths.temporaryDirectory()
    let solve = try CLI.run(["solve", output, "--output", placed])
    #expect(solve.status == 0, "\(solve.stderr)")
    let summary = try String(contentsOfFile: placed + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"status\" : \"optimal\""))
    let rows = try String(contentsOfFile: placed + "/placements.csv", encoding: .utf8)
    #expect(rows.contains(",workplace-tour,2027-"))
    #expect(rows.contains(",mock-interview,2027-03-"))
    #expect(rows.contains(",teacher-externship,\n"))
  }
}
