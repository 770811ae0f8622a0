import InternMatchModel

/// The frame both sequential strategies share: pins first, then one pass of `turns` in order,
/// then — when reserves revert — a second pass for the students still unplaced, with unfilled
/// reserved seats open to anyone.
enum SequentialPlacement {
  /// The side constraints a seat ledger honours.
  static let supportedRules: Set<SideRule> = [.pins, .maxPerSchool, .reserves, .employerCapacity]

  /// Runs `turns` for the students in lottery order (tier first) drawn from `seed`, and
  /// returns the result of strategy `name`.
  static func place(
    _ instance: PlacementInstance, seed: UInt64, strategy name: String,
    turns: (_ order: [Int], _ ledger: inout SeatLedger, _ placement: inout Placement) -> Void
  ) -> PlacementResult {
    let order = WorksitePriorities(instance: instance, seed: seed).sequence
    var ledger = SeatLedger(instance)
    var placement = Placement(studentCount: instance.students.count)
    for (s, w) in instance.pinnedWorksite.enumerated() where w >= 0 {
      ledger.force(student: s, at: Int(w))
      placement.assign(student: s, to: Int(w))
    }
    let free = order.filter { instance.pinnedWorksite[$0] < 0 }
    turns(free, &ledger, &placement)
    if instance.policy.reservesRevert, ledger.hasReserves {
      ledger.releaseReserves()
      turns(free.filter { placement.worksite(of: $0) == nil }, &ledger, &placement)
    }
    return PlacementResult(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: name, solver: name)
  }
}
