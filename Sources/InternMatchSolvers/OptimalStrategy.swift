import GLPK
import InternMatchModel

/// Exact optimal placement: place as many students as possible, then minimise the total rank
/// cost of the placed students, using only eligible choices on each student's own list.
///
/// Two exact backends compute it: the Swift network-flow core (`AssignmentNetwork`, one
/// min-cost circulation with an exact big-M return arc; the default) and GLPK (the choice graph's
/// connected components, `ChoiceComponents`, each solved as the two-level LP of
/// `AssignmentLP`). Side constraints that keep the problem a network (pins, school limits,
/// employer capacities, non-reverting reserves, school floors) go to
/// `ConstrainedAssignmentNetwork`, or with the GLPK backend to `PlacementMIP` as an LP;
/// minimum group sizes and linked students always go to `PlacementMIP`, GLPK's
/// branch-and-cut, within the policy's time limit and gap. The result is checked before it is
/// returned: the placement valid for the instance and the objective recomputed from the
/// students' lists equal to the backend's optimum.
///
/// ```swift
/// let result = try OptimalStrategy(rankCost: .linear).place(instance)
/// result.objective  // PlacementObjective(placed: 3, cost: 4)
/// ```
///
/// - Complexity: network: one circulation with S + W + 2 nodes and L + S + W + 1 arcs; GLPK: one
///   LP per component with one column per eligible choice.
public struct OptimalStrategy: PlacementStrategy {
  /// The engine that computes the optimum. Both are exact and must agree.
  public enum Backend: String, Hashable, Sendable, CaseIterable {
    /// The Swift network-flow core: primal–dual shortest augmenting paths
    /// (`AssignmentNetwork`), network simplex with side constraints. Fast at any size.
    case network
    /// GLPK's simplex on the two-level LP (`AssignmentLP`), per component.
    case glpk
  }

  /// How ranks become costs at level 2.
  public var rankCost: RankCost
  /// The engine.
  public var backend: Backend
  /// The branch-and-cut time limit when side constraints make the problem a MIP; `nil` uses
  /// the policy's `mip_time_limit_seconds`.
  public var timeLimitSeconds: Double?

  /// Creates the strategy.
  public init(
    rankCost: RankCost = .linear, backend: Backend = .network, timeLimitSeconds: Double? = nil
  ) {
    self.rankCost = rankCost
    self.backend = backend
    self.timeLimitSeconds = timeLimitSeconds
  }

