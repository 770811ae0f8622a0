import InternMatchModel
import InternMatchSolvers
import Testing

/// `optimal`'s re-match of a menu of activities: per kind, most placed, then most earlier
/// placements kept (same worksite, same slot), then least rank cost — against brute force over
/// every feasible placement of small seeded menus with pins, on the network and GLPK paths.
@Suite("Optimal strategy: re-matching a menu of activities")
struct MenuRematchTests {
  /// A value per level: placed (more is better), kept (more is better), rank cost.
  typealias Value = [[Int]]

  /// `placement`'s value with `held` the placements that can be kept.
  static func value(
    _ placement: MenuPlacement, held: Set<MenuPlacement.Entry>, in instance: PlacementInstance
  ) -> Value {
    let objective = instance.objective(of: placement, rankCost: .linear)
    var kept = [Int](repeating: 0, count: objective.levels.count)
    for e in placement.entries where held.contains(e) {
      kept[instance.menuLevel(ofWorksite: e.worksite)] += 1
    }
    return objective.levels.indices.map {
      [-objective.levels[$0].placed, -kept[$0], objective.levels[$0].cost]
    }
  }

  /// The best value over every placement the independent checks accept.
  static func bruteForce(_ instance: PlacementInstance, held: Set<MenuPlacement.Entry>) -> Value? {
    let list = MenuPinTests.columns(of: instance)
    var best: Value?
    for mask in 0..<(1 << list.count) {
      let placement = MenuPlacement(list.indices.filter { mask & (1 << $0) != 0 }.map { list[$0] })
      guard instance.violations(in: placement).isEmpty else { continue }
      let value = value(placement, held: held, in: instance)
      if best.map({ value.lexicographicallyPrecedes($0) { $0.lexicographicallyPrecedes($1) } })
        ?? true
      {
        best = value
      }
    }
    return best
  }

  /// A seeded menu with pins, and an earlier placement: greedy's on the same people and
  /// worksites with one more seat everywhere (so not every earlier placement fits now).
  static func market(seed: Int) throws -> (PlacementInstance, MenuPlacement) {
    let instance = try MenuPinTests.pinnedInstance(seed: seed)
    let roomier = try PlacementInstance(
      students: instance.students,
      worksites: instance.worksites.map { w in
        var w = w
        w.capacity += 1
        return w
      }, rules: instance.rules)
    let previous = try GreedyStrategy(seed: UInt64(seed)).placeMenu(roomier).placement
    return (instance, previous)
  }

  @Test("brute force: most placed, then most kept, then least cost, per kind", arguments: 0..<100)
  func bruteForceAgrees(seed: Int) throws {
    let (instance, previous) = try Self.market(seed: seed)
    let held = Set(instance.menuPlacementsStillHeld(by: previous))
    let best = try #require(Self.bruteForce(instance, held: held))
    for backend in OptimalStrategy.Backend.allCases {
      let result = try OptimalStrategy(backend: backend).rematchMenu(
        instance, previous: previous, keepPlaced: false)
      #expect(instance.violations(in: result.placement).isEmpty)
      #expect(result.status == .optimal)
      #expect(
        Self.value(result.placement, held: held, in: instance) == best,
        "seed \(seed), \(backend), \(result.solver)")
      #expect(
        result.statistics["kept"] == result.placement.entries.count { held.contains($0) })
    }
  }

  @Test("--keep-placed: every earlier placement that fits is held; none lost", arguments: 0..<60)
  func keepPlaced(seed: Int) throws {
    let (instance, previous) = try Self.market(seed: seed)
    let held = instance.menuPlacementsStillHeld(by: previous)
    let holds = instance.menuHolds(held, order: Array(instance.students.indices))
    let result = try OptimalStrategy().rematchMenu(instance, previous: previous, keepPlaced: true)
    #expect(instance.violations(in: result.placement).isEmpty)
    for e in holds {
      #expect(result.placement.placements(of: e.student).contains(e), "seed \(seed)")
    }
    // Holding is a rule the soft re-match is free of: the held placement is feasible for it,
    // so it places at least as many of the first kind.
    let soft = try OptimalStrategy().rematchMenu(instance, previous: previous, keepPlaced: false)
    #expect(
      soft.objective.levels.first?.placed ?? 0 >= result.objective.levels.first?.placed ?? 0,
      "seed \(seed)")
  }

  @Test("worked example: a removed seat moves one person, the others keep their slots")
  func workedExample() throws {
    // M1 has slots am and pm; Ana held M1 am, Ben M1 pm. M1's pm slot is gone: Ben moves to
    // M2, Ana keeps M1 am (not moved to pm or elsewhere, though her rank is the same).
    let students = [
      Student(id: "Ana", school: "X", cluster: "it", preferences: ["M1", "M2"]),
      Student(id: "Ben", school: "X", cluster: "it", preferences: ["M1", "M2"]),
    ]
    let menu = ActivityMenu([ActivityRule(kind: .mockInterview, maxPerParticipant: 1, priority: 1)])
    let updated = try PlacementInstance(
      students: students,
      worksites: [
        Worksite(id: "M1", cluster: "it", capacity: 1, kind: .mockInterview, slots: ["am"]),
        Worksite(id: "M2", cluster: "it", capacity: 1, kind: .mockInterview, slots: ["am"]),
      ],
      rules: PlacementRules(activities: menu))
    let previous = MenuPlacement([
      .init(student: 0, worksite: 0, slot: 0), .init(student: 1, worksite: 0, slot: 1),
    ])
    let result = try OptimalStrategy().rematchMenu(updated, previous: previous, keepPlaced: false)
    #expect(
      result.placement.entries == [
        .init(student: 0, worksite: 0, slot: 0), .init(student: 1, worksite: 1, slot: 0),
      ])
    #expect(result.statistics["kept"] == 1)
    #expect(result.statistics["placements_still_held"] == 1)  // Ben's pm slot is gone
  }

  @Test("the seeded markets with slots reach both paths: earlier slots kept greedily, and a search")
  func bothPaths() throws {
    var (greedy, searched) = (0, 0)
    for seed in stride(from: 1, to: 100, by: 2) {  // odd seeds: with slots
      let (instance, previous) = try Self.market(seed: seed)
      guard instance.sideRules.contains(.slots) else { continue }
      let solver = try OptimalStrategy().rematchMenu(
        instance, previous: previous, keepPlaced: false
      ).solver
      if solver.contains("earlier slots kept") { greedy += 1 }
      if solver.hasPrefix("glpk") { searched += 1 }
    }
    #expect(greedy > 0 && searched > 0, "greedy \(greedy), searched \(searched)")
  }
}
