import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Worksite-proposing stable strategy (deferred acceptance from the worksites)")
struct WorksiteProposingStableTests {
  func student(_ id: String, _ prefs: [String]) -> Student {
    Student(id: id, school: "X", cluster: "it", preferences: prefs)
  }

  /// A: W1, W2; B: W2, W1. W1 ranks B, A; W2 ranks A, B. One seat each. Students proposing get
  /// their first choices (A→W1, B→W2); worksites proposing get theirs (W1→B, W2→A). Both are
  /// stable.
  func crossedMarket(listA: [String] = ["W1", "W2"]) throws -> PlacementInstance {
    try PlacementInstance(
      students: [student("A", listA), student("B", ["W2", "W1"])],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) },
      rankings: [
        WorksiteRanking(worksite: "W1", student: "B", rank: 1),
        WorksiteRanking(worksite: "W1", student: "A", rank: 2),
        WorksiteRanking(worksite: "W2", student: "A", rank: 1),
        WorksiteRanking(worksite: "W2", student: "B", rank: 2),
      ])
  }

  @Test("worked example: each side's proposals give that side its optimum")
  func workedExample() throws {
    let instance = try crossedMarket()
    let workers = try WorksiteProposingStableStrategy(seed: 0).place(instance)
    let students = try StableStrategy(seed: 0).place(instance)
    #expect(workers.placement.assignment == [1, 0])
    #expect(students.placement.assignment == [0, 1])
    let priorities = WorksitePriorities(instance: instance, seed: 0)
    #expect(instance.blockingPairs(in: workers.placement, priorities: priorities).isEmpty)
    #expect(instance.violations(in: workers.placement).isEmpty)
  }

  @Test("is not strategy-proof for students: A gains by listing only W1 (the search finds it)")
  func manipulable() throws {
    let instance = try crossedMarket()
    let lying = try crossedMarket(listA: ["W1"])
    #expect(try WorksiteProposingStableStrategy(seed: 0).place(lying).placement.assignment[0] == 0)
    #expect(
      try Manipulation.find(instance, strategy: WorksiteProposingStableStrategy(seed: 0)) != nil)
  }

  @Test(
    "equals the worksite-optimal (student-pessimal) stable placement found by enumeration",
    arguments: 0..<400)
  func worksiteOptimal(seed: Int) throws {
    let instance = RandomMarkets.make(seed: UInt64(seed))
    let priorities = WorksitePriorities(instance: instance, seed: UInt64(seed))
    let result = try WorksiteProposingStableStrategy(seed: UInt64(seed)).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    #expect(instance.blockingPairs(in: result.placement, priorities: priorities).isEmpty)
    let stable = StableEnumeration.stablePlacements(instance, priorities: priorities)
    #expect(stable.contains(result.placement), "worksite-proposing DA's placement is not stable")
    for other in stable {
      for s in 0..<instance.students.count {
        let mine = StableEnumeration.value(
          of: result.placement.worksite(of: s), for: s, in: instance)
        let theirs = StableEnumeration.value(of: other.worksite(of: s), for: s, in: instance)
        #expect(mine >= theirs, "student \(s) is worse off in another stable placement")
      }
    }
  }

  @Test("larger random markets: stable and valid", arguments: 0..<40)
  func largerMarkets(seed: Int) throws {
    let instance = RandomMarkets.make(seed: UInt64(5000 + seed), maxStudents: 30, maxWorksites: 8)
    let priorities = WorksitePriorities(instance: instance, seed: UInt64(seed))
    let result = try WorksiteProposingStableStrategy(seed: UInt64(seed)).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    #expect(instance.blockingPairs(in: result.placement, priorities: priorities).isEmpty)
    // The rural-hospitals theorem: the same students are placed in every stable placement.
    let student = try StableStrategy(seed: UInt64(seed)).place(instance)
    #expect(result.objective.placed == student.objective.placed)
  }

  @Test("refuses side constraints it cannot honour")
  func unsupported() throws {
    let instance = try PlacementInstance(
      students: [student("A", ["W"]), student("B", ["W"])],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 2)],
      rules: PlacementRules(links: [StudentLink(first: "A", second: "B")]))
    #expect(WorksiteProposingStableStrategy(seed: 0).unsupportedRules(in: instance) == [.links])
    #expect(
      throws: SolverError.unsupportedRule(
        "stable-worksite-proposing cannot honour links; use optimal, which honours every side "
          + "constraint")
    ) { try WorksiteProposingStableStrategy(seed: 0).place(instance) }
  }
}
