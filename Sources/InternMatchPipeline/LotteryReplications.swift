import InternMatchModel
import InternMatchReport
import InternMatchSolvers

/// Lottery replications: several strategies on one instance under many seeds, measured into
/// one ``/InternMatchReport/StrategyComparison`` — what `internmatch compare --seeds` prints.
///
/// The instance is read once by the caller. A strategy whose result depends on the seed
/// (``/InternMatchSolvers/PlacementStrategy/lotterySeed`` is set) is run once per seed, reseeded
/// (``/InternMatchSolvers/PlacementStrategy/reseeded(_:)``); any other strategy is run once and its placement
/// measured under every seed, since only its blocking pairs change with the seed (they are
/// always counted against that seed's ``/InternMatchModel/WorksitePriorities``; its `ms` is then the one run's
/// time in every row). Seeds run concurrently, about one per core, so a row's `ms` is measured
/// beside another seed's run. A strategy that cannot honour the instance's side constraints is
/// skipped with the reason, never run.
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
  /// `optimal-squared` for an ``/InternMatchSolvers/OptimalStrategy`` whose ``/InternMatchSolvers/PlacementStrategy/name`` is `optimal`).
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

  /// Runs every strategy under every seed. Seeds are independent and are run concurrently
  /// (about one per core); the table is in seed order and the same on every run but for `ms`.
  ///
  /// - Throws: the first ``/InternMatchSolvers/SolverError`` a strategy throws other than a refusal
  ///   (``/InternMatchSolvers/SolverError/Kind/unsupportedRule``, which skips the strategy), and
  ///   ``/InternMatchSolvers/SolverError/Kind/backend`` for a placement that breaks a hard rule
  ///   (``/InternMatchModel/PlacementInstance/violations(in:)-(Placement)`` is checked after every run).
  public func run(_ instance: PlacementInstance) throws(SolverError) -> StrategyComparison {
    var table = StrategyComparison(students: instance.students.count, seeds: seeds)
    for (name, strategy) in strategies {
      let missing = strategy.unsupportedRules(in: instance)
      guard missing.isEmpty else {
        table.skipped.append(
          .init(
            strategy: name,
            reason: "cannot honour " + missing.map(\.rawValue).joined(separator: ", ")))
        continue
      }
      let seeds = self.seeds
      func row(_ run: Measured, seed: UInt64) -> StrategyComparison.Row {
        let priorities =
          run.result.priorities.flatMap { $0.seed == seed ? $0 : nil }
          ?? WorksitePriorities(instance: instance, seed: seed)
        return .init(
          strategy: name, seed: seed, metrics: run.metrics, rankCost: run.rankCost,
          blockingPairs: instance.blockingPairs(in: run.result.placement, priorities: priorities)
            .count,
          milliseconds: run.ms)
      }
      let rows: [Result<StrategyComparison.Row, SolverError>]
      if strategy.lotterySeed != nil {
        rows = concurrentMap(seeds.count) { k in
          Result { () throws(SolverError) in
            row(try Measured(strategy.reseeded(seeds[k]), on: instance), seed: seeds[k])
          }
        }
      } else {
        // The placement is the same for every seed: make it once, count blocking pairs per seed.
        let once: Measured
        do {
          once = try Measured(strategy, on: instance)
        } catch  where error.kind == .unsupportedRule {
          table.skipped.append(.init(strategy: name, reason: error.message))
          continue
        }
        rows = concurrentMap(seeds.count) { k in .success(row(once, seed: seeds[k])) }
      }
      do {
        table.rows += try rows.map { r throws(SolverError) in try r.get() }
      } catch  where error.kind == .unsupportedRule {
        table.skipped.append(.init(strategy: name, reason: error.message))
      }
    }
    return table
  }

  /// Runs every strategy that places a menu of activities (a
  /// ``/InternMatchSolvers/MenuPlacing`` strategy; any other is skipped with the reason) on
  /// `instance`'s menu, under every seed for a strategy with a lottery and once for the
  /// others (their rows repeat under each seed), each placement checked against the hard
  /// rules and summarised kind by kind (``/InternMatchReport/MenuSummary``).
  ///
  /// ```swift
  /// let table = try LotteryReplications(strategies: [OptimalStrategy()], seeds: [1, 2])
  ///   .runMenu(instance)
  /// table.rows.map(\.kind)  // one per kind offered, then "all", per seed
  /// ```
  ///
  /// - Precondition: the instance has a menu.
  /// - Throws: as ``run(_:)``.
  public func runMenu(_ instance: PlacementInstance) throws(SolverError) -> MenuComparison {
    precondition(instance.activities != nil, "LotteryReplications: the instance has no menu")
    var table = MenuComparison(people: instance.students.count, seeds: seeds)
    for (name, strategy) in strategies {
      guard let placer = strategy as? any MenuPlacing else {
        table.skipped.append(
          .init(strategy: name, reason: "cannot place a menu of activities (activities.csv)"))
        continue
      }
      let missing = placer.menuRulesNotYetSupported(in: instance)
      guard missing.isEmpty else {
        table.skipped.append(
          .init(
            strategy: name,
            reason: "cannot place a menu together with " + missing.joined(separator: ", ")))
        continue
      }
      let seeds = self.seeds
      let runs: [Result<(MenuSummary, Double), SolverError>]
      if placer.lotterySeed != nil {
        runs = concurrentMap(seeds.count) { k in
          Result { () throws(SolverError) in
            try Self.measureMenu(placer.reseeded(seeds[k]), on: instance, seed: seeds[k])
          }
        }
      } else {
        let once = Result { () throws(SolverError) in
          try Self.measureMenu(placer, on: instance, seed: nil)
        }
        runs = seeds.map { _ in once }
      }
      do {
        for (k, run) in runs.enumerated() {
          let (summary, ms) = try run.get()
          table.add(strategy: name, seed: seeds[k], summary: summary, milliseconds: ms)
        }
      } catch  where error.kind == .unsupportedRule {
        table.rows.removeAll { $0.strategy == name }
        table.skipped.append(.init(strategy: name, reason: error.message))
      }
    }
    return table
  }

  /// Places the menu of `instance` with `placer`, timing only the placement, checks it and
  /// summarises it.
  private static func measureMenu(
    _ placer: any MenuPlacing, on instance: PlacementInstance, seed: UInt64?
  ) throws(SolverError) -> (MenuSummary, Double) {
    let (result, ms) = try checked(placer.name) { () throws(SolverError) in
      let result = try placer.placeMenu(instance)
      return (result, { instance.violations(in: result.placement) })
    }
    let summary = MenuSummary(
      instance: instance, placement: result.placement,
      rows: instance.menuRows(of: result.placement),
      rankCost: .linear, strategy: result.strategy, solver: result.solver, seed: seed)
    return (summary, ms)
  }

  /// Runs `place`, timing it alone, then checks the hard rules of what it placed (the
  /// violations it hands back, computed after the clock stopped): a placement that breaks one
  /// throws ``/InternMatchSolvers/SolverError/Kind/backend`` naming `strategy`.
  static func checked<R>(
    _ strategy: String, _ place: () throws(SolverError) -> (R, () -> [PlacementViolation])
  ) throws(SolverError) -> (R, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let (result, violationsOf) = try place()
    let elapsed = start.duration(to: clock.now)
    // Every placement is checked against the hard rules before it is measured, as a solve's is.
    let violations = violationsOf()
    guard violations.isEmpty else {
      throw SolverError.backend(
        "\(strategy) returned a placement that breaks \(violations.count) rule"
          + (violations.count == 1 ? "" : "s") + ", first: \(violations[0])")
    }
    return (
      result,
      Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
    )
  }

  /// One placement and what was measured of it.
  private struct Measured: Sendable {
    var result: PlacementResult
    var metrics: OutcomeMetrics
    var rankCost: Int
    var ms: Double

    /// Places `instance` with `strategy`, timing only the placement, and measures it.
    init(_ strategy: some PlacementStrategy, on instance: PlacementInstance) throws(SolverError) {
      (result, ms) = try LotteryReplications.checked(strategy.name) { () throws(SolverError) in
        let result = try strategy.place(instance)
        return (result, { instance.violations(in: result.placement) })
      }
      metrics = OutcomeMetrics(instance: instance, placement: result.placement)
      rankCost = instance.objective(of: result.placement, rankCost: .linear).cost
    }
  }
}