  public var name: String { "optimal" }
  public var lotterySeed: UInt64? { nil }
  public func reseeded(_ seed: UInt64) -> Self { self }
  public var supportedRules: Set<SideRule> { Set(SideRule.allCases) }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    let rules = instance.sideRules
    try refuseMenu(instance)
    if rules.contains(.minimumGroup) || rules.contains(.links) {
      return try placeWithMIP(instance)
    }
    switch backend {
    case .glpk:
      return ConstrainedAssignmentNetwork.applies(to: instance)
        ? try placeWithMIP(instance) : try placeWithGLPK(instance)
    case .network: return try placeWithNetworkSimplex(instance)
    }
  }

  /// Every side constraint, as a MIP (an LP when only network constraints are present).
  func placeWithMIP(
    _ instance: PlacementInstance, rematch: ConstrainedNetworkModel.Fixings = .init(),
    checkedAgainst original: PlacementInstance? = nil
  ) throws(SolverError) -> PlacementResult {
    let mip = try PlacementMIP(
      instance, rankCost: rankCost,
      limits: .init(
        timeLimitSeconds: timeLimitSeconds ?? instance.policy.mipTimeLimitSeconds,
        relativeGap: instance.policy.mipGap),
      rematch: rematch)
    var result = try checked(
      mip.placement, against: mip.objective, instance: original ?? instance,
      solver: mip.branchAndCut
        ? "glpk-branch-and-cut \(GLPKEnvironment.version)"
        : mip.reoptimized
          ? "network-simplex (MIP relaxation, re-optimised)"
          : "network-simplex (MIP relaxation, repaired)",
      statistics: [
        "mip_rows": mip.rows, "mip_columns": mip.columns, "mip_nodes": mip.nodes,
        "mip_proven_optimal": mip.status == .optimal ? 1 : 0,
        "mip_max_placed_proven": mip.levels?.maximumPlacedProven == true ? 1 : 0,
      ])
    // Without a bound (the time limit passed before the relaxation was solved) no gap is known.
    result.statistics["mip_gap"] = mip.gap
    result.statistics["mip_placed_gap"] = mip.levels?.placedGap
    result.statistics["mip_rank_cost_gap"] = mip.levels?.costGap
    result.statistics["school_floors_met"] = mip.floorsMet ? 1 : 0
    if mip.tooLargeForGLPK { result.statistics["mip_too_large_for_glpk"] = 1 }
    result.diagnostics = mip.diagnostics
    result.status = mip.status == .optimal ? .optimal : .feasible
    return result
  }

  private func placeWithNetworkSimplex(_ instance: PlacementInstance) throws(SolverError)
    -> PlacementResult
  {
    if ConstrainedAssignmentNetwork.applies(to: instance) {
      guard let network = try ConstrainedAssignmentNetwork(instance, rankCost: rankCost) else {
        // Not a network (max_per_school and reserves on one worksite).
        return try placeWithMIP(instance)
      }
      var result = try checked(
        network.placement, against: network.objective, instance: instance,
        solver: "network-simplex",
        statistics: ["network_nodes": network.nodes, "network_arcs": network.arcs])
      result.statistics["school_floors_met"] = network.floorsMet ? 1 : 0
      result.diagnostics = network.floorDiagnostics
      return result
    }
    let network = try AssignmentNetwork(instance, rankCost: rankCost)
    return try checked(
      network.placement, against: network.objective, instance: instance,
      solver: "network-primal-dual",
      statistics: [
        "network_nodes": network.nodes, "network_arcs": network.arcs,
        "fixed_before_solving": network.fixedBeforeSolving, "phases": network.phases,
        "augmentations": network.augmentations,
      ])
  }

  private func placeWithGLPK(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    let components = ChoiceComponents(instance.choices, worksiteCount: instance.worksites.count)
    var placement = Placement(studentCount: instance.students.count)
    var expected = PlacementObjective(placed: 0, cost: 0)
    var localIndex = [Int32](repeating: -1, count: instance.worksites.count)
    var largest = 0
    var rows = 0
    var columns = 0
    var duals = [Double?](repeating: nil, count: instance.worksites.count)
    for (students, worksites) in zip(components.students, components.worksites) {
      let lp = try AssignmentLP(
        students: students, worksites: worksites, instance: instance, rankCost: rankCost,
        localIndex: &localIndex)
      for (s, w) in lp.assignments { placement.assign(student: s, to: w) }
      for (w, dual) in zip(worksites, lp.capacityDuals) { duals[w] = dual }
      expected.placed += lp.objective.placed
      expected.cost += lp.objective.cost
      largest = max(largest, students.count)
      rows += lp.rows
      columns += lp.columns
    }

    var result = try checked(
      placement, against: expected, instance: instance,
      solver: "glpk-simplex \(GLPKEnvironment.version)",
      statistics: [
        "components": components.students.count, "largest_component_students": largest,
        "lp_rows": rows, "lp_columns": columns,
      ])
    result.glpkCapacityDuals = duals
    return result
  }

  /// The result, once `placement` is valid and its recomputed objective equals the backend's.
  func checked(
    _ placement: Placement, against expected: PlacementObjective, instance: PlacementInstance,
    solver: String, statistics: [String: Int]
  ) throws(SolverError) -> PlacementResult {
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError.backend(
        "\(solver): the optimal placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    let objective = instance.objective(of: placement, rankCost: rankCost)
    guard objective == expected else {
      throw SolverError.backend(
        "\(solver): recomputed objective \(objective) differs from \(expected)")
    }
    var result = PlacementResult(
      placement: placement, objective: objective, strategy: name, solver: solver,
      statistics: statistics)
    result.status = .optimal
    return result
  }
}
