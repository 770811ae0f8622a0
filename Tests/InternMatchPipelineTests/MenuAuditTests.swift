import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchTestSupport
import Testing

/// `verify` on a menu: Datasets/menu-tiny's hand-worked file passes, and a hand edit breaking
/// each rule fails at the lines that break it.
@Suite("verify: an audit of a menu's placements.csv")
struct MenuAuditTests {
  static func expected() throws -> String {
    try String(
      contentsOfFile: Paths.dataset("menu-tiny") + "/expected-placements.csv", encoding: .utf8)
  }

  static func audit(_ text: String, dataset directory: String = Paths.dataset("menu-tiny"))
    throws -> MenuAudit
  {
    let dataset = try DatasetReader.read(directory: directory)
    let file = try MenuPlacementFile.read(
      Array(text.utf8), file: "placements.csv", instance: dataset.instance)
    return try MenuAudit(dataset, file: file)
  }

  @Test("menu-tiny's expected placements break no rule and are optimal at every kind")
  func expectedFilePasses() throws {
    let audit = try Self.audit(Self.expected())
    #expect(audit.findings.isEmpty, "\(audit.findings)")
    #expect(audit.isOptimal == true)
    let placed = audit.kinds.filter { $0.placed > 0 }.map { "\($0.kind.rawValue) \($0.placed)" }
    #expect(placed == ["internship 2", "mock-interview 2", "teacher-externship 1"])
    #expect(audit.kinds.first?.rankCost == 3)
  }

  @Test(
    "a hand edit breaking one rule fails with that rule at the lines at fault",
    arguments: [
      ("Ana,W2,2,,internship,", "Ana,W1,1,,internship,", "over-capacity", [2, 6]),
      (
        "Ana,,,no-eligible-choice,workplace-tour,", "Ana,T1,1,,workplace-tour,", "not-eligible", [5]
      ),
      ("Tess,E1,1,,teacher-externship,", "Tess,W2,1,,internship,", "kind-not-offered", [9]),
      (
        "Ana,,,choices-full,mock-interview,", "Ana,M2,2,,mock-interview,",
        "placed-twice-at-worksite", [3, 4]
      ),
      (
        "Ana,,,no-eligible-choice,workplace-tour,", "Ana,W1,1,,internship,", "over-kind-limit",
        [2, 5]
      ),
      (
        "Ana,,,choices-full,mock-interview,", "Ana,M1,1,,mock-interview,", "over-employer-limit",
        [3, 4]
      ),
      ("Ana,W2,2,,internship,", "Ana,W2,2,,mock-interview,", "kind-mismatch", [2]),
      ("Ana,W2,2,,internship,", "Ana,W2,2,,internship,am", "bad-slot", [2]),
      (
        "Ana,,,choices-full,mock-interview,", "Ana,,,max-per-employer,mock-interview,",
        "wrong-reason", [4]
      ),
      ("Ana,,,choices-full,mock-interview,\n", "", "missing-short-row", [2, 3, 4]),
      (
        "Cy,,,no-preferences,,", "Cy,,,no-preferences,,\nBen,,,choices-full,internship,",
        "unexpected-short-row", [9]
      ),
      (
        "Cy,,,no-preferences,,", "Cy,,,no-preferences,,\nCy,,,no-preferences,,",
        "duplicate-short-row", [8, 9]
      ),
      ("Cy,,,no-preferences,,", "Zed,,,no-preferences,,", "unknown-student", [8]),
      ("Ana,W2,2,,internship,", "Ana,W9,2,,internship,", "unknown-worksite", [2]),
    ])
  func brokenRule(line: String, edit: String, rule: String, lines: [Int]) throws {
    let text = try Self.expected()
    #expect(text.contains(line))
    let audit = try Self.audit(text.replacingOccurrences(of: line, with: edit))
    #expect(!audit.isValid)
    let finding = try #require(audit.findings.first { $0.rule == rule }, "\(audit.findings)")
    #expect(finding.locations == lines.map { "placements.csv:\($0)" }, "\(finding)")
    #expect(!finding.message.isEmpty)
  }

  /// menu-tiny with slots: M1 offers `am` and `pm`, M2 `am`; no `max_per_employer`.
  static func slotted() throws -> String {
    let directory = try Paths.copyOfDataset("menu-tiny")
    try """
    id,employer,cluster,capacity,kind,min_age,slots
    W1,Acme,it,1,internship,,
    W2,Bolt,it,1,internship,,
    M1,Acme,it,1,mock-interview,,am;pm
    M2,Acme,it,2,mock-interview,,am
    T1,Bolt,it,5,workplace-tour,18,
    E1,Acme,it,1,teacher-externship,,

    """.write(toFile: directory + "/worksites.csv", atomically: true, encoding: .utf8)
    try """
    kind,max_per_participant,priority,participants
    internship,1,1,student
    mock-interview,2,2,student

    """.write(toFile: directory + "/activities.csv", atomically: true, encoding: .utf8)
    return directory
  }

  @Test(
    "slots: a label held twice by one person, and a slot over its capacity",
    arguments: [
      ("Ana,M1,1,,mock-interview,am\nAna,M2,2,,mock-interview,am\n", "slot-conflict", [2, 3]),
      ("Ana,M1,1,,mock-interview,am\nBen,M1,1,,mock-interview,am\n", "over-slot-capacity", [2, 3]),
      ("Ana,M2,2,,mock-interview,\n", "bad-slot", [2]),
    ])
  func slots(rows: String, rule: String, lines: [Int]) throws {
    let audit = try Self.audit(
      "student,worksite,rank,reason,kind,slot\n" + rows, dataset: Self.slotted())
    let finding = try #require(audit.findings.first { $0.rule == rule }, "\(audit.findings)")
    #expect(finding.locations == lines.map { "placements.csv:\($0)" }, "\(finding)")
  }
}

extension MenuAuditTests {
  @Test(
    "side rules no strategy places with a menu are named as not checked, never ignored silently")
  func uncheckedRules() throws {
    let directory = try Paths.copyOfDataset("menu-tiny")
    try "student_a,student_b\nAna,Ben\n".write(
      toFile: directory + "/links.csv", atomically: true, encoding: .utf8)
    let audit = try Self.audit(Self.expected(), dataset: directory)
    #expect(audit.uncheckedRules == ["links"])
    #expect(audit.isOptimal == nil)
    #expect(try Self.audit(Self.expected()).uncheckedRules.isEmpty)
  }
}
