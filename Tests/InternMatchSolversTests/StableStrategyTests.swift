import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Stable strategy (deferred acceptance)")
struct StableStrategyTests {
  func student(_ id: String, groups: Set<String> = [], _ prefs: [String]) -> Student {
    Student(id: id, school: "X", cluster: "it", groups: groups, preferences: prefs)
  }

  @Test("worked example: worksite rankings decide, and unranked applicants are unacceptable")
  func workedExample() throws {
    // W1 (1 seat) ranks B over A; W2 (1 seat) ranks A only. A: W1, W2. B: W1. C: W2.
    // DA: A→W1, B→W1 (W1 keeps B, rejects A), C→W2, A→W2 (W2 keeps A; C is unranked there,
    // so C was never acceptable). Result: A→W2, B→W1, C unplaced.
    let instance = try PlacementInstance(
      students: [student("A", ["W1", "W2"]), student("B", ["W1"]), student("C", ["W2"])],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) },
      rankings: [
        WorksiteRanking(worksite: "W1", student: "B", rank: 1),
        WorksiteRanking(worksite: "W1", student: "A", rank: 2),
        WorksiteRanking(worksite: "W2", student: "A", rank: 1),
      ])
    let result = try StableStrategy(seed: 1).place(instance)
    #expect(result.placement.assignment == [1, 0, -1])
    let priorities = WorksitePriorities(instance: instance, seed: 1)
    #expect(instance.blockingPairs(in: result.placement, priorities: priorities).isEmpty)
  }

  @Test("priority groups come before the lottery at worksites without rankings")
  func priorityGroups() throws {
    // One seat; E is in group ell, which the policy puts first: E gets it whatever the seed.
    var policy = Policy()
    policy.priorityGroups = ["ell"]
    let instance = try PlacementInstance(
      students: [student("A", ["W"]), student("E", groups: ["ell"], ["W"]), student("B", ["W"])],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)], policy: policy)
    for seed in 0..<20 as Range<UInt64> {
      #expect(try StableStrategy(seed: seed).place(instance).placement.assignment == [-1, 0, -1])
    }
  }

  @Test("reserve precedence changes who is placed")
  func reservePrecedence() throws {
    // W: 2 seats, 1 reserved for ell. Priority (ranking): A, B, E (only E is ell).
    // reserved-first: the reserve takes E, the open seat takes A → {A, E}.
    // open-first: the open seat takes A, then the reserve takes E → {A, E} as well; with the
    // reserve not reverting and no ell applicant, the reserved seat stays empty.
    func run(_ students: [Student], reservedFirst: Bool, revert: Bool) throws -> [Int32] {
      var policy = Policy()
      policy.reservedSeatsFirst = reservedFirst
      policy.reservesRevert = revert
      let instance = try PlacementInstance(
        students: students,
        worksites: [
          Worksite(
            id: "W", cluster: "it", capacity: 2,
            reserves: [SeatReserve(group: "ell", seats: .seats(1))])
        ],
        rankings: students.enumerated().map {
          WorksiteRanking(worksite: "W", student: $1.id, rank: $0 + 1)
        }, policy: policy)
      return try StableStrategy(seed: 0).place(instance).placement.assignment
    }
    let withE = [student("A", ["W"]), student("B", ["W"]), student("E", groups: ["ell"], ["W"])]
    #expect(try run(withE, reservedFirst: true, revert: true) == [0, -1, 0])
    #expect(try run(withE, reservedFirst: false, revert: true) == [0, -1, 0])
    let noELL = [student("A", ["W"]), student("B", ["W"]), student("C", ["W"])]
    #expect(try run(noELL, reservedFirst: true, revert: true) == [0, 0, -1])
    #expect(try run(noELL, reservedFirst: true, revert: false) == [0, -1, -1])
    // Two ell members ranked first: reserved-first gives the reserve to the best member and the
    // open seat to the next best applicant; open-first does the same here, but with a
    // non-member ranked between them precedence matters: ranking E1, A, E2.
    let mixed = [
      student("E1", groups: ["ell"], ["W"]), student("A", ["W"]),
      student("E2", groups: ["ell"], ["W"]),
    ]
    // reserved-first: reserve → E1, open → A. open-first: open → E1, reserve → E2.
    #expect(try run(mixed, reservedFirst: true, revert: true) == [0, 0, -1])
    #expect(try run(mixed, reservedFirst: false, revert: true) == [0, -1, 0])
  }

  @Test("equals the student-optimal stable placement found by enumeration", arguments: 0..<300)
  func studentOptimal(seed: Int) throws {
    let instance = RandomMarkets.make(seed: UInt64(seed))
    let priorities = WorksitePriorities(instance: instance, seed: UInt64(seed))
    let result = try StableStrategy(seed: UInt64(seed)).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    let stable = StableEnumeration.stablePlacements(instance, priorities: priorities)
    #expect(stable.contains(result.placement), "DA's placement is not stable")
    for other in stable {
      for s in 0..<instance.students.count {
        let mine = StableEnumeration.value(
          of: result.placement.worksite(of: s), for: s, in: instance)
        let theirs = StableEnumeration.value(of: other.worksite(of: s), for: s, in: instance)
        #expect(mine <= theirs, "student \(s) prefers another stable placement")
      }
    }
  }

  @Test("no student gains by misreporting (strategy-proofness)", arguments: 0..<120)
  func strategyProof(seed: Int) throws {
    let instance = RandomMarkets.make(seed: UInt64(1000 + seed), maxStudents: 4)
    #expect(
      try Manipulation.find(instance, strategy: StableStrategy(seed: UInt64(seed))) == nil)
  }

  @Test("the misreport search finds greedy's manipulability (the check can fail)")
  func greedyIsManipulable() throws {
    // W1 and W2, one seat each. A: W1, W2; B: W1, W2; C: W2. With the lottery order placing B
    // first, A's first choice is taken and W2 goes to C in round 1: A is unplaced. Listing W2
    // first would have got A a seat. Search every seed until greedy shows it.
    let instance = try PlacementInstance(
      students: [student("A", ["W1", "W2"]), student("B", ["W1", "W2"]), student("C", ["W2"])],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) })
    let found = try (0..<20 as Range<UInt64>).contains { seed in
      try Manipulation.find(instance, strategy: GreedyStrategy(seed: seed)) != nil
    }
    #expect(found)
  }

  @Test("refuses side constraints it cannot honour")
  func unsupported() throws {
    let instance = try PlacementInstance(
      students: [student("A", ["W"]), student("B", ["W"])],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 2)],
      rules: PlacementRules(links: [StudentLink(first: "A", second: "B")]))
    #expect(StableStrategy(seed: 0).unsupportedRules(in: instance) == [.links])
    #expect(
      throws: SolverError.unsupportedRule(
        "stable cannot honour links; use optimal, which honours every side constraint")
    ) { try StableStrategy(seed: 0).place(instance) }
  }
}

