import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

@Suite("The MIP's reductions keep its optimum")
struct MIPReductionTests {
  func solve(_ instance: PlacementInstance, reduced: Bool) throws -> PlacementMIP {
    var limits = PlacementMIP.Limits(timeLimitSeconds: 60)
    limits.reducedCostFixing = reduced
    let mip = try PlacementMIP(instance, rankCost: .linear, limits: limits)
    #expect(instance.violations(in: mip.placement).isEmpty)
    return mip
  }

  @Test("the column map follows removals and appends")
  func columnMap() {
    var map = PlacementMIP.ColumnMap(columns: 4)
    map.remove([(column: 1, value: 0), (column: 3, value: 1)])
    #expect(map.original == [0, 2])
    #expect(map.current == [0, -1, 1, -1])
    map.append(1)
    #expect(map.original == [0, 2, 1])
    #expect(map.expand([5, 6, 7]) == [5, 7, 6, 1])
    #expect(map.restrict([5, 7, 6, 1]) == [5, 6, 7])
    #expect(map.restrict([5, 7, 6, 0]) == nil, "column 3 is held at 1")
  }

  @Test("pricing and reduced-cost fixing: the same optimum as the full model", arguments: 0..<250)
  func seeded(seed: Int) throws {
    let instance = RandomInstances.withSideRules(seed: UInt64(seed))
    guard let full = try? solve(instance, reduced: false) else {
      #expect(throws: SolverError.self) { try solve(instance, reduced: true) }
      return
    }
    let reduced = try solve(instance, reduced: true)
    #expect(reduced.objective == full.objective)
    #expect(reduced.status == full.status)
    #expect(full.fixedColumns == 0)
  }

  @Test("pricing and fixing on a generated cohort: columns out, the same proven optimum")
  func generatedCohort() throws {
    let instance = try PlacementMIPTests.generatedInstance()
    let full = try solve(instance, reduced: false)
    let reduced = try solve(instance, reduced: true)
    #expect(full.status == .optimal)
    #expect(reduced.status == .optimal)
    #expect(reduced.objective == full.objective)
    #expect(reduced.fixedColumns > 0, "nothing set aside or fixed")
  }
}
