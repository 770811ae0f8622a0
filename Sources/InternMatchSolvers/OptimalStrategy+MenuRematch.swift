import GLPK
import InternMatchModel

extension OptimalStrategy {
  /// Places a menu of activities again after an earlier menu placement, disturbing it as
  /// little as possible: lexicographically over the kinds in priority order, for each kind (1)
  /// the most placements, (2) the most earlier placements kept, (3) the least rank cost.
  ///
  /// ```swift
  /// let again = try OptimalStrategy().rematchMenu(updated, previous: before, keepPlaced: false)
  /// again.statistics["kept"]  // earlier placements still in place, slot included
  /// ```
  ///
  /// `previous` is over `instance`'s people and worksites. A placement is *kept* when the
  /// person is at the same worksite **in the same slot** (a family told "mock interview at
  /// 09:20" expects that time), and can be kept only while it still exists
  /// (`PlacementInstance.menuPlacementsStillHeld(by:)`). Without slots the network does it
  /// exactly (`MenuNetwork` with `keeping`: every arc but an earlier placement's costs `D`
  /// more, `D` above the kind's every rank-cost difference). With slots, every set of people
  /// and worksites of the kinds with slots goes to GLPK's branch-and-cut with a third solve per
  /// level between "most placed" and "least cost": the most kept columns (`MenuMIP`); the kinds
  /// without slots keep the network's answer (they share no row with the others). With
  /// ``Backend/glpk`` every kind goes to the MIP.
  ///
  /// With `keepPlaced`, keeping is a hard rule: every earlier placement that still exists is
  /// held as a pin, person by person in input order, as far as the updated limits allow
  /// (`PlacementInstance.menuHolds(_:order:)`), and the rest is placed around them.
  ///
  /// - Throws: ``SolverError/Kind/unsupportedRule`` as ``placeMenu(_:)``;
  ///   ``SolverError/Kind/backend`` when a solve fails its checks.
  /// - Complexity: that of ``placeMenu(_:)``, plus one more branch-and-cut solve per level and
  ///   set with slots.
  public func rematchMenu(_ instance: PlacementInstance, previous: MenuPlacement, keepPlaced: Bool)
    throws(SolverError) -> MenuResult
  {
    _ = try requireMenuSupport(of: instance)
    // One deadline for the whole re-match, as for ``placeMenu(_:)``.
    let deadline = SolveDeadline(
      seconds: timeLimitSeconds ?? instance.policy.mipTimeLimitSeconds)
    let held = instance.menuPlacementsStillHeld(by: previous)
    let solving =
      keepPlaced
      ? try Self.holdingMenu(
        instance, instance.menuHolds(held, order: Array(instance.students.indices)))
      : instance
    let network = try MenuNetwork(
      solving, rankCost: rankCost, keeping: Set(held.map { $0.student << 32 | $0.worksite }))
    var statistics = [
      "network_nodes": network.nodes, "network_arcs": network.arcs,
      "network_pivots": network.pivots,
    ]
    var result: MenuResult
    if !solving.sideRules.contains(.slots), backend != .glpk {
      result = try checked(
        network.placement, against: network.objective, in: solving,
        solver: "network-simplex (menu re-match, kind by kind)", statistics: statistics,
        status: .optimal)
    } else {
      // The network's placement with slots given greedily, each earlier slot first where free.
      // A set where nothing is dropped and every pair the network keeps got its earlier slot
      // reaches the relaxation's bound at every level (placed, pairs kept ≥ slots kept, cost):
      // optimal. Only the others are searched.
      var earlier: [Int: Int] = [:]
      for e in held { if let t = e.slot { earlier[e.student << 32 | e.worksite] = t } }
      let greedy = MenuMIP.slotted(
        network.placement, in: solving, repair: false, preferring: earlier)
      let missed = network.placement.entries.filter { e in
        earlier[e.student << 32 | e.worksite].map {
          !greedy.placement.placements(of: e.student).contains(
            MenuPlacement.Entry(student: e.student, worksite: e.worksite, slot: $0))
        } ?? false
      }
      if greedy.dropped.isEmpty, missed.isEmpty, backend != .glpk {
        result = try checked(
          greedy.placement, against: network.objective, in: solving,
          solver: "network-simplex (menu re-match; earlier slots kept, no conflict: optimal)",
          statistics: statistics, status: .optimal)
        try result.countKept(held, checkedIn: instance)
        return result
      }
      let start = (placement: greedy.placement, dropped: greedy.dropped + missed)
      let mip = try MenuMIP(
        solving, rankCost: rankCost, deadline: deadline,
        relaxed: network, start: start, searchEverySet: backend == .glpk, keeping: Set(held))
      statistics.merge(
        [
          "mip_rows": mip.searches.rows, "mip_columns": mip.searches.columns,
          "mip_nodes": mip.searches.nodes, "mip_proven_optimal": mip.searches.proven ? 1 : 0,
          "mip_sets_searched": mip.searchedSets, "mip_sets_not_searched": mip.setsNotSearched,
          "mip_placed_gap": mip.searches.placedGap,
          "mip_cost_gap": mip.searches.costGap,
        ], uniquingKeysWith: { $1 })
      result = try checked(
        mip.placement, against: mip.objective, in: solving,
        solver: "glpk-branch-and-cut \(GLPKEnvironment.version) (menu re-match, level by level)",
        statistics: statistics, status: mip.searches.proven ? .optimal : .feasible)
    }
    try result.countKept(held, checkedIn: instance)
    return result
  }

  /// `instance` with `holds` pinned (`PlacementInstance.holding(menu:)`).
  ///
  /// - Throws: ``SolverError/Kind/infeasible`` when the holds break the updated data's rules.
  package static func holdingMenu(_ instance: PlacementInstance, _ holds: [MenuPlacement.Entry])
    throws(SolverError) -> PlacementInstance
  {
    do {
      return try instance.holding(menu: holds)
    } catch {
      throw SolverError.infeasible(
        "the placements kept from the earlier placement break the updated data's rules: "
          + error.issues.filter { $0.severity == .error }.map(\.message).prefix(3)
          .joined(separator: "; "))
    }
  }
}

extension MenuResult {
  /// Checks a re-match's placement against `instance`'s own rules (the holds a re-match pins
  /// are no rule of the data) and records `kept` (the placements of `held` still in place, slot
  /// included) and `placements_still_held` among the statistics.
  ///
  /// - Throws: ``SolverError/Kind/backend`` naming the first violations (a bug).
  package mutating func countKept(
    _ held: [MenuPlacement.Entry], checkedIn instance: PlacementInstance
  )
    throws(SolverError)
  {
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError.backend(
        "menu re-match: the placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    let placement = placement
    statistics["kept"] = held.count { placement.placements(of: $0.student).contains($0) }
    statistics["placements_still_held"] = held.count
  }
}
