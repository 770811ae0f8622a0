/// Lottery replications: several strategies on one instance under many seeds, measured into
/// one ``StrategyComparison`` — what `internmatch compare --seeds` prints.
///
/// The instance is read once by the caller. A strategy whose result depends on the seed
/// (``PlacementStrategy/lotterySeed`` is set) is run once per seed, ``PlacementStrategy/reseeded(_:)``
/// to it; any other strategy is run once and its placement measured under every seed, since
/// only the blocking pairs change with the seed (they are always counted against that seed's
/// ``WorksitePriorities``; its `ms` is then the one run's time in every row). A strategy that
/// cannot honour the instance's side constraints is skipped with the reason, never run.
///
/// ```swift
/// let table = try LotteryReplications(
///   strategies: [StableStrategy(seed: 0), OptimalStrategy()], seeds: Array(1...100)
/// ).run(instance)
/// table.rows.count  // 200: one per (strategy, seed)
/// ```
///
/// - Complexity: one placement per seeded strategy and seed, one per other strategy, and per
///   (strategy, seed) one O(L·log q) blocking-pair count and one O(S·k + W) measurement
///   (once per unseeded strategy); one O(S + L) priority draw per seed.
public struct LotteryReplications: Sendable {
  /// The strategies, in the order of the table, each with the name its rows carry.
  public var strategies: [(name: String, strategy: any PlacementStrategy)]
  /// The seeds, in order; at least one.
  public var seeds: [UInt64]

  /// Creates a replication plan; each strategy's rows carry the given name (such as
  /// `optimal-squared` for an ``OptimalStrategy`` whose ``PlacementStrategy/name`` is `optimal`).
  public init(_ strategies: [(name: String, strategy: any PlacementStrategy)], seeds: [UInt64]) {
    precondition(!seeds.isEmpty, "LotteryReplications: at least one seed")
    precondition(
      Set(strategies.map(\.name)).count == strategies.count,
      "LotteryReplications: two strategies share a name")
    self.strategies = strategies
    self.seeds = seeds
  }

  /// Creates a replication plan whose rows carry each strategy's own name.
  public init(strategies: [any PlacementStrategy], seeds: [UInt64]) {
    self.init(strategies.map { ($0.name, $0) }, seeds: seeds)
  }

  /// Runs every strategy under every seed.
  ///
  /// - Throws: the first ``SolverError`` a strategy throws other than a refusal
  ///   (``SolverError/Kind/unsupportedRule``, which skips the strategy).
  public func run(_ instance: PlacementInstance) throws(SolverError) -> StrategyComparison {
    var table = StrategyComparison(students: instance.students.count, seeds: seeds)
    let clock = ContinuousClock()
    // The seed-independent strategies' placements, and every seed's priorities, are made once.
    var drawn: [UInt64: WorksitePriorities] = [:]
    func priorities(for seed: UInt64, from result: PlacementResult) -> WorksitePriorities {
      if let own = result.priorities, own.seed == seed { return own }
      if let known = drawn[seed] { return known }
      let fresh = WorksitePriorities(instance: instance, seed: seed)
      drawn[seed] = fresh
      return fresh
    }
    for (name, strategy) in strategies {
      let missing = strategy.unsupportedRules(in: instance)
      guard missing.isEmpty else {
        table.skipped.append(
          .init(
            strategy: name,
            reason: "cannot honour " + missing.map(\.rawValue).joined(separator: ", ")))
        continue
      }
      let seeded = strategy.lotterySeed != nil
      var once: Measured?
      var rows: [StrategyComparison.Row] = []
      do {
        for seed in seeds {
          let run: Measured
          if let once, !seeded {
            run = once
          } else {
            let start = clock.now
            let result = try strategy.reseeded(seed).place(instance)
            let elapsed = start.duration(to: clock.now)
            let ms =
              Double(elapsed.components.seconds) * 1e3
              + Double(elapsed.components.attoseconds) / 1e15
            run = Measured(
              result: result,
              metrics: OutcomeMetrics(instance: instance, placement: result.placement),
              rankCost: instance.objective(of: result.placement, rankCost: .linear).cost, ms: ms)
            once = run
          }
          let bp = instance.blockingPairs(
            in: run.result.placement, priorities: priorities(for: seed, from: run.result)
          ).count
          rows.append(
            .init(
              strategy: name, seed: seed, metrics: run.metrics,
              rankCost: run.rankCost,
              blockingPairs: bp, milliseconds: run.ms))
        }
      } catch  where error.kind == .unsupportedRule {
        table.skipped.append(.init(strategy: name, reason: error.message))
        continue
      }
      table.rows += rows
    }
    return table
  }

  /// One placement and what was measured of it.
  private struct Measured {
    var result: PlacementResult
    var metrics: OutcomeMetrics
    var rankCost: Int
    var ms: Double
  }
}
