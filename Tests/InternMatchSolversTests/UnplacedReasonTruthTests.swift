import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

/// Every unplaced reason of every strategy's result checked true of the data, by trying the
/// student's seats one by one with everyone else where they are and reading what
/// ``PlacementInstance/violations(in:)`` — the independent checker — finds.
@Suite("Unplaced reasons are true of the data")
struct UnplacedReasonTruthTests {
  /// The violations of `placement` with `s` moved to `w`, minus those it already had.
  private func added(
    _ instance: PlacementInstance, _ placement: Placement, student s: Int, worksite w: Int
  ) -> [PlacementViolation] {
    var moved = placement
    moved.assign(student: s, to: w)
    let before = Set(instance.violations(in: placement))
    return instance.violations(in: moved).filter { !before.contains($0) }
  }

  private func check(
    _ instance: PlacementInstance, _ result: PlacementResult, seating: SeatingOrder? = nil
  ) {
    let placement = result.placement
    var load = [Int](repeating: 0, count: instance.worksites.count)
    for s in 0..<instance.students.count {
      if let w = placement.worksite(of: s) { load[w] += 1 }
    }
    for (s, outcome) in instance.outcomes(of: placement, seating: seating).enumerated() {
      guard case .unplaced(let reason) = outcome else { continue }
      let student = instance.students[s]
      let eligible = instance.choices.range(of: s).map { Int(instance.choices.worksite[$0]) }
      let open = eligible.filter { load[$0] < instance.worksites[$0].capacity }
      let alone = open.filter {
        added(instance, placement, student: s, worksite: $0).allSatisfy {
          if case .linkBroken = $0 { true } else { false }
        }
      }
      let context = "student \(student.id): \(reason) in \(result.strategy)"
      switch reason {
      case .noPreferences: #expect(student.preferences.isEmpty, "\(context)")
      case .unknownChoices:
        #expect(
          !student.preferences.isEmpty
            && student.preferences.allSatisfy { instance.worksiteIndex[$0] == nil }, "\(context)")
      case .noEligibleChoice:
        #expect(
          eligible.isEmpty && student.preferences.contains { instance.worksiteIndex[$0] != nil },
          "\(context)")
      case .choicesFull: #expect(!eligible.isEmpty && open.isEmpty, "\(context)")
      case .linked:
        #expect(
          instance.linkedPairs.contains { $0.first == s || $0.second == s } && !alone.isEmpty,
          "\(context)")
      case .notRanked:
        #expect(!alone.isEmpty, "\(context)")
        for w in alone {
          let ranks = instance.rankingIndices.filter { Int($0.worksite) == w }
          #expect(!ranks.isEmpty && !ranks.contains { Int($0.student) == s }, "\(context)")
        }
      case .freeSeatUnused:
        #expect(result.status == .feasible && !alone.isEmpty, "\(context)")
      case .reserved where seating != nil:
        // Seated in the strategy's own order: every free seat of the first choice with one is
        // in a reserve for a group the student is not in.
        guard let w = open.first else {
          Issue.record("\(context): no choice with a free seat")
          continue
        }
        let site = instance.worksites[w]
        let closed = site.reserves.filter { !student.groups.contains($0.group) }.reduce(0) {
          $0 + $1.count(ofCapacity: site.capacity)
        }
        #expect(site.capacity - load[w] <= closed, "\(context)")
      case .schoolLimit, .employerLimit, .reserved, .minimumGroup:
        #expect(alone.isEmpty, "\(context)")
        guard let w = open.first else {
          Issue.record("\(context): no choice with a free seat")
          continue
        }
        let found = added(instance, placement, student: s, worksite: w)
        let matches = found.contains {
          switch ($0, reason) {
          case (.overSchoolLimit, .schoolLimit), (.overEmployerCapacity, .employerLimit),
            (.reserveBreached, .reserved), (.belowMinimumGroup, .minimumGroup):
            true
          default: false
          }
        }
        #expect(matches, "\(context): \(found)")
      }
    }
  }

  @Test("optimal with every side constraint, on 300 seeded instances", arguments: RankCost.allCases)
  func optimal(cost: RankCost) throws {
    for seed in UInt64(1)...300 {
      let instance = RandomInstances.withSideRules(seed: seed, networkOnly: seed % 3 == 0)
      // Data whose rules contradict each other have no placement to explain.
      switch Result(catching: { () throws(SolverError) in
        try OptimalStrategy(rankCost: cost).place(instance)
      }) {
      case .success(let result): check(instance, result)
      case .failure(let error): #expect(error.kind == .infeasible)
      }
    }
  }

  @Test("stable, serial dictatorship and greedy, on 300 seeded markets")
  func mechanisms() throws {
    for seed in UInt64(1)...300 {
      let instance = RandomMarkets.make(seed: seed, maxStudents: 6, maxWorksites: 3)
      let strategies: [any PlacementStrategy] = [
        StableStrategy(seed: seed), SerialDictatorshipStrategy(seed: seed),
        GreedyStrategy(seed: seed),
      ]
      for strategy in strategies where strategy.unsupportedRules(in: instance).isEmpty {
        let result = try strategy.place(instance)
        check(
          instance, result,
          seating: ExplainedStrategy(strategy).seating(for: instance, result: result))
      }
    }
  }
}
