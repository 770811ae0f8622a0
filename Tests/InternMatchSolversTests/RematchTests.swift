import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Re-matching with the fewest moves (optimal)")
struct RematchTests {
  /// A previous placement for `instance`'s students: some at a listed worksite, some at any
  /// worksite (now ineligible, or over a capacity since cut), some unplaced.
  static func previous(for instance: PlacementInstance, seed: UInt64) -> Placement {
    var rng = SplitMix64(seed: seed ^ 0xBEF0_4E)
    var placement = Placement(studentCount: instance.students.count)
    for s in instance.students.indices {
      let listed = instance.choices.range(of: s).map { Int(instance.choices.worksite[$0]) }
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: break
      case 1:
        placement.assign(student: s, to: Int.random(in: instance.worksites.indices, using: &rng))
      default: placement.assign(student: s, to: listed.randomElement(using: &rng))
      }
    }
    return placement
  }

  /// The best (placed, kept, cost) over every valid placement — meeting the school floor when
  /// any does — with `keepPlaced`'s hard rule when asked: students whose worksite still seats
  /// all its previous students stay; a worksite cut below them seats only them.
  static func bruteForce(
    _ instance: PlacementInstance, previous: Placement, keepPlaced: Bool, rankCost: RankCost
  ) -> (placed: Int, kept: Int, cost: Int)? {
    let held = instance.seatsStillHeld(by: previous)
    var incumbents = [Int](repeating: 0, count: instance.worksites.count)
    for w in held where w >= 0 { incumbents[Int(w)] += 1 }
    let cut = instance.worksites.indices.map { incumbents[$0] > instance.worksites[$0].capacity }
    func allowed(_ p: Placement) -> Bool {
      guard keepPlaced else { return true }
      for s in instance.students.indices {
        let own = Int(held[s])
        if own >= 0, !cut[own], p.worksite(of: s) != own { return false }
        if let w = p.worksite(of: s), cut[w], w != own, instance.pinnedWorksite[s] != w {
          return false
        }
      }
      return true
    }
    var best: (Int, Int, Int)?
    var bestMeetingFloors: (Int, Int, Int)?
    func better(_ a: (Int, Int, Int), than b: (Int, Int, Int)?) -> Bool {
      guard let b else { return true }
      return (a.0, a.1, -a.2) > (b.0, b.1, -b.2)
    }
    BruteForce.forEachValidPlacement(instance) { p in
      guard allowed(p) else { return }
      let objective = instance.objective(of: p, rankCost: rankCost)
      let kept = held.indices.count { held[$0] >= 0 && p.worksite(of: $0) == Int(held[$0]) }
      let value = (objective.placed, kept, objective.cost)
      if better(value, than: best) { best = value }
      if BruteForce.meetsFloors(p, instance), better(value, than: bestMeetingFloors) {
        bestMeetingFloors = value
      }
    }
    return (bestMeetingFloors ?? best).map { (placed: $0.0, kept: $0.1, cost: $0.2) }
  }

  @Test(
    "equals brute force on (placed, kept, rank cost), with every side constraint and both costs",
    arguments: 0..<300)
  func bruteForce(seed: Int) throws {
    // A third plain, a third with network side constraints, a third with minimum groups and
    // links too (the MIP).
    let instance =
      seed % 3 == 0
      ? RandomInstances.make(seed: UInt64(seed), maxStudents: 6)
      : RandomInstances.withSideRules(seed: UInt64(seed), networkOnly: seed % 3 == 1)
    let previous = Self.previous(for: instance, seed: UInt64(seed))
    let rankCost: RankCost = seed % 4 == 0 ? .squared : .linear
    for keepPlaced in [false, true] {
      let expected = Self.bruteForce(
        instance, previous: previous, keepPlaced: keepPlaced, rankCost: rankCost)
      let strategy = OptimalStrategy(rankCost: rankCost)
      guard let expected else {
        let error = #expect(throws: SolverError.self) {
          try strategy.rematch(instance, previous: previous, keepPlaced: keepPlaced)
        }
        #expect(error?.kind == .infeasible, "seed \(seed) keep \(keepPlaced)")
        continue
      }
      let result = try strategy.rematch(instance, previous: previous, keepPlaced: keepPlaced)
      #expect(instance.violations(in: result.placement).isEmpty)
      #expect(result.objective.placed == expected.placed, "seed \(seed) keep \(keepPlaced)")
      #expect(result.statistics["kept"] == expected.kept, "seed \(seed) keep \(keepPlaced)")
      #expect(result.objective.cost == expected.cost, "seed \(seed) keep \(keepPlaced)")
    }
  }

  @Test("without a previous placement to keep, a re-match is the optimum")
  func nothingToKeep() throws {
    for seed in 0..<60 {
      let instance = RandomInstances.withSideRules(seed: UInt64(seed), networkOnly: true)
      guard let optimum = try? OptimalStrategy().place(instance) else { continue }
      let again = try OptimalStrategy().rematch(
        instance, previous: Placement(studentCount: instance.students.count), keepPlaced: false)
      #expect(again.objective == optimum.objective)
    }
  }

  @Test("a capacity cut at one worksite moves only students who were there")
  func capacityCut() throws {
    // Six students, three worksites; W1 loses one of its two seats.
    let students = (1...6).map { k in
      Student(
        id: "S\(k)", school: "s", cluster: "it",
        preferences: k <= 2
          ? ["W1", "W2", "W3"] : k <= 4 ? ["W2", "W1", "W3"] : ["W3", "W1", "W2"])
    }
    let before = try PlacementInstance(
      students: students,
      worksites: [
        Worksite(id: "W1", cluster: "it", capacity: 2),
        Worksite(id: "W2", cluster: "it", capacity: 2),
        Worksite(id: "W3", cluster: "it", capacity: 3),
      ])
    let first = try OptimalStrategy().place(before)
    let after = try PlacementInstance(
      students: students,
      worksites: [
        Worksite(id: "W1", cluster: "it", capacity: 1),
        Worksite(id: "W2", cluster: "it", capacity: 2),
        Worksite(id: "W3", cluster: "it", capacity: 3),
      ])
    for keepPlaced in [false, true] {
      let again = try OptimalStrategy().rematch(
        after, previous: first.placement, keepPlaced: keepPlaced)
      #expect(again.objective.placed == 6)
      for s in students.indices where first.placement.worksite(of: s) != 0 {
        #expect(again.placement.worksite(of: s) == first.placement.worksite(of: s))
      }
      #expect(again.statistics["kept"] == 5)
    }
    // A plain solve of the updated data is free to move anyone: it need not keep as many.
    #expect(try OptimalStrategy().place(after).objective.placed == 6)
  }
}

