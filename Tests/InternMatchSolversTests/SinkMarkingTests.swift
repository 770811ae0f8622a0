import InternMatchGenerator
import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

/// Each phase of the primal–dual core marks the worksites (and free students) that reach a free
/// seat by sweeps over the students (`markWorksitesReachingSink`); every phase here checks those
/// marks against the breadth-first search from the seats, which marks every node that does.
/// (`SeatSearchTests` checks them on 1,000 seeded crowded instances, both searches.)
@Suite("Primal-dual marking of the nodes reaching a free seat")
struct SinkMarkingTests {
  @Test("a generated cohort: marks checked in every phase, chains of several passes, certified")
  func generatedCohort() throws {
    let cohort = CohortGenerator(.init(studentCount: 3_000, seed: 5)).generate()
    let instance = try PlacementInstance(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
    let (start, worksite, entryCost, capacity) = SeatSearchTests.entries(
      of: instance, rankCost: .linear)
    let flow = PrimalDualAssignment(
      entryStart: start, entryWorksite: worksite, entryCost: entryCost, capacity: capacity)
    flow.checksMarking = true
    flow.solve()
    #expect(flow.markingMismatches == 0)
    #expect(flow.repeatedPhases == 0)
    #expect(flow.phases >= 10)
    // Marks that climb against the student order take more than one marking pass plus the
    // final one that marks nothing.
    #expect(flow.mostMarkingPasses >= 3)
    let returnCost = 1 + entryCost.reduce(0, +)
    #expect(
      flow.satisfiesComplementarySlackness(
        flow.circulationPotentials(returnCost: returnCost), returnCost: returnCost))
  }
}
