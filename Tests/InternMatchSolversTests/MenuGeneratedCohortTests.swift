import InternMatchGenerator
import InternMatchModel
import InternMatchSolvers
import Testing

/// `optimal` on small generated menu cohorts (`generate --activities`): tours and mock
/// interviews whose slots conflict, career days, teachers. The network start with slots given
/// greedily, slots given with repairs and GLPK's search over every set must all reach one
/// lexicographic optimum.
@Suite("Optimal strategy: generated menu cohorts")
struct MenuGeneratedCohortTests {
  @Test("every path to the optimum agrees, and each placement keeps every rule", arguments: 1...4)
  func pathsAgree(seed: UInt64) throws {
    let cohort = CohortGenerator(.init(studentCount: 120, seed: seed, activities: true))
      .generate()
    let instance = try PlacementInstance(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
      rules: cohort.rules)
    #expect(instance.sideRules.contains(.slots))
    let strategy = OptimalStrategy()
    let results = [
      try strategy.placeMenu(instance),
      try strategy.placeMenu(instance, alwaysSearch: false, repairAbove: 0),
      try strategy.placeMenu(instance, alwaysSearch: true),
    ]
    for result in results {
      #expect(instance.violations(in: result.placement).isEmpty, "seed \(seed)")
      #expect(result.status == .optimal, "seed \(seed): \(result.solver)")
      #expect(result.objective == results[2].objective, "seed \(seed): \(result.solver)")
      #expect(result.objective == instance.objective(of: result.placement, rankCost: .linear))
    }
    // The MIP is GLPK's and proven; the cohort places tours and interviews.
    #expect(results[2].solver.hasPrefix("glpk-branch-and-cut"))
    #expect(results[2].statistics["mip_proven_optimal"] == 1)
    let menu = try #require(instance.activities)
    #expect(results[0].objective.levels[menu.level(of: .workplaceTour)].placed > 0)
    #expect(results[0].objective.levels[menu.level(of: .mockInterview)].placed > 0)
  }
}
