import InternMatchGenerator
import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Optimal with minimum groups and links (GLPK branch-and-cut)")
struct PlacementMIPTests {
  func student(_ id: String, school: String = "X", _ prefs: [String]) -> Student {
    Student(id: id, school: school, cluster: "it", preferences: prefs)
  }

  func solve(_ instance: PlacementInstance, _ backend: OptimalStrategy.Backend = .network) throws
    -> PlacementResult
  {
    let result = try OptimalStrategy(backend: backend).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    return result
  }

  @Test("minimum group: a worksite only one student wants stays empty; two fill it")
  func minimumGroup() throws {
    // G needs 2 or nobody. A: G, V. B: V. Only A wants G, so G stays empty; A and B compete
    // for V's one seat: one placed (cost 1 with B, or 2 with A: B).
    let alone = try PlacementInstance(
      students: [student("A", ["G", "V"]), student("B", ["V"])],
      worksites: [
        Worksite(id: "G", cluster: "it", capacity: 3, minimumGroupSize: 2),
        Worksite(id: "V", cluster: "it", capacity: 1),
      ])
    let first = try solve(alone)
    #expect(first.placement.assignment == [-1, 1])
    #expect(first.solver.hasPrefix("glpk-branch-and-cut"))
    // With C also listing G, A and C fill it: everyone placed at cost 1 + 1 + 1.
    let pair = try PlacementInstance(
      students: [student("A", ["G", "V"]), student("B", ["V"]), student("C", ["G"])],
      worksites: alone.worksites)
    #expect(try solve(pair).objective == PlacementObjective(placed: 3, cost: 3))
  }

  @Test("links: together at a common choice, or both unplaced")
  func links() throws {
    // A: W1, W2. B: W2, W3. Linked, they can share only W2 (2 seats): both there at cost 2 + 1.
    let worksites = ["W1", "W2", "W3"].map { Worksite(id: $0, cluster: "it", capacity: 2) }
    let linked = try PlacementInstance(
      students: [student("A", ["W1", "W2"]), student("B", ["W2", "W3"])], worksites: worksites,
      rules: PlacementRules(links: [StudentLink(first: "A", second: "B")]))
    let together = try solve(linked)
    #expect(together.placement.assignment == [1, 1])
    #expect(together.objective == PlacementObjective(placed: 2, cost: 3))
    // No common choice: both stay unplaced.
    let apart = try PlacementInstance(
      students: [student("A", ["W1"]), student("B", ["W3"])], worksites: worksites,
      rules: PlacementRules(links: [StudentLink(first: "A", second: "B")]))
    #expect(try solve(apart).placement.assignment == [-1, -1])
  }

  @Test("equals brute force with every side constraint", arguments: 0..<250)
  func bruteForce(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed))
    let best = BruteForce.bestObjective(instance, rankCost: .linear)
    guard let best else {
      let error = #expect(throws: SolverError.self) { try OptimalStrategy().place(instance) }
      #expect(error?.kind == .infeasible)
      return
    }
    let result = try solve(instance)
    #expect(result.objective == best)
    if BruteForce.meetsFloors(result.placement, instance) == false {
      #expect(!result.diagnostics.isEmpty, "floors missed without a diagnosis")
    }
  }

  @Test("network core and GLPK agree with network side constraints", arguments: 0..<250)
  func networkAgreesWithGLPK(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed), networkOnly: true)
    let network = try solve(instance, .network)
    let glpk = try solve(instance, .glpk)
    #expect(network.objective == glpk.objective)
    #expect(network.objective == BruteForce.bestObjective(instance, rankCost: .linear))
  }

  @Test("a time limit gives a feasible placement with its gap", arguments: 0..<120)
  func timeLimit(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed))
    guard instance.rules.schoolFloor == nil,
      let best = BruteForce.bestObjective(instance, rankCost: .linear)
    else { return }
    // A limit too short to solve anything: the answer is the network relaxation, repaired (or,
    // when a pin blocks the repair, GLPK's first integer solution): never a throw.
    let strategy = OptimalStrategy(timeLimitSeconds: 1e-9)
    let result = try strategy.place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    #expect(!(result.objective < best), "better than the optimum")
    if result.statistics["mip_proven_optimal"] == 0 {
      #expect(result.diagnostics.contains { $0.contains("may not be optimal") })
    }
  }

  /// 1,500 generated students, minimum groups on 10% of the worksites, 40 linked pairs.
  static let cohort = CohortGenerator(
    .init(studentCount: 1500, seed: 3, minimumGroupShare: 0.1, linkedPairs: 40)
  ).generate()

  /// ``cohort`` as an instance.
  static func generatedInstance() throws -> PlacementInstance {
    try PlacementInstance(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
      rules: cohort.rules)
  }

  @Test("a generated cohort with minimum groups and links, proven optimal")
  func generatedCohort() throws {
    let cohort = Self.cohort
    let instance = try Self.generatedInstance()
    #expect(instance.sideRules == [.minimumGroup, .links])
    let result = try solve(instance)
    #expect(result.statistics["mip_proven_optimal"] == 1)
    #expect(result.statistics["mip_rank_cost_gap"] == 0, "a proven optimum has no cost gap")
    #expect(result.statistics["mip_placed_gap"] == 0)
    // Never better than the network optimum without those rows, which bounds it.
    var relaxed = instance.worksites
    for j in relaxed.indices { relaxed[j].minimumGroupSize = nil }
    let bound = try OptimalStrategy().place(
      PlacementInstance(students: cohort.students, worksites: relaxed, rankings: cohort.rankings))
    #expect(!(result.objective < bound.objective))

    // One millisecond is not enough: a feasible placement, no better than the optimum, with
    // the gap said.
    let hurried = try OptimalStrategy(timeLimitSeconds: 0.001).place(instance)
    #expect(instance.violations(in: hurried.placement).isEmpty)
    #expect(hurried.statistics["mip_proven_optimal"] == 0)
    #expect(!(hurried.objective < result.objective))
    #expect(hurried.diagnostics.contains { $0.contains("may not be optimal") })

    // A gap never costs a placed student: every gap places exactly the proven maximum, and
    // the cost gap it reports (at that count) is within the asked share of its rank cost.
    for share in [0.001, 0.01, 0.2, 1] {
      var policy = Policy()
      policy.mipGap = share
      let tolerant = try solve(
        PlacementInstance(
          students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
          policy: policy, rules: cohort.rules))
      #expect(tolerant.objective.placed == result.objective.placed, "mip_gap \(share)")
      #expect(tolerant.statistics["mip_max_placed_proven"] == 1)
      let gap = try #require(tolerant.statistics["mip_rank_cost_gap"])
      #expect(Double(gap) <= share * Double(tolerant.objective.cost))
      #expect(tolerant.objective.cost - result.objective.cost <= gap)
    }
  }
}
