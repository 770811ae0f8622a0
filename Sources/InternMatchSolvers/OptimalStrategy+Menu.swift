import GLPK
import InternMatchModel

/// What `optimal` produced for a menu of activities, with how it got there.
public struct MenuResult: Sendable {
  /// Who goes where, possibly several times.
  public var placement: MenuPlacement
  /// Placed and rank cost per kind, in service order, recomputed from the lists.
  public var objective: MenuObjective
  /// The strategy's name.
  public var strategy: String
  /// The backend that solved it.
  public var solver: String
  /// Counters that explain the run, by name.
  public var statistics: [String: Int]
  /// What is proven about the placement.
  public var status: PlacementStatus
}

extension OptimalStrategy {
  /// Places the menu of activities of `instance` exactly: lexicographically over the kinds in
  /// priority order, for each the most placements, then the least rank cost (ranks within a
  /// kind), with caps per kind and per employer, roles and capacities, `max_per_school` and
  /// `employers.csv` (see `MenuNetwork` for the model, why it is a network and why kind by kind
  /// is the lexicographic optimum; an employer whose worksites span kinds ties them, and when
  /// the kinds' own optima together exceed its capacity `MenuMIP` searches the tied kinds
  /// level by level). The
  /// result is checked before it is returned: valid for the instance
  /// (`PlacementInstance.violations(in:)` of a `MenuPlacement`) and its recomputed value equal to
  /// the flows'.
  ///
  /// With ``Backend/glpk`` every menu goes to GLPK's branch-and-cut (`MenuMIP`), slots or
  /// not, started from the network's placement: the same optimum by another path, which
  /// `solve --cross-check` compares against the default one.
  ///
  /// ```swift
  /// let result = try OptimalStrategy().placeMenu(instance)
  /// result.objective.levels.first  // the first kind's placed and rank cost
  /// ```
  ///
  /// - Throws: ``SolverError/Kind/unsupportedRule`` without a menu or with a rule not yet
  ///   supported with one (``MenuPlacing/menuRulesNotYetSupported(in:)``);
  ///   ``SolverError/Kind/backend`` when a solve fails its checks.
  /// - Complexity: see `MenuNetwork`.
  public func placeMenu(_ instance: PlacementInstance) throws(SolverError) -> MenuResult {
    try placeMenu(instance, alwaysSearch: false)
  }

  /// ``placeMenu(_:)``; with `alwaysSearch`, slots always go to GLPK's search, even when the
  /// network's placement with slots given greedily is already optimal (for tests that compare
  /// the two paths); `repairAbove` sets the columns above which a set gets slots with repairs before any search
  /// (`MenuMIP`; 0: every set the greedy start drops from); `deadline` replaces the one
  /// `mip_time_limit_seconds` sets from now (tests pass one already passed).
  package func placeMenu(
    _ instance: PlacementInstance, alwaysSearch: Bool,
    repairAbove: Int = MenuMIP.searchedDirectly, deadline: SolveDeadline? = nil
  ) throws(SolverError) -> MenuResult {
    _ = try requireMenuSupport(of: instance)
    // One deadline for the whole solve, the network stage included: each search gets the
    // time left, and what the deadline does not reach keeps its feasible start (`MenuMIP`).
    let deadline =
      deadline ?? SolveDeadline(seconds: timeLimitSeconds ?? instance.policy.mipTimeLimitSeconds)
    let alwaysSearch = alwaysSearch || backend == .glpk
    // Without slots the network is the answer; with them, its placement without labels, slots
    // given greedily, is optimal when nothing is dropped and the MIP's start otherwise. With
    // `alwaysSearch` the MIP runs either way, from that start.
    let network = try MenuNetwork(instance, rankCost: rankCost)
    let networkStatistics = [
      "network_nodes": network.nodes, "network_arcs": network.arcs,
      "network_pivots": network.pivots,
    ]
    // An employer of employers.csv over several kinds gave each its whole capacity in the
    // network (a relaxation): optimal as it stands when no capacity is exceeded.
    let employersExceeded = !instance.capacityViolations(in: network.placement).isEmpty
    guard instance.sideRules.contains(.slots) || employersExceeded || alwaysSearch else {
      return try checked(
        network.placement, against: network.objective, in: instance,
        solver: "network-simplex (menu, kind by kind)", statistics: networkStatistics,
        status: .optimal)
    }
    let start = MenuMIP.slotted(network.placement, in: instance, repair: false)
    if start.dropped.isEmpty, !alwaysSearch {
      return try checked(
        start.placement, against: network.objective, in: instance,
        solver: "network-simplex (menu; slots given greedily, no conflict: optimal)",
        statistics: networkStatistics, status: .optimal)
    }
    let mip = try MenuMIP(
      instance, rankCost: rankCost,
      deadline: deadline, relaxed: network,
      start: start, searchEverySet: alwaysSearch, searchedDirectly: repairAbove)
    return try checked(
      mip.placement, against: mip.objective, in: instance,
      solver: mip.searchedSets + mip.setsNotSearched == 0 && !alwaysSearch
        ? "network-simplex (menu; slots given greedily, then with repairs: optimal)"
        : mip.searchedSets == 0 && mip.setsNotSearched > 0
          ? "network-simplex (menu; the time limit came before any search, the start kept"
            + (mip.searches.proven ? ": it reaches the relaxation, optimal)" : ")")
          : "glpk-branch-and-cut \(GLPKEnvironment.version) (menu"
            + (instance.sideRules.contains(.slots) ? " with slots" : "")
            + (employersExceeded ? " and shared employers" : "") + ", level by level)",
      statistics: networkStatistics.merging(
        [
          "mip_rows": mip.searches.rows, "mip_columns": mip.searches.columns,
          "mip_nodes": mip.searches.nodes,
          "mip_proven_optimal": mip.searches.proven ? 1 : 0,
          "network_start_dropped": start.dropped.count,
          "mip_sets_searched": mip.searchedSets, "slot_sets_repaired": mip.repairedSets,
          "mip_sets_not_searched": mip.setsNotSearched,
          "mip_placed_gap": mip.searches.placedGap,
          "mip_cost_gap": mip.searches.costGap,
        ], uniquingKeysWith: { $1 }), status: mip.searches.proven ? .optimal : .feasible)
  }

  /// The result, once `placement` is valid and its recomputed value equals the backend's.
  func checked(
    _ placement: MenuPlacement, against expected: MenuObjective, in instance: PlacementInstance,
    solver: String, statistics: [String: Int], status: PlacementStatus
  ) throws(SolverError) -> MenuResult {
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError.backend(
        "\(solver): the placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    let objective = instance.objective(of: placement, rankCost: rankCost)
    guard objective == expected else {
      throw SolverError.backend("\(solver): recomputed value \(objective) differs from \(expected)")
    }
    return MenuResult(
      placement: placement, objective: objective, strategy: name, solver: solver,
      statistics: statistics, status: status)
  }
}
