import Foundation
import InternMatchTestSupport
import Testing

/// Pins, `rematch` and `solve --pin-from` on a menu of activities (end to end, built binary),
/// on copies of menu-tiny (its README: Ana lists M1;W1;M2;W2;T1, Ben W1;M1; W1 and M1 have one
/// seat; the optimum gives Ben W1 and M1, Ana W2 and M2).
@Suite("internmatch with pins and re-matches on a menu of activities (end to end)")
struct MenuPinRematchCommandTests {
  static func write(_ text: String, _ path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test("a pin on a menu is honoured: Ana pinned to W1 takes it from Ben")
  func pinHonoured() throws {
    let directory = try Paths.copyOfDataset("menu-tiny")
    try Self.write("student,worksite\nAna,W1\n", directory + "/pins.csv")
    for strategy in ["optimal", "stable", "serial-dictatorship", "greedy"] {
      let output = try Paths.temporaryDirectory()
      let run = try CLI.run(
        ["solve", directory, "--output", output, "--strategy", strategy, "--seed", "4"])
      #expect(run.status == 0, "\(strategy): \(run.stderr)")
      let placements = try Self.read(output + "/placements.csv")
      #expect(placements.contains("Ana,W1,1,,internship,\n"), "\(strategy): \(placements)")
      #expect(placements.contains("Ben,,,choices-full,internship,\n"), "\(strategy)")
    }
    // verify checks the pin: the optimal file passes; the hand-worked one (Ben at W1) does not.
    let output = try Paths.temporaryDirectory()
    _ = try CLI.run(["solve", directory, "--output", output, "--cross-check"])
    let ok = try CLI.run(["verify", directory, output + "/placements.csv"])
    #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
    let bad = try CLI.run([
      "verify", directory, Paths.dataset("menu-tiny") + "/expected-placements.csv",
    ])
    #expect(bad.status != 0)
    #expect(bad.stdout.contains("pin-not-honoured") || bad.stderr.contains("pin-not-honoured"))
    #expect(bad.stdout.contains("pins.csv:2") || bad.stderr.contains("pins.csv:2"))
  }

  @Test(
    "a pin that breaks a menu rule is bad data: exit 65 at its line",
    arguments: [
      ("student,worksite\nBen,M1\nBen,M2\n", "pins.csv:3", "max_per_employer"),
      ("student,worksite\nTess,W1\n", "pins.csv:2", "does not offer to teachers"),
      ("student,worksite,slot\nAna,W2,am\n", "pins.csv:2", "has no slots"),
      ("student,worksite\nAna,W1\nBen,W1\n", "pins.csv:3", "than its 1 seats"),
    ])
  func badPin(pins: String, location: String, message: String) throws {
    let directory = try Paths.copyOfDataset("menu-tiny")
    try Self.write(pins, directory + "/pins.csv")
    let run = try CLI.run(["solve", directory, "--output", try Paths.temporaryDirectory()])
    #expect(run.status == 65, "\(run.stderr)")
    #expect(run.stderr.contains(location), "\(run.stderr)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test("rematch after a worksite is removed: the others keep their placements")
  func rematchAfterRemoval() throws {
    let directory = try Paths.copyOfDataset("menu-tiny")
    let first = try Paths.temporaryDirectory()
    #expect(try CLI.run(["solve", directory, "--output", first]).status == 0)
    // W1 withdraws (Ben's internship).
    let worksites = try Self.read(directory + "/worksites.csv")
    try Self.write(
      worksites.split(separator: "\n").filter { !$0.hasPrefix("W1,") }.joined(separator: "\n")
        + "\n", directory + "/worksites.csv")
    for strategy in ["optimal", "stable", "greedy"] {
      let output = try Paths.temporaryDirectory()
      let run = try CLI.run(
        [
          "rematch", directory, "--previous", first + "/placements.csv", "--output", output,
          "--strategy", strategy,
        ])
      #expect(run.status == 0, "\(strategy): \(run.stderr)")
      #expect(run.stderr.contains("worksite 'W1' is no longer in the dataset"))
      let changes = try Self.read(output + "/changes.csv")
      #expect(
        changes == """
          student,kind,before,after,kept,change
          Ana,internship,W2,W2,1,kept
          Ana,mock-interview,M2,M2,1,kept
          Ana,workplace-tour,,,0,still-unplaced
          Ben,internship,W1,,0,lost-seat
          Ben,mock-interview,M1,M1,1,kept
          Tess,teacher-externship,E1,E1,1,kept

          """, "\(strategy)")
      let summary = try Self.read(output + "/summary.json")
      #expect(summary.contains("\"kept\" : 4"), "\(strategy)")
      #expect(summary.contains("\"placements_still_held\" : 4"))
    }
  }

  @Test("rematch keeps the slot; --keep-placed holds every placement that still exists")
  func rematchKeepsSlot() throws {
    let directory = try Paths.copyOfDataset("menu-tiny")
    // M2 gets two slots; the earlier placement had Ana at M2 in pm.
    let worksites = """
      id,employer,cluster,capacity,kind,min_age,slots
      W1,Acme,it,1,internship,,
      W2,Bolt,it,1,internship,,
      M1,Acme,it,1,mock-interview,,
      M2,Acme,it,2,mock-interview,,am;pm
      T1,Bolt,it,5,workplace-tour,18,
      E1,Acme,it,1,teacher-externship,,

      """
    try Self.write(worksites, directory + "/worksites.csv")
    let previous = try Paths.temporaryDirectory() + "/placements.csv"
    try Self.write(
      "student,worksite,rank,reason,kind,slot\nAna,W2,2,,internship,\nAna,M2,2,,mock-interview,pm\n"
        + "Ben,W1,1,,internship,\nBen,M1,1,,mock-interview,\nTess,E1,1,,teacher-externship,\n",
      previous)
    for flags in [[], ["--keep-placed"]] {
      let output = try Paths.temporaryDirectory()
      let run = try CLI.run(
        ["rematch", directory, "--previous", previous, "--output", output] + flags)
      #expect(run.status == 0, "\(run.stderr)")
      let placements = try Self.read(output + "/placements.csv")
      #expect(placements.contains("Ana,M2,2,,mock-interview,pm\n"), "\(flags): \(placements)")
      let changes = try Self.read(output + "/changes.csv")
      #expect(changes.contains("Ana,mock-interview,M2 (pm),M2 (pm),1,kept\n"), "\(changes)")
    }
  }

  @Test("solve --pin-from on a menu holds every earlier placement; a bad one exits 65 at its line")
  func pinFrom() throws {
    let directory = try Paths.copyOfDataset("menu-tiny")
    // The serial-dictatorship placement of seed 3 (Ana at W1 and M1), held as pins.
    let first = try Paths.temporaryDirectory()
    _ = try CLI.run([
      "solve", directory, "--output", first, "--strategy", "serial-dictatorship", "--seed", "3",
    ])
    let output = try Paths.temporaryDirectory()
    let run = try CLI.run([
      "solve", directory, "--output", output, "--pin-from", first + "/placements.csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let placements = try Self.read(output + "/placements.csv")
    #expect(placements.contains("Ana,W1,1,,internship,\nAna,M1,1,,mock-interview,\n"))
    // A file that places Ben twice at M1 breaks the rules pins keep: exit 65 at line 3.
    let bad = try Paths.temporaryDirectory() + "/placements.csv"
    try Self.write(
      "student,worksite,kind,slot\nBen,M1,mock-interview,\nBen,M1,mock-interview,\n", bad)
    let refused = try CLI.run([
      "solve", directory, "--output", try Paths.temporaryDirectory(), "--pin-from", bad,
    ])
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(refused.stderr.contains("placements.csv:3"), "\(refused.stderr)")
  }
}
