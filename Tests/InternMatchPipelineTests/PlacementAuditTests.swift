import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("verify: an audit of any placement file")
struct PlacementAuditTests {
  /// Three students of two schools; W1 (2 seats, max 1 per school, employer E with 2 seats over
  /// W1 and W2), W2 (1 seat, min_group 2), W3 (1 seat, 1 reserved for ell, reserves do not
  /// revert), W4 needs age 18.
  static func instance(links: Bool = false, pin: Bool = false, floor: Double? = nil) throws
    -> PlacementInstance
  {
    var policy = Policy()
    policy.reservesRevert = false
    var rules = PlacementRules(employerCapacity: [EmployerCapacity(employer: "E", capacity: 2)])
    if links { rules.links = [StudentLink(first: "A", second: "B")] }
    if pin { rules.pins = [Pin(student: "C", worksite: "W1")] }
    rules.schoolFloor = floor
    let all = ["W1", "W2", "W3", "W4"]
    return try PlacementInstance(
      students: [
        Student(id: "A", school: "x", cluster: "it", age: 16, preferences: all),
        Student(id: "B", school: "x", cluster: "it", age: 16, preferences: all),
        Student(id: "C", school: "y", cluster: "it", age: 16, preferences: all),
      ],
      worksites: [
        Worksite(id: "W1", employer: "E", cluster: "it", capacity: 2, maxPerSchool: 1),
        Worksite(id: "W2", employer: "E", cluster: "it", capacity: 2, minimumGroupSize: 2),
        Worksite(
          id: "W3", cluster: "it", capacity: 1,
          reserves: [SeatReserve(group: "ell", seats: .seats(1))]),
        Worksite(id: "W4", cluster: "it", capacity: 1, minimumAge: 18),
      ],
      policy: policy, rules: rules)
  }

  static func audit(_ csv: String, _ instance: PlacementInstance) throws -> PlacementAudit {
    let file = try PlacementFile.read(Array(csv.utf8), file: "p.csv", instance: instance)
    return try PlacementAudit(Dataset(instance: instance), file: file)
  }

  @Test(
    "each broken rule is found, at the lines that break it",
    arguments: [
      ("student,worksite\nA,W4\n", "not-eligible", ["p.csv:2"], false, false, nil),
      ("student,worksite\nA,W1\nC,W3\n", "reserve-breached", ["p.csv:3"], false, false, nil),
      (
        "student,worksite\nA,W1\nB,W1\n", "over-school-limit", ["p.csv:2", "p.csv:3"], false, false,
        nil
      ),
      ("student,worksite\nA,W2\n", "below-minimum-group", ["p.csv:2"], false, false, nil),
      (
        "student,worksite\nA,W2\nB,W2\nC,W1\n", "over-employer-capacity",
        ["p.csv:2", "p.csv:3", "p.csv:4"], false, false, nil
      ),
      ("student,worksite\nA,W1\n", "link-broken", ["p.csv:2"], true, false, nil),
      ("student,worksite\nA,W1\nC,\n", "pin-not-honoured", ["p.csv:3"], false, true, nil),
      (
        "student,worksite\nA,W1\nA,W2\n", "duplicate-student", ["p.csv:2", "p.csv:3"], false, false,
        nil
      ),
      ("student,worksite\nZ,W1\n", "unknown-student", ["p.csv:2"], false, false, nil),
      ("student,worksite\nA,W9\n", "unknown-worksite", ["p.csv:2"], false, false, nil),
      ("student,worksite\nA,W1\nB,\nC,\n", "school-floor", ["p.csv:4"], false, false, 0.5),
    ] as [(String, String, [String], Bool, Bool, Double?)])
  func brokenRule(
    csv: String, rule: String, locations: [String], links: Bool, pin: Bool, floor: Double?
  ) throws {
    let instance = try Self.instance(links: links, pin: pin, floor: floor)
    let audit = try Self.audit(csv, instance)
    #expect(!audit.isValid)
    let finding = audit.findings.first { $0.rule == rule }
    #expect(finding != nil, "\(audit.findings)")
    #expect(finding?.locations.filter { $0.hasPrefix("p.csv") } == locations)
  }

  @Test("over capacity: every line placing a student there")
  func overCapacity() throws {
    let instance = try PlacementInstance(
      students: ["A", "B", "C"].map {
        Student(id: $0, school: $0, cluster: "it", preferences: ["W"])
      },
      worksites: [Worksite(id: "W", cluster: "it", capacity: 2)])
    let audit = try Self.audit("student,worksite,rank,reason\nA,W,1,\nB,W,1,\nC,W,1,\n", instance)
    #expect(audit.findings.map(\.rule) == ["over-capacity"])
    #expect(audit.findings[0].locations == ["p.csv:2", "p.csv:3", "p.csv:4"])
  }

  @Test("an ignored pin is located at its pins.csv line")
  func pinLine() throws {
    let directory = try Paths.temporaryDirectory()
    try "id,school,cluster,preferences\nA,x,it,W1;W2\nB,x,it,W1\n".write(
      toFile: directory + "/students.csv", atomically: true, encoding: .utf8)
    try "id,cluster,capacity\nW1,it,1\nW2,it,1\n".write(
      toFile: directory + "/worksites.csv", atomically: true, encoding: .utf8)
    try "student,worksite\n\nA,W2\n".write(
      toFile: directory + "/pins.csv", atomically: true, encoding: .utf8)
    let dataset = try DatasetReader.read(directory: directory)
    let file = try PlacementFile.read(
      Array("student,worksite\nA,W1\n".utf8), file: "p.csv", instance: dataset.instance)
    let audit = try PlacementAudit(dataset, file: file)
    let finding = try #require(audit.findings.first { $0.rule == "pin-not-honoured" })
    #expect(finding.locations.first == "pins.csv:3")
  }

  @Test("accepts every result of every strategy, and measures it against the optimum")
  func acceptsEveryStrategy() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("nyc-sample"))
    for strategy in StrategyName.allCases {
      let run = try PlacementRun(dataset, configuration: .init(strategy: strategy, seed: 9))
      let csv = try #require(run.outputs().first?.contents)
      let file = try PlacementFile.read([UInt8](csv), file: "p.csv", instance: dataset.instance)
      let audit = try PlacementAudit(dataset, file: file, seed: 9)
      #expect(audit.isValid, "\(strategy): \(audit.findings.prefix(3))")
      #expect(audit.objective.placed == run.summary?.placed)
      #expect(audit.blockingPairs == run.summary?.blockingPairs || strategy == .stable)
      #expect(audit.optimum.map { $0 <= audit.objective } == true)
    }
    for seed in 0..<60 {
      let instance = RandomInstances.withSideRules(seed: UInt64(seed))
      guard let result = try? OptimalStrategy().place(instance) else { continue }
      let rows = instance.students.indices.map { s in
        "\(instance.students[s].id),"
          + (result.placement.worksite(of: s).map { instance.worksites[$0].id } ?? "")
      }
      let audit = try Self.audit(
        "student,worksite\n" + rows.joined(separator: "\n") + "\n", instance)
      #expect(audit.isValid, "seed \(seed): \(audit.findings)")
      #expect(audit.optimum == result.objective)
    }
  }
}
