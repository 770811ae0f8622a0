import Foundation
import InternMatchTestSupport
import Testing

/// `max_per_school` and `employers.csv` with a menu of activities, end to end on copies of
/// menu-tiny: solve by every menu strategy, verify passes what solve wrote and fails a
/// hand-edited file naming the rule at its line.
@Suite("internmatch solve and verify: a menu with school limits and employer capacities")
struct MenuCapacityCommandTests {
  /// menu-tiny with Acme (W1, M1, M2, E1) capped at 2 placements in all.
  static func acmeCapped() throws -> String {
    let directory = try Paths.copyOfDataset("menu-tiny")
    try "id,capacity\nAcme,2\n".write(
      toFile: directory + "/employers.csv", atomically: true, encoding: .utf8)
    return directory
  }

  /// menu-tiny where W1 takes nobody of a school (`max_per_school` 0).
  static func w1Closed() throws -> String {
    let directory = try Paths.copyOfDataset("menu-tiny")
    let path = directory + "/worksites.csv"
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    lines[0] += ",max_per_school"
    for k in 1..<lines.count { lines[k] += lines[k].hasPrefix("W1,") ? ",0" : "," }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return directory
  }

  @Test(
    "an employer's capacity spans its kinds: served first, internships keep Acme's seat",
    arguments: ["optimal", "serial-dictatorship", "greedy"])
  func employerCapacity(strategy: String) throws {
    let directory = try Self.acmeCapped()
    let output = directory + "/out"
    let run = try CLI.run(["solve", directory, "--output", output, "--strategy", strategy])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst()
    let acme = ["W1", "M1", "M2", "E1"]
    #expect(
      rows.filter { acme.contains(String($0.split(separator: ",")[1...].first ?? "")) }
        .count == 2)
    #expect(rows.contains("Ben,W1,1,,internship,"))
    #expect(rows.contains("Tess,,,employer-full,teacher-externship,"))
    let verify = try CLI.run([
      "verify", directory, output + "/placements.csv", "--strategy", strategy,
    ])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    #expect(verify.stdout.contains("breaks no rule"))
  }

  @Test("verify names an employer over its capacity, and --cross-check agrees")
  func employerCapacityVerifyFails() throws {
    let directory = try Self.acmeCapped()
    let output = directory + "/out"
    let run = try CLI.run(["solve", directory, "--output", output, "--cross-check"])
    #expect(run.status == 0, "\(run.stderr)")
    let path = output + "/placements.csv"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try text.replacingOccurrences(
      of: "Tess,,,employer-full,teacher-externship,", with: "Tess,E1,1,,teacher-externship,"
    ).write(toFile: path, atomically: true, encoding: .utf8)
    let verify = try CLI.run(["verify", directory, path])
    #expect(verify.status == 65)
    #expect(verify.stdout.contains("error: over-employer-capacity"), "\(verify.stdout)")
  }

  @Test("stable refuses an employer's capacity on a menu, naming the rule, and writes nothing")
  func stableRefuses() throws {
    let directory = try Self.acmeCapped()
    let run = try CLI.run([
      "solve", directory, "--output", directory + "/out", "--strategy", "stable",
    ])
    #expect(run.status == 65)
    #expect(run.stderr.contains("employer_capacity"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/out/placements.csv"))
    // verify --strategy stable checks the file and says why it cannot compare.
    let solved = try CLI.run(["solve", directory, "--output", directory + "/optimal"])
    #expect(solved.status == 0, "\(solved.stderr)")
    let verify = try CLI.run([
      "verify", directory, directory + "/optimal/placements.csv", "--strategy", "stable",
    ])
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(
      verify.stdout.contains(
        "Not compared with stable, which refuses this dataset: stable cannot honour this "
          + "dataset's employer_capacity"), "\(verify.stdout)")
  }

  @Test(
    "max_per_school: Ben is short of an internship, and verify names the school limit",
    arguments: ["optimal", "stable", "serial-dictatorship", "greedy"])
  func schoolLimit(strategy: String) throws {
    let directory = try Self.w1Closed()
    let output = directory + "/out"
    let run = try CLI.run(["solve", directory, "--output", output, "--strategy", strategy])
    #expect(run.status == 0, "\(run.stderr)")
    let path = output + "/placements.csv"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("Ben,,,max-per-school,internship,"), "\(text)")
    #expect(!text.contains("W1"))
    try text.replacingOccurrences(
      of: "Ben,,,max-per-school,internship,", with: "Ben,W1,1,,internship,"
    ).write(toFile: path, atomically: true, encoding: .utf8)
    let verify = try CLI.run(["verify", directory, path])
    #expect(verify.status == 65)
    #expect(verify.stdout.contains("error: over-school-limit"), "\(verify.stdout)")
  }
}
