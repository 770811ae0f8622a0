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
  /// (`PlacementInstance.seatsStillHeld(by:)`). One min-cost circulation does it exactly
  /// (`ConstrainedNetworkModel/disruptionWeight(_:rankCost:students:)`): every arc but a
  /// student's arc to their previous worksite costs `D` more, `D` above any rank-cost
  /// difference, and the return arc's `−M` above every cost.
  ///
  /// With `keepPlaced`, keeping is a hard rule: every student whose seat still exists stays,
  /// and at a worksite whose seats were cut below its previous students only those students may
  /// sit, so exactly as many leave as seats were cut (which ones is part of the optimum) and
  /// they are placed elsewhere where possible. When the updated data themselves make that
  /// impossible (a new pin, a lower limit), the result is ``SolverError/Kind/infeasible``.
  ///
  /// Minimum group sizes, links, and school limits crossing seat types make the problem a MIP:
  /// the same circulation, with the same costs, goes to `PlacementMIP` (GLPK branch-and-cut),
  /// the seats `keepPlaced` keeps held as pins.
  ///
  /// - Complexity: one network simplex solve over O(S + W + L) nodes and arcs (two with an
  ///   unmet school floor); with a MIP, branch-and-cut within the policy's time limit.
  public func rematch(_ instance: PlacementInstance, previous: Placement, keepPlaced: Bool)
    throws(SolverError) -> PlacementResult
  {
    let held = instance.seatsStillHeld(by: previous)
    var fixings = ConstrainedNetworkModel.Fixings()
    fixings.previous = held
    let keep = keepPlaced ? Self.keepEverySeat(held, in: instance) : nil
    fixings.allowed = keep?.allowed ?? [:]
    for (s, w) in (keep?.held ?? []).enumerated() where w >= 0 { fixings.held[s] = Int(w) }
    let rules = instance.sideRules
    var result: PlacementResult
    var floorDiagnostics: [String] = []
    if !rules.contains(.minimumGroup), !rules.contains(.links),
      let network = try ConstrainedAssignmentNetwork(instance, rankCost: rankCost, fixings: fixings)
    {
      result = try checked(
        network.placement, against: network.objective, instance: instance,
        solver: "network-simplex (re-match)",
        statistics: ["network_nodes": network.nodes, "network_arcs": network.arcs])
      result.statistics["school_floors_met"] = network.floorsMet ? 1 : 0
      floorDiagnostics = network.floorDiagnostics
    } else {
      // Minimum groups, links, or school limits crossing seat types: the MIP, with the seats
      // kept as pins (its presolve reasons about pins) and the same previous placement.
      var mipFixings = fixings
      mipFixings.held = [:]
      var holding = instance
      if let keep {
        do {
          holding = try instance.holding(keep.held)
        } catch {
          throw SolverError.infeasible(
            "the seats --keep-placed keeps break the updated data's rules: "
              + error.issues.filter { $0.severity == .error }.map(\.message).prefix(3)
              .joined(separator: "; "))
        }
      }
      result = try placeWithMIP(holding, rematch: mipFixings, checkedAgainst: instance)
      result.solver += " (re-match)"
      floorDiagnostics = result.diagnostics
    }
    result.statistics["kept"] = held.indices.count {
      held[$0] >= 0 && result.placement.worksite(of: $0) == Int(held[$0])
    }
    result.statistics["seats_still_held"] = held.count { $0 >= 0 }
    result.diagnostics = floorDiagnostics
    return result
  }

  /// What `--keep-placed` fixes: the students whose worksite still seats all its previous
  /// students are held there (`held`, `-1` for the others); a worksite whose seats were cut
  /// below them takes only them (`allowed`, for every other student listing it).
  private static func keepEverySeat(_ held: [Int32], in instance: PlacementInstance)
    -> (held: [Int32], allowed: [Int: Set<Int>])
  {
    var incumbents = [Int](repeating: 0, count: instance.worksites.count)
    for w in held where w >= 0 { incumbents[Int(w)] += 1 }
    let cut = instance.worksites.indices.map { incumbents[$0] > instance.worksites[$0].capacity }
    let choices = instance.choices
    var kept = [Int32](repeating: -1, count: held.count)
    var allowed: [Int: Set<Int>] = [:]
    for s in 0..<instance.students.count {
      let own = Int(held[s])
      if own >= 0, !cut[own] {
        kept[s] = held[s]
        continue
      }
      let listed = choices.range(of: s).map { Int(choices.worksite[$0]) }
      guard listed.contains(where: { cut[$0] && $0 != own }) else { continue }
      allowed[s] = Set(listed.filter { !cut[$0] || $0 == own })
    }
    return (kept, allowed)
  }
}
