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

  @Test(
    "a deadline already past: a valid placement, never a throw; its bounds hold against brute force",
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
    #expect(!(mip.objective < best), "better than the optimum")
    if mip.status == .optimal { #expect(mip.objective == best) }
    // Whatever bound it reports holds: no placement places more than placed + placedGap, and
    // with the maximum proven none at that count costs less than cost − costGap.
    if let levels = mip.levels {
      #expect(mip.objective.placed + levels.placedGap >= best.placed)
      if levels.maximumPlacedProven {
        #expect(mip.objective.placed == best.placed)
        #expect(mip.objective.cost - (levels.costGap ?? 0) <= best.cost)
      }
    }
  }

  @Test(
    "a model too large for GLPK: the core starts the relaxation, the repair answers, its bounds hold (brute force)",
    arguments: 0..<250)
  func tooLargeForGLPK(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed))
    guard instance.rules.schoolFloor == nil,
      let best = BruteForce.bestObjective(instance, rankCost: .linear)
    else { return }
    var limits = PlacementMIP.Limits(timeLimitSeconds: 600)
    limits.largestLP = 0
    // With time, and with none (the core stopped before its first phase: its empty flow).
    for deadline in [ContinuousClock.now + .seconds(600), .now - .seconds(1)] {
      let mip = try PlacementMIP(instance, rankCost: .linear, limits: limits, deadline: deadline)
      #expect(instance.violations(in: mip.placement).isEmpty)
      #expect(!(mip.objective < best), "better than the optimum")
      if mip.status == .optimal { #expect(mip.objective == best) }
      if let levels = mip.levels {
        #expect(mip.objective.placed + levels.placedGap >= best.placed, "seed \(seed)")
        if levels.maximumPlacedProven {
          #expect(mip.objective.placed == best.placed)
          #expect(mip.objective.cost - (levels.costGap ?? 0) <= best.cost)
        }
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
    #expect(!mip.branchAndCut)
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
    #expect(instance.violations(in: mip.placement).isEmpty)
    #expect(!(mip.objective < proven.objective), "better than the optimum")
    if mip.status == .optimal { #expect(mip.objective == proven.objective) }
    if tooLargeForGLPK { #expect(mip.status == .feasible && !mip.branchAndCut) }
    if let levels = mip.levels {
      #expect(mip.objective.placed + levels.placedGap >= proven.objective.placed)
      if levels.maximumPlacedProven {
        #expect(mip.objective.placed == proven.objective.placed)
        #expect(mip.objective.cost - (levels.costGap ?? 0) <= proven.objective.cost)
      }
    }
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
