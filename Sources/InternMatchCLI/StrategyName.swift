import ArgumentParser
import InternMatch

/// The strategies the command line can run, by name.
enum StrategyName: String, CaseIterable, ExpressibleByArgument {
  /// Most placed, then least sum of ranks (exact).
  case optimal
  /// Most placed, then least sum of squared ranks (exact).
  case optimalSquared = "optimal-squared"
  /// Lexicographically most first choices, then second choices, … (exact).
  case rankMaximal = "rank-maximal"

  /// Whether the strategy is `optimal` under some rank cost (and can be cross-checked).
  var isOptimal: Bool { self == .optimal || self == .optimalSquared }

  /// The rank cost the strategy optimises: its own for `optimal-squared`, else `requested`.
  func rankCost(requested: RankCost) -> RankCost {
    self == .optimalSquared ? .squared : requested
  }

  /// The strategy, configured.
  func make(
    instance: PlacementInstance, seed: UInt64, rankCost: RankCost = .linear,
    backend: OptimalStrategy.Backend = .network
  ) -> any PlacementStrategy {
    switch self {
    case .optimal, .optimalSquared:
      OptimalStrategy(rankCost: self.rankCost(requested: rankCost), backend: backend)
    case .rankMaximal: RankMaximalStrategy()
    }
  }

  /// Blocking pairs of `placement` with respect to worksite priorities (`nil` until measured).
  func blockingPairs(_ placement: Placement, instance: PlacementInstance, seed: UInt64) -> Int? {
    nil
  }
}
