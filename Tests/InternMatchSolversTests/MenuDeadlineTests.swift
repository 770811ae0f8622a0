import InternMatchModel
import InternMatchSolvers
import Testing

/// `mip_time_limit_seconds` as one deadline for the whole menu `optimal` solve: a deadline that
/// has already passed (every set keeps its start) and the smallest limit the policy takes, on
/// seeded small menus with slots or an employer whose worksites span kinds, against brute force.
/// No assertion depends on timing: whatever the deadline reaches, the result is valid, `optimal`
/// only when it is, and its gaps bound how far it is from the optimum.
@Suite("Menu of activities: one deadline for the optimal solve")
struct MenuDeadlineTests {
  /// A seeded instance with slots (even `seed`) or a spanning employer (odd `seed`).
  static func instance(seed: Int) throws -> PlacementInstance {
    seed.isMultiple(of: 2)
      ? try MenuSlotTests.randomInstance(seed: UInt64(9100 + seed))
      : try MenuCapacityTests.randomInstance(seed: 9100 + seed)
  }

  /// Checks `result` against the optimum `best`: valid; `optimal` only at `best`; otherwise at
  /// the first kind where it falls short, short by at most `mip_placed_gap` placements, or at
  /// the same number placed by at most `mip_cost_gap` rank cost when no placement is missing.
  static func expectHonest(
    _ result: MenuResult, best: MenuObjective, in instance: PlacementInstance, _ note: String
  ) {
    #expect(instance.violations(in: result.placement).isEmpty, "\(note)")
    #expect(instance.objective(of: result.placement, rankCost: .linear) == result.objective)
    guard result.status != .optimal else {
      #expect(result.objective == best, "\(note): optimal but not the optimum")
      return
    }
    #expect(result.status == .feasible, "\(note)")
    let placedGap = result.statistics["mip_placed_gap"] ?? -1
    let costGap = result.statistics["mip_cost_gap"] ?? -1
    #expect(placedGap >= 0 && costGap >= 0, "\(note): gaps stated")
    #expect(!(result.objective < best), "\(note): better than the optimum")
    guard
      let level = zip(result.objective.levels, best.levels).first(where: { $0.0 != $0.1 })
    else { return }
    let (found, optimum) = level
    if found.placed != optimum.placed {
      #expect(optimum.placed - found.placed <= placedGap, "\(note): placed gap \(placedGap)")
    } else if placedGap == 0 {
      #expect(found.cost - optimum.cost <= costGap, "\(note): cost gap \(costGap)")
    }
  }

  @Test("a deadline already passed: the start stands, feasible (or at the bound: optimal), gaps")
  func deadlinePassed() throws {
    var stopped = 0
    var reachedBound = 0
    for seed in 0..<80 {
      let instance = try Self.instance(seed: seed)
      let best = MenuSlotTests.bruteForce(instance, .linear)
      for alwaysSearch in [false, true] {
        let result = try OptimalStrategy().placeMenu(
          instance, alwaysSearch: alwaysSearch,
          deadline: SolveDeadline(end: .now - .seconds(1)))
        let note = "seed \(seed), search \(alwaysSearch)"
        Self.expectHonest(result, best: best, in: instance, note)
        if (result.statistics["mip_sets_not_searched"] ?? 0) > 0 {
          #expect(
            result.solver.hasPrefix(
              "network-simplex (menu; the time limit came before any search"), "\(note)")
        }
        guard result.status == .feasible else {
          // Not searched yet optimal: the start reaches the relaxation in every kind.
          if (result.statistics["mip_sets_not_searched"] ?? 0) > 0 { reachedBound += 1 }
          continue
        }
        stopped += 1
        #expect(result.statistics["mip_sets_searched"] == 0, "\(note)")
        #expect((result.statistics["mip_sets_not_searched"] ?? 0) > 0, "\(note)")
        #expect(result.statistics["mip_nodes"] == 0, "\(note)")
      }
    }
    // Both deadline paths are taken: sets kept short of the bound, and sets at it.
    #expect(stopped >= 10)
    #expect(reachedBound >= 10)
  }

  @Test("the smallest mip_time_limit_seconds: valid, honest status and gaps", arguments: 0..<40)
  func smallestLimit(seed: Int) throws {
    let instance = try Self.instance(seed: seed)
    let best = MenuSlotTests.bruteForce(instance, .linear)
    let limit = DatasetLimits.mipTimeLimitSeconds.lowerBound
    for backend in [OptimalStrategy.Backend.network, .glpk] {
      let result = try OptimalStrategy(backend: backend, timeLimitSeconds: limit)
        .placeMenu(instance)
      Self.expectHonest(result, best: best, in: instance, "seed \(seed), \(backend)")
    }
  }

  @Test(
    "a re-match with the smallest limit: valid, first kind's placed count honest",
    arguments: 0..<30)
  func rematchSmallestLimit(seed: Int) throws {
    let instance = try Self.instance(seed: seed)
    let best = MenuSlotTests.bruteForce(instance, .linear)
    let previous = try OptimalStrategy().placeMenu(instance).placement
    let limit = DatasetLimits.mipTimeLimitSeconds.lowerBound
    for keepPlaced in [false, true] {
      let result = try OptimalStrategy(timeLimitSeconds: limit)
        .rematchMenu(instance, previous: previous, keepPlaced: keepPlaced)
      let note = "seed \(seed), keep \(keepPlaced)"
      #expect(instance.violations(in: result.placement).isEmpty, "\(note)")
      #expect(result.status == .optimal || result.status == .feasible, "\(note)")
      let placedGap = result.statistics["mip_placed_gap"] ?? 0
      let (found, optimum) = (result.objective.levels.first, best.levels.first)
      if let found, let optimum, !keepPlaced {
        // Most placed comes first in a re-match too.
        #expect(optimum.placed - found.placed <= placedGap, "\(note)")
        if result.status == .optimal { #expect(found.placed == optimum.placed, "\(note)") }
      }
    }
  }

  @Test("a deadline never reached changes nothing: the optimum, proven", arguments: 0..<20)
  func deadlineFar(seed: Int) throws {
    let instance = try Self.instance(seed: seed)
    let result = try OptimalStrategy().placeMenu(
      instance, alwaysSearch: true, deadline: SolveDeadline(seconds: 1_000))
    #expect(result.status == .optimal)
    #expect(result.objective == MenuSlotTests.bruteForce(instance, .linear), "seed \(seed)")
    #expect(result.statistics["mip_sets_not_searched"] == 0)
  }
}
