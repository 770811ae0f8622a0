import InternMatchGenerator
import InternMatchModel
import InternMatchReport
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

@Suite("Rank-maximal strategy")
struct RankMaximalStrategyTests {
  func profile(_ instance: PlacementInstance) throws -> [Int] {
    let result = try RankMaximalStrategy().place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    return OutcomeMetrics(instance: instance, placement: result.placement).rankProfile
  }

  @Test("worked example: as many first choices as possible")
  func firstChoicesFirst() throws {
    // One seat at W1 and one at W2. A: W1. B: W2, W1. C: W2. Two first choices are possible
    // (A→W1 and B or C→W2), and no placement has more: profile [2].
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W1"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W2", "W1"]),
        Student(id: "C", school: "X", cluster: "it", preferences: ["W2"]),
      ],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) })
    #expect(try profile(instance) == [2])
  }

  @Test("worked example: a second choice can cost a first choice elsewhere")
  func lexicographic() throws {
    // W1 and W2 one seat each. A: W1, W2. B: W1. Rank-maximal: one first choice is the most
    // possible (both want W1 first); then A→W2 (rank 2) with B→W1 gives [1, 1].
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W1", "W2"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W1"]),
      ],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) })
    #expect(try profile(instance) == [1, 1])
  }

  @Test("the profile equals the brute-force lexicographic maximum on seeded random instances")
  func bruteForce() throws {
    for seed in UInt64(1)...300 {
      let instance = RandomInstances.make(seed: seed &* 31)
      #expect(try profile(instance) == BruteForce.bestProfile(instance), "seed \(seed)")
    }
  }

  @Test("pins keep their seats; the rest is rank-maximal among what is left")
  func pins() throws {
    // W1 one seat, pinned to P (who lists only W2). A: W1, W2. B: W2. Without the pin A→W1 and
    // B→W2 give [2]; with it, W1 is gone and W2 goes to B, a first choice, rather than to A, a
    // second: profile [1], with P placed off their list.
    let instance = try PlacementInstance(
      students: [
        Student(id: "P", school: "X", cluster: "it", preferences: ["W2"]),
        Student(id: "A", school: "X", cluster: "it", preferences: ["W1", "W2"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W2"]),
      ],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) },
      rules: PlacementRules(pins: [Pin(student: "P", worksite: "W1")]))
    let result = try RankMaximalStrategy().place(instance)
    #expect(result.placement.worksite(of: 0) == 0)
    #expect(instance.violations(in: result.placement).isEmpty)
    #expect(result.placement.assignment == [0, -1, 1])
    #expect(OutcomeMetrics(instance: instance, placement: result.placement).rankProfile == [1])
  }

  @Test(
    "equals brute force with pins, school limits, employer capacities, reserves and floors",
    arguments: 0..<200)
  func sideRules(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed), networkOnly: true)
    if instance.worksites.contains(where: { $0.maxPerSchool != nil && !$0.reserves.isEmpty }) {
      let error = #expect(throws: SolverError.self) { try RankMaximalStrategy().place(instance) }
      #expect(error?.kind == .unsupportedRule)
      return
    }
    #expect(try profile(instance) == BruteForce.bestProfile(instance))
  }
}

@Suite("Rank-maximal matching (Irving et al., capacitated) against the staged network")
struct RankMaximalMatchingTests {
  func profile(_ placement: Placement, _ instance: PlacementInstance) -> [Int] {
    OutcomeMetrics(instance: instance, placement: placement).rankProfile
  }

  @Test("the matching is used without side rules, and its profile is the brute-force best")
  func bruteForce() throws {
    for seed in UInt64(1)...300 {
      let instance = RandomInstances.make(seed: seed &* 7919)
      guard RankMaximalStrategy.matchingApplies(to: instance) else { continue }
      let result = try RankMaximalStrategy().place(instance)
      #expect(result.solver == "rank-maximal-matching")
      #expect(
        profile(result.placement, instance) == BruteForce.bestProfile(instance), "seed \(seed)")
    }
  }

  @Test("the same profile as the staged network simplex", arguments: 0..<120)
  func staged(seed: Int) throws {
    let instance = RandomInstances.make(
      seed: UInt64(seed) &* 104_729 &+ 5, maxStudents: 40, maxWorksites: 12)
    let fast = try RankMaximalStrategy().place(instance)
    let staged = try #require(try RankMaximalStrategy.stages(instance, floor: nil))
    #expect(profile(fast.placement, instance) == profile(staged.placement, instance))
  }

  @Test("phases stop once every seat is taken (300 students × 30 choices, 150 seats)")
  func stopsWhenSaturated() throws {
    // Every student lists all 30 worksites (a seeded order) of 5 seats: about 10 first choices
    // per worksite fill the 150 seats within the first ranks, and no phase runs after that
    // (without the stop, one phase per rank: 30).
    var random = SplitMix64(seed: 3)
    let sites = (0..<30).map { "W\($0)" }
    let students = (0..<300).map { i in
      Student(
        id: "S\(i)", school: "X", cluster: "it",
        preferences: sites.shuffled(using: &random))
    }
    let instance = try PlacementInstance(
      students: students, worksites: sites.map { Worksite(id: $0, cluster: "it", capacity: 5) })
    let result = try RankMaximalStrategy().place(instance)
    #expect(result.solver == "rank-maximal-matching")
    #expect(result.placement.placedCount == 150)
    let phases = try #require(result.statistics["phases"])
    #expect(phases < 30, "phases \(phases)")
    let staged = try #require(try RankMaximalStrategy.stages(instance, floor: nil))
    #expect(profile(result.placement, instance) == profile(staged.placement, instance))
  }

  @Test("a generated 3,000-student cohort: the same profile as the staged network")
  func generatedCohort() throws {
    let cohort = CohortGenerator(.init(studentCount: 3000, seed: 4)).generate()
    let instance = try PlacementInstance(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
    let fast = try RankMaximalStrategy().place(instance)
    #expect(fast.solver == "rank-maximal-matching")
    let staged = try #require(try RankMaximalStrategy.stages(instance, floor: nil))
    #expect(profile(fast.placement, instance) == profile(staged.placement, instance))
  }
}
