import InternMatchModel

/// The by-hand baseline: first choices first. In round r, every student still unplaced whose
/// r-th listed worksite is an eligible choice asks for it, in lottery order (by priority tier
/// first when the policy names `priority_groups`), and gets it if a seat is left for them.
///
/// This is immediate acceptance without worksite priorities (the "Boston mechanism" of
/// Abdulkadiroğlu & Sönmez, AER 2003): it rewards ranking a popular worksite first and is not
/// strategy-proof — a useful baseline for `compare`. Pins take their seats first; reserves are
/// handled as in ``SerialDictatorshipStrategy``.
///
/// ```swift
/// let result = try GreedyStrategy(seed: 2026).place(instance)
/// ```
///
/// - Complexity: O(S log S + R·S + L) for R distinct ranks.
public struct GreedyStrategy: LotteryStrategy {
  /// The lottery seed.
  public var seed: UInt64

  /// Creates the strategy.
  public init(seed: UInt64) { self.seed = seed }

  public var name: String { "greedy" }
  /// The seat ledger's rules; a menu of activities (with slots and `max_per_employer`) through
  /// ``placeMenu(_:)``.
  public var supportedRules: Set<SideRule> { SequentialPlacement.supportedRules.union(menuRules) }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try refuseMenu(instance)
    try requireSupport(of: instance)
    let choices = instance.choices
    let ranks = Set(choices.rank).sorted()
    return SequentialPlacement.place(instance, seed: seed, strategy: name) {
      order, ledger, placement in
      var next = order.map { choices.range(of: $0).lowerBound }
      for r in ranks {
        for (k, s) in order.enumerated() where placement.worksite(of: s) == nil {
          let c = next[k]
          guard c < choices.range(of: s).upperBound, choices.rank[c] == r else { continue }
          next[k] += 1
          if ledger.take(student: s, at: Int(choices.worksite[c])) {
            placement.assign(student: s, to: Int(choices.worksite[c]))
          }
        }
      }
    }
  }
}
