import InternMatchModel

/// The fairest worst case: place as many students as `optimal` does, with the worst rank any
/// placed student gets as small as possible, then the least sum of ranks among those placements.
///
/// Exact by search on the worst rank r: the most students placeable using only choices ranked
/// r or better grows with r, so a binary search over the distinct ranks finds the smallest r at
/// which it reaches the unrestricted maximum (a bottleneck assignment; Gross 1959, Garfinkel
/// 1971); the `optimal` core then minimises the sum of ranks within that limit. Every side
/// constraint `optimal` honours is honoured, since only the lists are shortened.
///
/// ```swift
/// let result = try MinimumWorstRankStrategy().place(instance)
/// result.statistics["worst_rank"]  // the smallest worst rank at the maximum placement
/// ```
///
/// - Complexity: O(log R) solves of `optimal` for R distinct ranks.
public struct MinimumWorstRankStrategy: PlacementStrategy {
  /// Creates the strategy.
  public init() {}

  public var name: String { "min-worst-rank" }
  public var lotterySeed: UInt64? { nil }
  public func reseeded(_ seed: UInt64) -> Self { self }
  /// Every side constraint of one placement per student (not yet the menu of activities).
  public var supportedRules: Set<SideRule> {
    Set(SideRule.allCases).subtracting([.activities, .slots, .maxPerEmployer])
  }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    let core = OptimalStrategy(rankCost: .linear)
    let unrestricted = try core.place(instance)
    let most = unrestricted.objective.placed
    let ranks = Set(instance.choices.rank).sorted()
    var best = unrestricted
    var worst = ranks.last.map(Int.init) ?? 0
    // Invariant: ranks[high] reaches `most`; ranks below `low` do not.
    var low = 0
    var high = ranks.count - 1
    var solves = 1
    while low < high {
      let mid = (low + high) / 2
      let attempt = try core.place(instance.keepingChoices(upToRank: Int(ranks[mid])))
      solves += 1
      if attempt.objective.placed == most {
        high = mid
        best = attempt
        worst = Int(ranks[mid])
      } else {
        low = mid + 1
      }
    }
    var result = best
    result.strategy = name
    result.statistics["worst_rank"] = worst
    result.statistics["optimal_solves"] = solves
    // The restricted instance's choices are a subset of the instance's, so the placement is
    // valid for the instance too; its objective is recomputed against the full lists.
    result.objective = instance.objective(of: result.placement, rankCost: .linear)
    return result
  }
}
