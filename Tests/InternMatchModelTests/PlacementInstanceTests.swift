import InternMatchModel
import Testing

@Suite("PlacementInstance")
struct PlacementInstanceTests {
  @Test("ranks are list positions, never renumbered; unknown and duplicate entries are warnings")
  func ranks() throws {
    let instance = try PlacementInstance(
      students: [
        Student(
          id: "S", school: "X", cluster: "it", age: 15, preferences: ["Z", "B", "A", "B", "C"])
      ],
      worksites: [
        Worksite(id: "A", cluster: "it", capacity: 1),
        Worksite(id: "B", cluster: "it", capacity: 1),
        Worksite(id: "C", cluster: "it", capacity: 1, minimumAge: 16),
      ])
    let range = instance.choices.range(of: 0)
    #expect(range.map { instance.choices.worksite[$0] } == [1, 0])
    #expect(range.map { instance.choices.rank[$0] } == [2, 3])
    #expect(
      instance.ineligibleChoices == [
        IneligibleChoice(student: 0, worksite: 2, rank: 5, reasons: .ageBelowMinimum)
      ])
    #expect(instance.listedCount == [3])
    #expect(
      instance.warnings.map(\.message) == [
        "unknown worksite 'Z' at rank 1 skipped", "duplicate worksite 'B' at rank 4 skipped",
      ])
  }

  @Test("validation collects every error, not just the first")
  func collectsEverything() {
    do {
      _ = try PlacementInstance(
        students: [
          Student(id: "S", school: "X", cluster: "it"),
          Student(id: "S", school: "X", cluster: "astronomy", age: -1),
        ],
        worksites: [
          Worksite(id: "W", cluster: "it", capacity: -2),
          Worksite(id: "W", cluster: "it", capacity: 1, minimumAge: -1),
        ],
        rankings: [
          WorksiteRanking(worksite: "W", student: "S", rank: 0),
          WorksiteRanking(worksite: "Q", student: "S", rank: 1),
        ])
      Issue.record("expected a validation error")
    } catch {
      let errors = error.issues.filter { $0.severity == .error }
      #expect(
        errors.map(\.record) == [
          .student(1), .student(1), .student(1), .worksite(0), .worksite(1), .worksite(1),
          .ranking(0),
        ])
      #expect(errors.map(\.field) == ["id", "cluster", "age", "capacity", "id", "min_age", "rank"])
      #expect(error.issues.contains { $0.severity == .warning && $0.record == .ranking(1) })
    }
  }

  @Test("pins beyond a school limit or an employer's capacity are errors")
  func pinsBeyondLimits() throws {
    let students = ["A", "B"].map { Student(id: $0, school: "K", cluster: "it") }
    let worksites = [
      Worksite(id: "W", employer: "Acme", cluster: "it", capacity: 2, maxPerSchool: 1),
      Worksite(id: "V", employer: "Acme", cluster: "it", capacity: 2),
    ]
    let error = #expect(throws: InstanceValidationError.self) {
      try PlacementInstance(
        students: students, worksites: worksites,
        rules: PlacementRules(
          employerCapacity: [EmployerCapacity(employer: "Acme", capacity: 1)],
          pins: [Pin(student: "A", worksite: "W"), Pin(student: "B", worksite: "W")]))
    }
    let messages = error?.issues.map(\.message) ?? []
    #expect(messages.contains { $0.contains("than its max_per_school 1") })
    #expect(messages.contains { $0.contains("employer 'Acme' than its capacity 1") })

    // A reserve that does not revert keeps its seat from a pinned non-member.
    var policy = Policy()
    policy.reservesRevert = false
    let reserved = #expect(throws: InstanceValidationError.self) {
      try PlacementInstance(
        students: students,
        worksites: [
          Worksite(
            id: "R", cluster: "it", capacity: 1,
            reserves: [SeatReserve(group: "ell", seats: .seats(1))])
        ], policy: policy, rules: PlacementRules(pins: [Pin(student: "A", worksite: "R")]))
    }
    #expect(
      reserved?.issues.contains { $0.message.contains("may use only 0 of its seats") } == true)
  }

  @Test("custom clusters replace the defaults")
  func customClusters() throws {
    let clusters = [Cluster(id: "agri", name: "Agriculture")]
    #expect(throws: InstanceValidationError.self) {
      try PlacementInstance(
        students: [Student(id: "S", school: "X", cluster: "it")], worksites: [], clusters: clusters)
    }
    let ok = try PlacementInstance(
      students: [Student(id: "S", school: "X", cluster: "agri")], worksites: [], clusters: clusters)
    #expect(ok.students.count == 1)
  }

  @Test("outcomes give each unplaced student the right reason")
  func outcomes() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "none", school: "X", cluster: "it"),
        Student(id: "unknown-only", school: "X", cluster: "it", preferences: ["nope"]),
        Student(id: "ineligible", school: "X", cluster: "it", age: 14, preferences: ["Old"]),
        Student(id: "full", school: "X", cluster: "it", preferences: ["Zero"]),
        Student(id: "placed", school: "X", cluster: "it", preferences: ["Zero", "Open"]),
      ],
      worksites: [
        Worksite(id: "Old", cluster: "it", capacity: 1, minimumAge: 18),
        Worksite(id: "Zero", cluster: "it", capacity: 0),
        Worksite(id: "Open", cluster: "it", capacity: 1),
      ])
    let p = Placement([nil, nil, nil, nil, 2])
    #expect(
      instance.outcomes(of: p) == [
        .unplaced(.noPreferences), .unplaced(.unknownChoices), .unplaced(.noEligibleChoice),
        .unplaced(.choicesFull), .placed(worksite: 2, rank: 2),
      ])
    #expect(instance.objective(of: p, rankCost: .squared) == PlacementObjective(placed: 1, cost: 4))
  }

  @Test("invariant checks find every broken rule")
  func violations() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W"]),
        Student(id: "C", school: "X", cluster: "it", preferences: []),
      ],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)])
    #expect(instance.violations(in: Placement([0, nil, nil])).isEmpty)
    #expect(
      instance.violations(in: Placement([0, 0, 0])) == [
        .notAnEligibleChoice(student: 2, worksite: 0),
        .overCapacity(worksite: 0, assigned: 3, capacity: 1),
      ])
    #expect(
      instance.violations(in: Placement([5, nil, nil])) == [
        .unknownWorksite(student: 0, worksite: 5)
      ])
    #expect(
      instance.violations(in: Placement([nil])) == [.studentCountMismatch(expected: 3, actual: 1)])
  }

  @Test("the objective orders more placed before lower cost")
  func objectiveOrder() {
    #expect(PlacementObjective(placed: 3, cost: 100) < PlacementObjective(placed: 2, cost: 1))
    #expect(PlacementObjective(placed: 3, cost: 5) < PlacementObjective(placed: 3, cost: 6))
  }

  @Test("SplitMix64 is reproducible and matches the reference sequence")
  func splitMix() {
    var a = SplitMix64(seed: 0)
    // First outputs of SplitMix64 from seed 0 (reference implementation by Vigna).
    #expect(a.next() == 0xE220_A839_7B1D_CDAF)
    #expect(a.next() == 0x6E78_9E6A_A1B9_65F4)
    var b = SplitMix64(seed: 42)
    var c = SplitMix64(seed: 42)
    #expect((0..<10).map { _ in b.next() } == (0..<10).map { _ in c.next() })
  }
}
