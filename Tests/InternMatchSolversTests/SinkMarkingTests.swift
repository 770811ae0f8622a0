import InternMatchGenerator
import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

/// Each phase of the primal–dual core marks the worksites (and free students) that reach a free
/// seat by sweeps over the students (`markWorksitesReachingSink`); every phase here checks those
/// marks against the breadth-first search from the seats, which marks every node that does.
@Suite("Primal-dual marking of the nodes reaching a free seat")
struct SinkMarkingTests {
  @Test(
    "marks equal the breadth-first search's in every phase, both searches (400 seeds)",
    arguments: RankCost.allCases)
  func seededInstances(cost: RankCost) {
    var phases = 0
    for seed in UInt64(1)...400 {
      let instance = RandomInstances.make(
        seed: seed &* 7_919 &+ 3, maxStudents: 160, maxWorksites: 18)
      let (start, worksite, entryCost, capacity) = SeatSearchTests.entries(
        of: instance, rankCost: cost)
      let flows = [true, false].map { fromSeats in
        let flow = PrimalDualAssignment(
          entryStart: start, entryWorksite: worksite, entryCost: entryCost, capacity: capacity,
          searchesFromSeats: fromSeats)
        flow.checksMarking = true
        flow.solve()
        return flow
      }
      let students = start.count - 1
      for flow in flows {
        #expect(flow.markingMismatches == 0, "seed \(seed)")
        #expect(flow.repeatedPhases == 0, "seed \(seed)")
      }
      #expect(
        (0..<students).map { flows[0].assignedEntry(of: $0) }
          == (0..<students).map { flows[1].assignedEntry(of: $0) }, "seed \(seed)")
      phases += flows[0].phases
    }
    // Crowded instances with two or three phases each (the ranks are short), so that phases
    // with few seats left and many free students are checked too.
    #expect(phases > 900)
  }

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
