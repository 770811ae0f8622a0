import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

/// Each phase of the primal–dual core searches backwards from the seats
/// (`PrimalDualAssignment.searchesFromSeats`): it must augment exactly the paths the forward
/// search from the free students augments, and its potentials must still certify the flow.
@Suite("Primal-dual search from the seats")
struct SeatSearchTests {
  @Test("three students for one seat: same placement and phases both ways, certified")
  func congested() {
    // Students 0 and 1 list only worksite 0 (one seat); student 2 lists 0, then 1 (one seat).
    let make = { (fromSeats: Bool) in
      PrimalDualAssignment(
        entryStart: [0, 1, 2, 4], entryWorksite: [0, 0, 0, 1], entryCost: [1, 1, 1, 2],
        capacity: [1, 1], searchesFromSeats: fromSeats)
    }
    let backward = make(true)
    let forward = make(false)
    backward.solve()
    forward.solve()
    #expect(backward.placed == 2)
    #expect(backward.phases == forward.phases)
    #expect((0..<3).map(backward.assignedWorksite) == (0..<3).map(forward.assignedWorksite))
    let potentials = backward.circulationPotentials(returnCost: 5)
    #expect(backward.satisfiesComplementarySlackness(potentials, returnCost: 5))
  }

  @Test(
    "same placements, phases, paths as the forward search; marks checked; certified (500 seeds)",
    arguments: RankCost.allCases)
  func matchesForwardSearch(cost: RankCost) {
    var unplaced = 0
    for seed in UInt64(1)...500 {
      let instance = RandomInstances.make(
        seed: seed &* 40_503 &+ 17, maxStudents: 150, maxWorksites: 16)
      let (backward, forward, start, entryCost) = Self.solvedBothWays(
        instance, rankCost: cost, checksMarking: true)
      let students = start.count - 1
      // Each phase's marks (worksites and free students reaching a free seat) against the
      // breadth-first search from the seats, both ways (see `SinkMarkingTests`).
      #expect(backward.markingMismatches == 0 && forward.markingMismatches == 0, "seed \(seed)")
      #expect(
        (0..<students).map { backward.assignedEntry(of: $0) }
          == (0..<students).map { forward.assignedEntry(of: $0) }, "seed \(seed)")
      #expect(backward.phases == forward.phases, "seed \(seed)")
      #expect(backward.augmentations == forward.augmentations, "seed \(seed)")
      #expect(backward.repeatedPhases == 0, "seed \(seed)")
      let returnCost = 1 + entryCost.reduce(0, +)
      #expect(
        backward.satisfiesComplementarySlackness(
          backward.circulationPotentials(returnCost: returnCost), returnCost: returnCost),
        "seed \(seed)")
      unplaced += (0..<students).filter { start[$0] < start[$0 + 1] }.count - backward.placed
    }
    // The instances are crowded: students with choices left unplaced make the backward search
    // stop short of some free students, which is what the test is about.
    #expect(unplaced > 1000)
  }

  /// The instance's entries (see ``entries(of:rankCost:)``) solved by the backward search and
  /// by the forward one, each checking its marks in every phase when `checksMarking`.
  static func solvedBothWays(
    _ instance: PlacementInstance, rankCost: RankCost, checksMarking: Bool = false
  ) -> (
    backward: PrimalDualAssignment, forward: PrimalDualAssignment, entryStart: [Int32],
    entryCost: [Int]
  ) {
    let (start, worksite, entryCost, capacity) = entries(of: instance, rankCost: rankCost)
    let flows = [true, false].map { fromSeats in
      let flow = PrimalDualAssignment(
        entryStart: start, entryWorksite: worksite, entryCost: entryCost, capacity: capacity,
        searchesFromSeats: fromSeats)
      flow.checksMarking = checksMarking
      flow.solve()
      return flow
    }
    return (flows[0], flows[1], start, entryCost)
  }

  /// Every eligible entry of the instance, unpruned, in the core's CSR form.
  static func entries(of instance: PlacementInstance, rankCost: RankCost)
    -> (start: [Int32], worksite: [Int32], cost: [Int], capacity: [Int32])
  {
    let choices = instance.choices
    var start: [Int32] = [0]
    var worksite: [Int32] = []
    var cost: [Int] = []
    for s in instance.students.indices {
      for c in choices.range(of: s) {
        worksite.append(choices.worksite[c])
        cost.append(rankCost.cost(ofRank: Int(choices.rank[c])))
      }
      start.append(Int32(worksite.count))
    }
    return (start, worksite, cost, instance.worksites.map { Int32($0.capacity) })
  }
}
