import InternMatchGenerator
import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

@Suite("The MIP's time limit bounds the whole solve")
struct MIPDeadlineTests {
  /// A solve whose deadline has already passed when it starts: every stage stops at its first
  /// check.
  func hurried(_ instance: PlacementInstance, gap: Double = 0) throws -> PlacementMIP {
    try PlacementMIP(
      instance, rankCost: .linear,
      limits: .init(timeLimitSeconds: 0.001, relativeGap: gap), deadline: .now - .seconds(1))
  }

  /// Whatever `mip` claims holds against the optimum `best`: valid, never better, optimal only
  /// at it; no placement places more than placed + placedGap, and with the maximum proven none
  /// at that count costs less than cost − costGap.
  static func expectClaimsHold(
    _ mip: PlacementMIP, in instance: PlacementInstance, best: PlacementObjective,
    _ context: Comment = ""
  ) {
    #expect(instance.violations(in: mip.placement).isEmpty, context)
    #expect(!(mip.objective < best), "better than the optimum; \(context)")
    if mip.status == .optimal { #expect(mip.objective == best, context) }
    guard let levels = mip.levels else { return }
    #expect(mip.objective.placed + levels.placedGap >= best.placed, context)
    if levels.maximumPlacedProven {
      #expect(mip.objective.placed == best.placed, context)
      #expect(mip.objective.cost - (levels.costGap ?? 0) <= best.cost, context)
    }
  }

  @Test(
    "a deadline already past, and a model as if too large for GLPK: its bounds hold (brute force)",
    arguments: 0..<250)
  func seeded(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed))
    guard let best = BruteForce.bestObjective(instance, rankCost: .linear) else {
      let error = #expect(throws: SolverError.self) { try hurried(instance) }
      #expect(error?.kind == .infeasible)
      return
    }
    // With no placement known when the deadline passes (a school floor, a pin the repair
    // cannot keep), the search goes on to its first one: a result every time.
    let mip = try hurried(instance)
    #expect(instance.violations(in: mip.placement).isEmpty)
    #expect(mip.objective == instance.objective(of: mip.placement, rankCost: .linear))
    guard instance.rules.schoolFloor == nil else { return }
    Self.expectClaimsHold(mip, in: instance, best: best, "seed \(seed)")
    // As a model above PlacementMIP.largestLP: the core's flow is the relaxation, the repair
    // answers — with time, and with none (the core stopped before its first phase).
    var limits = PlacementMIP.Limits(timeLimitSeconds: 600)
    limits.largestLP = 0
    for deadline in [ContinuousClock.now + .seconds(600), .now - .seconds(1)] {
      let large = try PlacementMIP(instance, rankCost: .linear, limits: limits, deadline: deadline)
      Self.expectClaimsHold(large, in: instance, best: best, "seed \(seed), as too large")
      // With the relaxation solved (a bound known), the size stopped it, not the time limit:
      // said so (the summary names the size), unless GLPK had to find the placement after all.
      if large.status == .feasible, large.levels != nil, !large.branchAndCut {
        #expect(large.tooLargeForGLPK, "seed \(seed)")
      }
    }
  }

  @Test("a generated cohort stopped in its network relaxation: feasible, no bound claimed")
  func stoppedRelaxation() throws {
    let instance = try PlacementMIPTests.generatedInstance()
    let proven = try PlacementMIP(instance, rankCost: .linear, limits: .init(timeLimitSeconds: 600))
    #expect(proven.status == .optimal)
    let mip = try hurried(instance)
    #expect(mip.status == .feasible)
    #expect(instance.violations(in: mip.placement).isEmpty)
    #expect(!(mip.objective < proven.objective))
    #expect(mip.levels == nil && mip.gap == nil, "a bound from a relaxation that was not solved")
    #expect(!mip.branchAndCut && !mip.tooLargeForGLPK)
    #expect(mip.diagnostics.contains { $0.contains("network relaxation was not solved") })
    // A gap changes nothing: with no bound nothing can be proven within it.
    let tolerant = try hurried(instance, gap: 0.5)
    #expect(tolerant.status == .feasible)
    #expect(tolerant.placement == mip.placement)
  }

  @Test(
    "short real limits on a 4,000-student cohort: ended near the limit, every gap claimed true",
    arguments: [0.02, 0.1, 0.4], [false, true])
  func nearTheLimit(seconds: Double, tooLargeForGLPK: Bool) throws {
    let instance = try Self.moderate
    let proven = try #require(Self.provenModerate)
    var limits = PlacementMIP.Limits(timeLimitSeconds: seconds)
    // As a million students' model: the core first, no GLPK.
    if tooLargeForGLPK { limits.largestLP = 0 }
    let started = ContinuousClock.now
    let mip = try PlacementMIP(instance, rankCost: .linear, limits: limits)
    let elapsed = ContinuousClock.now - started
    // The documented overrun: the presolve and model before the first look at the clock, one
    // phase of the core or 1,024 pivots, the repair (a debug build, a loaded machine: 3 s).
    #expect(elapsed < .seconds(seconds) + .seconds(3), "\(elapsed) for a \(seconds) s limit")
    Self.expectClaimsHold(mip, in: instance, best: proven.objective)
    if tooLargeForGLPK { #expect(mip.status == .feasible && !mip.branchAndCut) }
  }

  /// 4,000 generated students, minimum groups on 5% of the worksites, 20 linked pairs.
  static var moderate: PlacementInstance {
    get throws {
      let cohort = CohortGenerator(
        .init(studentCount: 4000, seed: 5, minimumGroupShare: 0.05, linkedPairs: 20)
      ).generate()
      return try PlacementInstance(
        students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
        rules: cohort.rules)
    }
  }

  /// ``moderate`` proven optimal (once for every limit).
  static let provenModerate: PlacementMIP? = try? PlacementMIP(
    moderate, rankCost: .linear, limits: .init(timeLimitSeconds: 600))

  @Test("a short limit through the strategy: feasible, valid, said so in the statistics")
  func strategy() throws {
    let instance = try PlacementMIPTests.generatedInstance()
    let result = try OptimalStrategy(timeLimitSeconds: 0.001).place(instance)
    #expect(result.status == .feasible)
    #expect(instance.violations(in: result.placement).isEmpty)
    #expect(result.statistics["mip_proven_optimal"] == 0)
    #expect(result.statistics["mip_max_placed_proven"] != nil)
    #expect(result.diagnostics.contains { $0.contains("may not be optimal") })
  }
}
