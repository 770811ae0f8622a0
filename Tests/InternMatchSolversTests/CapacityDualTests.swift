import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

/// GLPK's capacity-row duals on the GLPK path, and the exact interval of optimal duals, against
/// brute force.
@Suite("Capacity-row duals on the GLPK path")
struct CapacityDualTests {
  /// The least rank cost over valid placements of `instance` with worksite `w`'s capacity set to
  /// `capacity` that place exactly `counts[k]` students of each component `k` (the level-2 LP
  /// GLPK solves per component); `nil` when none does.
  private func fixedCountCost(
    _ instance: PlacementInstance, worksite w: Int, capacity: Int, counts: [Int],
    componentOf: [Int], cost: RankCost
  ) throws -> Int? {
    guard capacity >= 0 else { return nil }
    var sites = instance.worksites
    sites[w].capacity = capacity
    let changed = try PlacementInstance(
      students: instance.students, worksites: sites, clusters: instance.clusters,
      rankings: instance.rankings, policy: instance.policy, rules: instance.rules)
    var best: Int?
    BruteForce.forEachValidPlacement(changed) { placement in
      var placed = [Int](repeating: 0, count: counts.count)
      for s in changed.students.indices where placement.worksite(of: s) != nil {
        placed[componentOf[s]] += 1
      }
      guard placed == counts else { return }
      let value = changed.objective(of: placement, rankCost: cost).cost
      if best.map({ value < $0 }) ?? true { best = value }
    }
    return best
  }

  /// Checks every worksite's dual and interval on `instance`; returns how many rows are
  /// degenerate (interval wider than a point).
  @discardableResult
  private func check(_ instance: PlacementInstance, _ cost: RankCost) throws -> (
    rows: Int, degenerate: Int
  ) {
    let result = try OptimalStrategy(rankCost: cost, backend: .glpk).place(instance)
    let duals = try #require(result.glpkCapacityDuals)
    let explained = try PlacementExplainer(instance, result: result, strategy: .optimal(cost))
    let components = ChoiceComponents(instance.choices, worksiteCount: instance.worksites.count)
    var componentOf = [Int](repeating: 0, count: instance.students.count)
    var inLP = [Bool](repeating: false, count: instance.worksites.count)
    for (k, students) in components.students.enumerated() {
      for s in students { componentOf[s] = k }
      for w in components.worksites[k] { inLP[w] = true }
    }
    var counts = [Int](repeating: 0, count: components.students.count)
    for s in instance.students.indices where result.placement.worksite(of: s) != nil {
      counts[componentOf[s]] += 1
    }
    var rows = 0
    var degenerate = 0
    for (w, value) in explained.seatValues.enumerated() {
      #expect((duals[w] != nil) == inLP[w])
      guard inLP[w] else {
        #expect(value.capacityDual == nil)
        continue
      }
      let dual = try #require(value.capacityDual, "worksite \(w)")
      #expect(dual.glpk == duals[w])
      let c = instance.worksites[w].capacity
      func v(_ capacity: Int) throws -> Int? {
        try fixedCountCost(
          instance, worksite: w, capacity: capacity, counts: counts, componentOf: componentOf,
          cost: cost)
      }
      let here = try #require(try v(c))
      #expect(here == result.objective.cost)
      let more = try #require(try v(c + 1))
      #expect(dual.low == here - more, "worksite \(w): low")
      #expect(dual.high == (try v(c - 1)).map { $0 - here }, "worksite \(w): high")
      #expect(dual.contains(dual.glpk), "worksite \(w): GLPK's \(dual.glpk) outside the interval")
      rows += 1
      if dual.isDegenerate { degenerate += 1 }
    }
    return (rows, degenerate)
  }

  @Test(
    "GLPK's dual lies in the exact interval, and both ends equal brute force, on 300 instances",
    arguments: RankCost.allCases)
  func againstBruteForce(cost: RankCost) throws {
    var rows = 0
    var degenerate = 0
    for seed in UInt64(1)...300 {
      let found = try check(RandomInstances.make(seed: seed), cost)
      rows += found.rows
      degenerate += found.degenerate
    }
    #expect(rows > 300)
    #expect(degenerate > 50)
  }

  @Test("a hand-built degenerate row: one more seat saves 1 rank, one fewer costs 2")
  func degenerateExample() throws {
    // A lists W, V; B lists W, V, U; one seat each. One of them takes W (rank 1), the other V
    // (rank 2): cost 3. Two seats at W: both rank 1, cost 2. None: A at V, B at U, cost 5.
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W", "V"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W", "V", "U"]),
      ],
      worksites: [
        Worksite(id: "W", cluster: "it", capacity: 1),
        Worksite(id: "V", cluster: "it", capacity: 1),
        Worksite(id: "U", cluster: "it", capacity: 1),
      ])
    let result = try OptimalStrategy(backend: .glpk).place(instance)
    #expect(result.objective == PlacementObjective(placed: 2, cost: 3))
    let explained = try PlacementExplainer(instance, result: result, strategy: .optimal(.linear))
    let w = try #require(explained.seatValues[0].capacityDual)
    #expect(w.low == 1 && w.high == 2 && w.isDegenerate)
    #expect(w.contains(w.glpk), "GLPK's \(w.glpk) outside [1, 2]")
    // U is free: its row is slack, the interval the point 0, and so is GLPK's dual.
    let u = try #require(explained.seatValues[2].capacityDual)
    #expect(u.low == 0 && u.high == 0 && u.glpk == 0 && !u.isDegenerate)
    try check(instance, .linear)
    // The network path reports no duals.
    let network = try OptimalStrategy().place(instance)
    #expect(network.glpkCapacityDuals == nil)
    let plain = try PlacementExplainer(instance, result: network, strategy: .optimal(.linear))
    #expect(plain.seatValues.allSatisfy { $0.capacityDual == nil })
  }

  @Test("one seat fewer that cannot keep the placed count is unbounded")
  func unbounded() throws {
    // Only A lists W: without its one seat A cannot be placed at all.
    let instance = try PlacementInstance(
      students: [Student(id: "A", school: "X", cluster: "it", preferences: ["W"])],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)])
    let result = try OptimalStrategy(backend: .glpk).place(instance)
    let explained = try PlacementExplainer(instance, result: result, strategy: .optimal(.linear))
    let w = try #require(explained.seatValues[0].capacityDual)
    #expect(w.low == 0 && w.high == nil && w.isDegenerate && w.contains(w.glpk))
  }
}
