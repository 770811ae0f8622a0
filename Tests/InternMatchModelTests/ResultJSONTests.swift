import Foundation
import InternMatchModel
import InternMatchTestSupport
import Testing

/// The JSON of results: keyed by ids, no `_0` wrappers, and every value decodes back to itself.
@Suite("Result JSON")
struct ResultJSONTests {
  /// Ana gets her first choice, Ben is too young for his only one, Cy is pinned to a worksite
  /// he did not list; Dee's only choice is full.
  private func tiny() throws -> (PlacementInstance, Placement) {
    let instance = try PlacementInstance(
      students: [
        Student(
          id: "ana", school: "02M600", cluster: "healthcare", age: 16,
          preferences: ["mount-sinai", "con-ed"]),
        Student(
          id: "ben", school: "02M600", cluster: "healthcare", age: 15,
          preferences: ["mount-sinai"]),
        Student(id: "cy", school: "13K430", cluster: "healthcare", age: 17, preferences: []),
        Student(
          id: "dee", school: "13K430", cluster: "healthcare", age: 17,
          preferences: ["mount-sinai"]),
      ],
      worksites: [
        Worksite(id: "mount-sinai", cluster: "healthcare", capacity: 1, minimumAge: 16),
        Worksite(id: "con-ed", cluster: "engineering", capacity: 2),
      ],
      rules: PlacementRules(pins: [Pin(student: "cy", worksite: "con-ed")]))
    return (instance, Placement([0, nil, 1, nil]))
  }

  private func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  private func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
  }

  @Test("the records of a tiny placement, exactly")
  func tinyRecords() throws {
    let (instance, placement) = try tiny()
    #expect(instance.violations(in: placement).isEmpty)
    let records = instance.records(of: placement)
    #expect(
      try json(records) == """
        [{"rank":1,"student":"ana","worksite":"mount-sinai"},\
        {"student":"ben","unplaced_reason":"no-eligible-choice"},\
        {"off_list":"pinned","rank":0,"student":"cy","worksite":"con-ed"},\
        {"student":"dee","unplaced_reason":"choices-full"}]
        """)
    #expect(try roundTrip(records) == records)
    #expect(try instance.placement(from: records) == placement)
  }

  @Test("placements and outcomes are plain values")
  func indexValues() throws {
    let (instance, placement) = try tiny()
    let outcomes = instance.outcomes(of: placement)
    #expect(try json(placement) == "[0,null,1,null]")
    #expect(
      try json(outcomes) == """
        [{"rank":1,"worksite":0},{"unplaced_reason":"no-eligible-choice"},\
        {"rank":0,"worksite":1},{"unplaced_reason":"choices-full"}]
        """)
    #expect(try roundTrip(placement) == placement)
    #expect(try roundTrip(outcomes) == outcomes)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Placement.self, from: Data("[0,-1]".utf8))
    }
  }

  @Test("reasons, issues and reserves name what they hold")
  func namedValues() throws {
    let (instance, _) = try tiny()
    let ineligible = try #require(instance.ineligibleChoices.first)
    #expect(
      try json(ineligible)
        == #"{"rank":1,"reasons":["age-below-minimum"],"student":1,"worksite":0}"#)
    #expect(try roundTrip(ineligible) == ineligible)
    #expect(try json(Ineligibility([.tooFar, .ageUnknown])) == #"["age-unknown","too-far"]"#)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Ineligibility.self, from: Data(#"["too-near"]"#.utf8))
    }
    let issues: [InstanceIssue.Record] = [.student(3), .policy, .pin(0)]
    #expect(
      try json(issues)
        == #"[{"row":3,"table":"student"},{"table":"policy"},{"row":0,"table":"pin"}]"#)
    #expect(try roundTrip(issues) == issues)
    let reserves = [
      SeatReserve(group: "ell", seats: .seats(3)), SeatReserve(group: "iep", seats: .fraction(0.2)),
    ]
    #expect(
      try json(reserves)
        == #"[{"amount":{"seats":3},"group":"ell"},{"amount":{"fraction":0.2},"group":"iep"}]"#)
    #expect(try roundTrip(reserves) == reserves)
  }

  @Test("records name every unknown or repeated id")
  func unresolvedRecords() throws {
    let (instance, _) = try tiny()
    let records = [
      PlacementRecord(student: "ana", worksite: "con-ed", rank: 2),
      PlacementRecord(student: "zed", unplacedReason: .choicesFull),
      PlacementRecord(student: "ben", worksite: "nowhere", rank: 1),
      PlacementRecord(student: "ana", unplacedReason: .choicesFull),
    ]
    #expect(
      throws: PlacementRecordError(
        unknownStudents: ["zed"], unknownWorksites: ["nowhere"], duplicateStudents: ["ana"])
    ) { try instance.placement(from: records) }
  }

  @Test("records round-trip on seeded random instances")
  func randomRoundTrips() throws {
    for seed in UInt64(0)..<200 {
      let instance = RandomInstances.make(seed: seed)
      // Each student takes their first eligible choice where a seat is left, in input order.
      var placement = Placement(studentCount: instance.students.count)
      var left = instance.worksites.map(\.capacity)
      for s in 0..<instance.students.count {
        for c in instance.choices.range(of: s) {
          let w = Int(instance.choices.worksite[c])
          if left[w] > 0 {
            left[w] -= 1
            placement.assign(student: s, to: w)
            break
          }
        }
      }
      #expect(instance.violations(in: placement).isEmpty)
      let records = instance.records(of: placement)
      let decoded = try roundTrip(records)
      #expect(decoded == records, "seed \(seed)")
      #expect(try instance.placement(from: decoded) == placement, "seed \(seed)")
      #expect(
        decoded.map { $0.unplacedReason == nil }
          == (0..<instance.students.count).map {
            placement.worksite(of: $0) != nil
          })
    }
  }
}
