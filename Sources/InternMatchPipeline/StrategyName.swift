import InternMatchModel
import InternMatchSolvers

/// The strategies a run can use, by the names the command line and `policy.json` give them.
///
/// ```swift
/// let strategy = StrategyName.stable.make(seed: 7)
/// strategy.name  // "stable"
/// ```
public enum StrategyName: String, CaseIterable, Sendable, Codable {
  /// Most placed, then least sum of ranks (exact).
  case optimal
  /// Most placed, then least sum of squared ranks (exact).
  case optimalSquared = "optimal-squared"
  /// Lexicographically most first choices, then second choices, … (exact).
  case rankMaximal = "rank-maximal"
  /// Student-proposing deferred acceptance: the student-optimal stable placement.
  case stable
  /// Worksite-proposing deferred acceptance: the worksite-optimal stable placement.
  case stableWorksiteProposing = "stable-worksite-proposing"
  /// Top trading cycles (Abdulkadiroğlu & Sönmez 2003): Pareto-efficient, strategy-proof.
  case topTradingCycles = "top-trading-cycles"
  /// Students in lottery order take their best remaining choice.
  case serialDictatorship = "serial-dictatorship"
  /// First choices first, ties by lottery.
  case greedy
  /// As many placed as optimal, the smallest worst rank, then the least sum of ranks (exact).
  case minWorstRank = "min-worst-rank"

  /// Whether the strategy is `optimal` under some rank cost (and can be cross-checked).
  public var isOptimal: Bool { self == .optimal || self == .optimalSquared }

  /// Whether the strategy runs on a choice of engine (``/InternMatchSolvers/OptimalStrategy/Backend``, `solve
  /// --solver`) and can be cross-checked by the other engine (`--cross-check`): `optimal` and
  /// `optimal-squared`. Every other strategy has one engine of its own and ignores both.
  public var takesBackend: Bool { isOptimal }

  /// The strategies that take a backend (``takesBackend``), in declaration order.
  public static var takingBackend: [StrategyName] { allCases.filter(\.takesBackend) }

  /// The rank cost the strategy optimises: its own for `optimal-squared`, else `requested`.
  public func rankCost(requested: RankCost) -> RankCost {
    self == .optimalSquared ? .squared : requested
  }

  /// The strategy, configured.
  public func make(
    seed: UInt64, rankCost: RankCost = .linear, backend: OptimalStrategy.Backend = .network
  ) -> any PlacementStrategy {
    switch self {
    case .optimal, .optimalSquared:
      OptimalStrategy(rankCost: self.rankCost(requested: rankCost), backend: backend)
    case .rankMaximal: RankMaximalStrategy()
    case .stable: StableStrategy(seed: seed)
    case .stableWorksiteProposing: WorksiteProposingStableStrategy(seed: seed)
    case .topTradingCycles: TopTradingCyclesStrategy(seed: seed)
    case .serialDictatorship: SerialDictatorshipStrategy(seed: seed)
    case .greedy: GreedyStrategy(seed: seed)
    case .minWorstRank: MinimumWorstRankStrategy()
    }
  }

  /// Whether the strategy places a menu of activities (`activities.csv`).
  public var placesMenu: Bool { make(seed: 0) is any MenuPlacing }

  /// The strategies that place a menu of activities, in declaration order.
  ///
  /// ```swift
  /// StrategyName.menuPlacing.map(\.rawValue)
  /// // ["optimal", "optimal-squared", "stable", "serial-dictatorship", "greedy"]
  /// ```
  public static var menuPlacing: [StrategyName] { allCases.filter(\.placesMenu) }
}

extension PlacementInstance {
  /// Blocking pairs of `result` with respect to the worksite priorities drawn with `seed` (the
  /// strategy's own, when it drew them with that seed).
  public func blockingPairCount(_ result: PlacementResult, seed: UInt64) -> Int {
    let priorities =
      result.priorities.flatMap { $0.seed == seed ? $0 : nil }
      ?? WorksitePriorities(instance: self, seed: seed)
    return blockingPairs(in: result.placement, priorities: priorities).count
  }
}
