import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchSolvers

@Suite("Primal-dual assignment")
struct PrimalDualAssignmentTests {
  @Test("the doc example: the cheaper student keeps the contested seat's neighbour free")
  func docExample() {
    // Student 0 lists worksite 0 (cost 1); student 1 lists worksite 0 (cost 1) and 1 (cost 2).
    // Both placed: 0 → 0, 1 → 1, cost 3.
    let flow = PrimalDualAssignment(
      entryStart: [0, 1, 3], entryWorksite: [0, 0, 1], entryCost: [1, 1, 2], capacity: [1, 1])
    flow.solve()
    #expect(flow.assignedWorksite(0) == 0)
    #expect(flow.assignedWorksite(1) == 1)
    #expect(flow.placed == 2)
    let potentials = flow.circulationPotentials(returnCost: 4)
    #expect(flow.satisfiesComplementarySlackness(potentials, returnCost: 4))
  }

  @Test("potentials that are not optimal duals are rejected")
  func certificateRejects() {
    let flow = PrimalDualAssignment(
      entryStart: [0, 2], entryWorksite: [0, 1], entryCost: [1, 5], capacity: [1, 1])
    flow.solve()
    #expect(flow.assignedWorksite(0) == 0)
    var potentials = flow.circulationPotentials(returnCost: 6)
    #expect(flow.satisfiesComplementarySlackness(potentials, returnCost: 6))
    // Make the unused rank-5 arc look cheaper than the used one.
    potentials.worksite[1] = potentials.worksite[0] + 10
    #expect(!flow.satisfiesComplementarySlackness(potentials, returnCost: 6))
  }

  @Test("students whose choices are all full stay free; no augmenting path is missed")
  func congested() {
    // Three students want the single seat at worksite 0; student 2 can also go to 1.
    let flow = PrimalDualAssignment(
      entryStart: [0, 1, 2, 4], entryWorksite: [0, 0, 0, 1], entryCost: [1, 1, 1, 2],
      capacity: [1, 1])
    flow.solve()
    #expect(flow.placed == 2)
    #expect(flow.assignedWorksite(2) == 1 || flow.assignedWorksite(2) == 0)
    #expect(
      flow.satisfiesComplementarySlackness(flow.circulationPotentials(returnCost: 5), returnCost: 5)
    )
  }

  @Test(
    "agrees with network simplex on the big-M circulation for crowded seeded instances",
    arguments: RankCost.allCases)
  func agreesWithNetworkSimplex(cost: RankCost) throws {
    for seed in UInt64(1)...60 {
      let instance = RandomInstances.make(
        seed: seed &* 6_700_417, maxStudents: 300, maxWorksites: 30)
      let network = try AssignmentNetwork(instance, rankCost: cost)
      #expect(
        network.objective == Self.circulationOptimum(instance, rankCost: cost), "seed \(seed)")
      #expect(instance.violations(in: network.placement).isEmpty)
    }
  }

  @Test("every phase finds all its admissible paths, also through cycles (800 seeds)")
  func phasesAreComplete() throws {
    // Capacities 0–2 and short lists make long alternating paths that return into themselves:
    // the depth-first search's dead-node bookkeeping must not give up on a node that still
    // reaches a seat (the next phase would then start at the same distance).
    var repeated = 0
    for seed in UInt64(1)...800 {
      let instance = RandomInstances.make(
        seed: seed &* 2_654_435_761, maxStudents: 120, maxWorksites: 14)
      let network = try AssignmentNetwork(instance, rankCost: .linear)
      #expect(
        network.objective == Self.circulationOptimum(instance, rankCost: .linear), "seed \(seed)")
      repeated += network.repeatedPhases
    }
    #expect(repeated == 0)
  }

  /// The lexicographic optimum by ``NetworkSimplex`` on the whole big-M circulation (no
  /// pruning), decoded as (placed, cost).
  static func circulationOptimum(_ instance: PlacementInstance, rankCost: RankCost)
    -> PlacementObjective
  {
    let choices = instance.choices
    let students = instance.students.count
    let worksites = instance.worksites.count
    // Nodes: 0 = S, 1 = T, students, worksites.
    var net = NetworkSimplex(nodeCount: 2 + students + worksites)
    var bigM = 1
    var choiceArcs: [(arc: Int, cost: Int)] = []
    for s in 0..<students {
      var worst = 0
      for c in choices.range(of: s) {
        let w = rankCost.cost(ofRank: Int(choices.rank[c]))
        worst = max(worst, w)
        let arc = net.addArc(
          from: 2 + s, to: 2 + students + Int(choices.worksite[c]), capacity: 1, cost: w)
        choiceArcs.append((arc, w))
      }
      bigM += worst
      net.addArc(from: 0, to: 2 + s, capacity: 1, cost: 0)
    }
    for (w, worksite) in instance.worksites.enumerated() {
      net.addArc(from: 2 + students + w, to: 1, capacity: worksite.capacity, cost: 0)
    }
    let back = net.addArc(from: 1, to: 0, capacity: students, cost: -bigM)
    net.run()
    let cost = choiceArcs.reduce(0) { $0 + net.flow($1.arc) * $1.cost }
    return PlacementObjective(placed: net.flow(back), cost: cost)
  }
}
