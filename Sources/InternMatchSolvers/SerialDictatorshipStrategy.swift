import InternMatchModel

/// Serial dictatorship: students in lottery order — by priority tier first when the policy
/// names `priority_groups` — each take their best eligible choice that still has a seat for
/// them (Abdulkadiroğlu & Sönmez, "Random serial dictatorship and the core from random
/// endowments in house allocation problems", Econometrica 1998).
///
/// Strategy-proof and Pareto-efficient for the students; it ignores worksites' own rankings.
/// Pins take their seats first. Reserved seats are usable only by their group; when reserves
/// revert, the students left unplaced take a second turn once every reserved seat still empty is
/// opened to all. That second round is the one way to game it: a student may list only
/// worksites they cannot get in the first round to reach reverted seats they prefer.
///
/// ```swift
/// let result = try SerialDictatorshipStrategy(seed: 2026).place(instance)
/// ```
///
/// - Complexity: O(S log S + L).
public struct SerialDictatorshipStrategy: LotteryStrategy {
  /// The lottery seed.
  public var seed: UInt64

  /// Creates the strategy.
  public init(seed: UInt64) { self.seed = seed }

  public var name: String { "serial-dictatorship" }
  /// The seat ledger's rules; a menu of activities (with slots and `max_per_employer`) through
  /// ``placeMenu(_:)``.
  public var supportedRules: Set<SideRule> { SequentialPlacement.supportedRules.union(menuRules) }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try refuseMenu(instance)
    try requireSupport(of: instance)
    let choices = instance.choices
    return SequentialPlacement.place(instance, seed: seed, strategy: name) {
      order, ledger, placement in
      for s in order {
        for c in choices.range(of: s) where ledger.take(student: s, at: Int(choices.worksite[c])) {
          placement.assign(student: s, to: Int(choices.worksite[c]))
          break
        }
      }
    }
  }
}