@Suite("Re-matching by incumbency priority (stable)")
struct StableRematchTests {
  @Test(
    "stable with respect to incumbency; every kept seat's holder does at least as well",
    arguments: 0..<300)
  func incumbency(seed: Int) throws {
    let instance = RandomMarkets.make(seed: UInt64(seed))
    let previous = RematchTests.previous(for: instance, seed: UInt64(seed))
    let held = instance.seatsStillHeld(by: previous)
    let result = try StableStrategy(seed: UInt64(seed), incumbents: held).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    let priorities = try #require(result.priorities)
    #expect(instance.blockingPairs(in: result.placement, priorities: priorities).isEmpty)
    // A plain worksite (no reserves, school limit or pins) holding no more previous students
    // than seats keeps every one of them, or they get a choice they like better.
    var incumbents = [Int](repeating: 0, count: instance.worksites.count)
    for w in held where w >= 0 { incumbents[Int(w)] += 1 }
    for w in instance.pinnedWorksite where w >= 0 { incumbents[Int(w)] += 1 }
    let plain = instance.worksites.indices.map { w in
      instance.worksites[w].reserves.isEmpty && instance.worksites[w].maxPerSchool == nil
        && incumbents[w] <= instance.worksites[w].capacity
    }
    for (s, w) in held.enumerated() where w >= 0 && plain[Int(w)] && instance.pinnedWorksite[s] < 0
    {
      let before = try #require(instance.rank(of: s, at: Int(w)))
      let now = result.placement.worksite(of: s).flatMap { instance.rank(of: s, at: $0) }
      #expect(now.map { $0 <= before } == true, "seed \(seed) student \(s)")
    }
  }
}
