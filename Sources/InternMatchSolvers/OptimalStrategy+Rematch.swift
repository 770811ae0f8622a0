import InternMatchModel

extension OptimalStrategy {
  /// Places `instance` again after an earlier placement, disturbing it as little as possible:
  /// lexicographically (1) the most students placed, (2) the most previously placed students
  /// kept at their worksite (so the fewest moved or left unplaced), (3) the least rank cost.
  ///
  /// ```swift
  /// let again = try OptimalStrategy().rematch(updated, previous: before, keepPlaced: false)
  /// again.statistics["kept"]  // previously placed students still at their worksite
  /// ```
  ///
  /// `previous` is over `instance`'s students and worksites; a student counts as *kept* when
  /// placed where `previous` put them and that seat still exists
  /// (``PlacementInstance/seatsStillHeld(by:)``). One min-cost circulation does it exactly
  /// (``ConstrainedNetworkModel/disruptionWeight(_:rankCost:students:)``): every arc but a
  /// student's arc to their previous worksite costs `D` more, `D` above any rank-cost
  /// difference, and the return arc's `−M` above every cost.
  ///
  /// With `keepPlaced`, keeping is a hard rule: every student whose seat still exists stays,
  /// and at a worksite whose seats were cut below its previous students only those students may
  /// sit, so exactly as many leave as seats were cut (which ones is part of the optimum) and
  /// they are placed elsewhere where possible. When the updated data themselves make that
  /// impossible (a new pin, a lower limit), the result is ``SolverError/Kind/infeasible``.
  ///
  /// Minimum group sizes and links make the problem a MIP, for which no re-match is offered
  /// yet: they are refused as ``SolverError/Kind/unsupportedRule``.
  ///
  /// - Complexity: one network simplex solve over O(S + W + L) nodes and arcs (two with an
  ///   unmet school floor).
  public func rematch(_ instance: PlacementInstance, previous: Placement, keepPlaced: Bool)
    throws(SolverError) -> PlacementResult
  {
    let rules = instance.sideRules
    guard !rules.contains(.minimumGroup), !rules.contains(.links) else {
      throw SolverError.unsupportedRule(
        "re-matching does not support minimum group sizes or links yet; solve the updated "
          + "dataset with --pin-from to keep placements as pins")
    }
    let held = instance.seatsStillHeld(by: previous)
    var fixings = ConstrainedNetworkModel.Fixings()
    fixings.previous = held
    if keepPlaced { Self.keepEverySeat(held, in: instance, &fixings) }
    guard
      let network = try ConstrainedAssignmentNetwork(instance, rankCost: rankCost, fixings: fixings)
    else {
      throw SolverError.unsupportedRule(
        "re-matching cannot combine max_per_school and reserves that do not revert on one "
          + "worksite")
    }
    var result = try checked(
      network.placement, against: network.objective, instance: instance,
      solver: "network-simplex (re-match)",
      statistics: ["network_nodes": network.nodes, "network_arcs": network.arcs])
    var kept = 0
    for (s, w) in held.enumerated() where w >= 0 && result.placement.worksite(of: s) == Int(w) {
      kept += 1
    }
    result.statistics["kept"] = kept
    result.statistics["seats_still_held"] = held.count { $0 >= 0 }
    result.statistics["school_floors_met"] = network.floorsMet ? 1 : 0
    result.diagnostics = network.floorDiagnostics
    return result
  }

  /// The fixings of `--keep-placed`: students whose worksite still seats all its previous
  /// students are held there; a worksite whose seats were cut below them takes only them.
  private static func keepEverySeat(
    _ held: [Int32], in instance: PlacementInstance,
    _ fixings: inout ConstrainedNetworkModel.Fixings
  ) {
    var incumbents = [Int](repeating: 0, count: instance.worksites.count)
    for w in held where w >= 0 { incumbents[Int(w)] += 1 }
    let cut = instance.worksites.indices.map { incumbents[$0] > instance.worksites[$0].capacity }
    let choices = instance.choices
    for s in 0..<instance.students.count {
      let own = Int(held[s])
      if own >= 0, !cut[own] {
        fixings.held[s] = own
        continue
      }
      let listed = choices.range(of: s).map { Int(choices.worksite[$0]) }
      guard listed.contains(where: { cut[$0] && $0 != own }) else { continue }
      fixings.allowed[s] = Set(listed.filter { !cut[$0] || $0 == own })
    }
  }
}