/// Searches every misreport of every student of a tiny instance for one that pays.
enum Manipulation {
  /// A student and a list that gets them a worksite they truly prefer, or `nil`.
  static func find(_ instance: PlacementInstance, strategy: some PlacementStrategy) throws
    -> (student: Int, list: [String])?
  {
    let truthful = try strategy.place(instance).placement
    let ids = instance.worksites.map(\.id)
    for s in instance.students.indices where instance.pinnedWorksite[s] < 0 {
      let honest = StableEnumeration.value(of: truthful.worksite(of: s), for: s, in: instance)
      for list in orderedSubsets(of: ids) {
        var students = instance.students
        students[s].preferences = WorksiteList(list)
        let lying = try PlacementInstance(
          students: students, worksites: instance.worksites, clusters: instance.clusters,
          rankings: instance.rankings, policy: instance.policy, rules: instance.rules)
        let got = try strategy.place(lying).placement.worksite(of: s)
        if StableEnumeration.value(of: got, for: s, in: instance) < honest { return (s, list) }
      }
    }
    return nil
  }

  /// Every ordering of every subset of `items`.
  static func orderedSubsets(of items: [String]) -> [[String]] {
    var result: [[String]] = [[]]
    func extend(_ prefix: [String]) {
      for item in items where !prefix.contains(item) {
        result.append(prefix + [item])
        extend(prefix + [item])
      }
    }
    extend([])
    return result
  }
}
