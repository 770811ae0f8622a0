import InternMatch
import InternMatchTestSupport
import Synchronization
import Testing

/// A strategy that counts its runs and the seeds it was run with, around another one.
struct Counted<Inner: PlacementStrategy>: PlacementStrategy {
  final class Log: Sendable {
    let seeds = Mutex<[UInt64?]>([])
  }
  var inner: Inner
  let log: Log

  var name: String { inner.name }
  var supportedRules: Set<SideRule> { inner.supportedRules }
  var lotterySeed: UInt64? { inner.lotterySeed }
  func reseeded(_ seed: UInt64) -> Self { Self(inner: inner.reseeded(seed), log: log) }
  func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    log.seeds.withLock { $0.append(inner.lotterySeed) }
    return try inner.place(instance)
  }
}

@Suite("Lottery replications")
struct LotteryReplicationsTests {
  @Test("lottery strategies run once per seed, the others once; each row matches a lone run")
  func replicate() throws {
    let instance = RandomMarkets.make(seed: 41, maxStudents: 30, maxWorksites: 6)
    let stable = Counted(inner: StableStrategy(seed: 0), log: .init())
    let optimal = Counted(inner: OptimalStrategy(), log: .init())
    let seeds: [UInt64] = [3, 1, 4, 15]
    let table = try LotteryReplications(strategies: [stable, optimal], seeds: seeds)
      .run(instance)
    #expect(stable.log.seeds.withLock { $0 } == seeds)
    #expect(optimal.log.seeds.withLock { $0 } == [nil])
    #expect(
      table.rows.map(\.strategy) == Array(repeating: "stable", count: 4)
        + Array(repeating: "optimal", count: 4))
    #expect(table.rows.map(\.seed) == seeds + seeds)
    #expect(table.skipped.isEmpty)
    let optimalPlacement = try OptimalStrategy().place(instance).placement
    for (i, seed) in seeds.enumerated() {
      let priorities = WorksitePriorities(instance: instance, seed: seed)
      let lone = try StableStrategy(seed: seed).place(instance).placement
      #expect(instance.violations(in: lone).isEmpty)
      #expect(table.rows[i].metrics == OutcomeMetrics(instance: instance, placement: lone))
      #expect(table.rows[i].blockingPairs == 0)
      // optimal's one placement, its blocking pairs counted against each seed's priorities.
      #expect(
        table.rows[4 + i].metrics
          == OutcomeMetrics(instance: instance, placement: optimalPlacement))
      #expect(
        table.rows[4 + i].blockingPairs
          == instance.blockingPairs(in: optimalPlacement, priorities: priorities).count)
    }
  }

  @Test("which strategies draw a lottery comes from the strategies")
  func seedDependence() {
    let seeded: [any PlacementStrategy] = [
      StableStrategy(seed: 1), WorksiteProposingStableStrategy(seed: 1),
      TopTradingCyclesStrategy(seed: 1), SerialDictatorshipStrategy(seed: 1),
      GreedyStrategy(seed: 1),
    ]
    let fixed: [any PlacementStrategy] = [
      OptimalStrategy(), OptimalStrategy(rankCost: .squared), RankMaximalStrategy(),
      MinimumWorstRankStrategy(),
    ]
    #expect(seeded.allSatisfy { $0.lotterySeed == 1 && $0.reseeded(9).lotterySeed == 9 })
    #expect(fixed.allSatisfy { $0.lotterySeed == nil && $0.reseeded(9).lotterySeed == nil })
    // Reseeding changes the seed only.
    #expect(StableStrategy(seed: 1, incumbents: [0, -1]).reseeded(5).incumbents == [0, -1])
  }

  @Test("a strategy that cannot honour the side constraints is skipped with the reason")
  func skipped() throws {
    let instance = try PlacementInstance(
      students: ["A", "B"].map { Student(id: $0, school: "X", cluster: "it", preferences: ["W"]) },
      worksites: [Worksite(id: "W", cluster: "it", capacity: 2, maxPerSchool: 1)])
    let table = try LotteryReplications(
      [("ttc", TopTradingCyclesStrategy(seed: 0)), ("stable", StableStrategy(seed: 0))],
      seeds: [1, 2]
    ).run(instance)
    #expect(table.skipped == [.init(strategy: "ttc", reason: "cannot honour max_per_school")])
    #expect(table.rows.map(\.strategy) == ["stable", "stable"])
  }

  @Test("a placement that breaks a hard rule is a backend error, not a row")
  func verified() throws {
    struct Overfull: PlacementStrategy {
      var name: String { "overfull" }
      var supportedRules: Set<SideRule> { [] }
      var lotterySeed: UInt64? { nil }
      func reseeded(_ seed: UInt64) -> Self { self }
      func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
        let placement = Placement(instance.students.map { _ in 0 })
        return PlacementResult(
          placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
          strategy: name, solver: name)
      }
    }
    let instance = try PlacementInstance(
      students: ["A", "B"].map { Student(id: $0, school: "X", cluster: "it", preferences: ["W"]) },
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)])
    #expect {
      try LotteryReplications(strategies: [Overfull()], seeds: [1]).run(instance)
    } throws: { ($0 as? SolverError)?.kind == .backend }
  }
}
