import InternMatchModel

/// Rank-maximal placement: lexicographically maximise the number of students at their first
/// choice, then at their second, and so on (the "greedy" signature of Irving, Kavitha, Mehlhorn,
/// Michail & Paluch, "Rank-maximal matchings", ACM TALG 2006; its capacitated form in
/// Kwanashie, Irving, Manlove & Sng, "Profile-based optimal matchings in the Student/Project
/// Allocation problem", IWOCA 2014).
///
/// Exact by stages on one network — the circulation of `ConstrainedNetworkModel`, so pins,
/// school limits, employer capacities, non-reverting reserves and school floors hold, with a
/// free return arc `T → S` — where stage `r` maximises the number of rank-`r` placements over the optimal face of the
/// stages before it. That face is exactly the circulations meeting complementary slackness with
/// the previous stage's potentials, so every arc with a non-zero reduced cost is frozen at its
/// current bound and the rest stay free (linear programming duality; the face of a network
/// polytope is again a network polytope with integral vertices). Frozen arcs are never in the
/// spanning tree, so each stage warm-starts from the last one's basis. Arithmetic is exact.
/// Pinned students keep their seats and the profile is maximised over everyone else; floors
/// that cannot be met are reported, and the profile is maximised without them.
///
/// Without side rules that need the network (pins, school and employer limits, non-reverting
/// reserves, floors), the combinatorial `RankMaximalMatching` computes the same profile far
/// faster; the staged network is kept for the side rules.
///
/// ```swift
/// let result = try RankMaximalStrategy().place(instance)
/// OutcomeMetrics(instance: instance, placement: result.placement).rankProfile  // lexmax
/// ```
///
/// - Complexity: one network simplex per distinct rank, on O(S + W) nodes and O(L + S + W)
///   arcs.
public struct RankMaximalStrategy: PlacementStrategy {
  /// Creates the strategy.
  public init() {}

  public var name: String { "rank-maximal" }
  public var lotterySeed: UInt64? { nil }
  public func reseeded(_ seed: UInt64) -> Self { self }
  public var supportedRules: Set<SideRule> {
    [.pins, .maxPerSchool, .employerCapacity, .reserves, .schoolFloor]
  }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try requireSupport(of: instance)
    if Self.matchingApplies(to: instance) { return try Self.matching(instance) }
    guard instance.worksitesRankMaximalCannotHold.isEmpty else { throw Self.cannotHold(instance) }
    guard
      case (var result, let unmet)? = try SchoolFloors.place(
        instance, rankCost: .linear, reserves: !instance.policy.reservesRevert,
        { floor throws(SolverError) in try Self.stages(instance, floor: floor) })
    else { throw SolverError.infeasible("rank-maximal: the side constraints admit no placement") }
    if instance.rules.schoolFloor != nil {
      result.statistics["school_floors_met"] = unmet.isEmpty ? 1 : 0
    }
    result.diagnostics = unmet
    return result
  }

  /// Whether ``RankMaximalMatching`` holds every rule of `instance`: none but reserves that
  /// revert (which never bind an optimum).
  static func matchingApplies(to instance: PlacementInstance) -> Bool {
    instance.sideRules.isSubset(of: instance.policy.reservesRevert ? [.reserves] : [])
  }

  /// The placement of ``RankMaximalMatching``, checked.
  private static func matching(_ instance: PlacementInstance) throws(SolverError)
    -> PlacementResult
  {
    let matching = RankMaximalMatching(
      choices: instance.choices, capacity: instance.worksites.map(\.capacity))
    var placement = Placement(studentCount: instance.students.count)
    for (s, w) in matching.assignment.enumerated() where w >= 0 {
      placement.assign(student: s, to: Int(w))
    }
    return try checked(
      placement, instance, solver: "rank-maximal-matching",
      statistics: ["phases": matching.phases, "augmentations": matching.augmentations])
  }

  /// `placement` as the strategy's result, after the instance's checks.
  private static func checked(
    _ placement: Placement, _ instance: PlacementInstance, solver: String,
    statistics: [String: Int]
  ) throws(SolverError) -> PlacementResult {
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError.backend(
        "rank-maximal placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    var result = PlacementResult(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: "rank-maximal", solver: solver, statistics: statistics)
    result.status = .optimal
    return result
  }

  /// The refusal naming the worksites that combine `max_per_school` with reserves that do not
  /// revert (a data error: exit 65).
  private static func cannotHold(_ instance: PlacementInstance) -> SolverError {
    SolverError.unsupportedRule(
      "rank-maximal cannot combine max_per_school and reserves that do not revert on one "
        + "worksite ("
        + instance.worksitesRankMaximalCannotHold.prefix(5).map {
          "worksites.csv record \($0 + 1), '\(instance.worksites[$0].id)'"
        }.joined(separator: "; ") + "); use optimal")
  }

  /// The staged solve on the model of ``ConstrainedNetworkModel`` (its costs replaced stage by
  /// stage); `nil` when the model is infeasible.
  static func stages(_ instance: PlacementInstance, floor: Double?) throws(SolverError)
    -> PlacementResult?
  {
    let model = ConstrainedNetworkModel(
      instance, rankCost: .linear, floor: floor, reserves: !instance.policy.reservesRevert)
    guard model.schoolLimits.isEmpty else { throw Self.cannotHold(instance) }
    let net = model.builder
    let tail = net.tails
    let head = net.heads
    // Lower bounds become supplies; capacities what is left above them.
    let capacity = zip(net.capacities, net.lowers).map { $0 - $1 }
    var supply = [Int](repeating: 0, count: net.nodeCount)
    for e in tail.indices {
      supply[tail[e]] -= net.lowers[e]
      supply[head[e]] += net.lowers[e]
    }
    var rankOfArc = [Int](repeating: 0, count: tail.count)  // 0 for arcs that are not choices
    for (arc, s, w) in model.choiceArcs where instance.pinnedWorksite[s] < 0 {
      rankOfArc[arc] = instance.rank(of: s, at: w) ?? 0
    }

    // Frozen arcs: capacity 0 (at lower) or moved into the supplies (at upper).
    var frozenAtUpper = [Bool](repeating: false, count: tail.count)
    var frozen = [Bool](repeating: false, count: tail.count)
    // The basis in the model's arc numbers (frozen arcs are never in the tree: their reduced
    // cost is not zero).
    var basis: NetworkSimplex.Basis?
    var flows = [Int](repeating: 0, count: tail.count)
    let ranks = Array(Set(rankOfArc.filter { $0 > 0 })).sorted()
    var stageCount = 0
    // The arcs not frozen yet: each stage's network holds only these (a frozen arc has no room
    // left, at either bound), so the stages shrink as the profile is decided, and the model's
    // arcs are renumbered `alive[k]` ↔ `k`.
    var alive = Array(0..<tail.count)
    var position = [Int](repeating: -1, count: tail.count)
    for r in ranks.isEmpty ? [0] : ranks {
      // A rank with no arc left to place changes nothing.
      guard r == 0 || alive.contains(where: { rankOfArc[$0] == r }) else { continue }
      for (k, e) in alive.enumerated() { position[e] = k }
      var network = NetworkSimplex(nodeCount: net.nodeCount)
      network.supply = supply
      network.reserveArcs(alive.count)
      for e in alive {
        network.addArc(
          from: tail[e], to: head[e], capacity: capacity[e],
          cost: rankOfArc[e] == r && r > 0 ? -1 : 0)
      }
      let start = basis.map { last in
        NetworkSimplex.Basis(
          treeArc: last.treeArc.map { $0 < 0 ? -1 : position[$0] },
          atUpperBound: alive.map { last.atUpperBound[$0] })
      }
      switch network.run(warmStart: start) {
      case .optimal: break
      case .infeasible: return nil
      case .unbounded: throw SolverError.backend("rank-maximal: stage for rank \(r) is unbounded")
      case .stopped: throw SolverError.backend("rank-maximal: stopped without a deadline")
      }
      stageCount += 1
      var upper = [Bool](repeating: false, count: tail.count)
      if let final = network.finalBasis {
        for (k, e) in alive.enumerated() { upper[e] = final.atUpperBound[k] }
        basis = NetworkSimplex.Basis(
          treeArc: final.treeArc.map { $0 < 0 ? -1 : alive[$0] }, atUpperBound: upper)
      } else {
        basis = nil
      }
      var stillAlive: [Int] = []
      stillAlive.reserveCapacity(alive.count)
      for (k, e) in alive.enumerated() {
        flows[e] = network.flow(k)
        let reduced =
          (rankOfArc[e] == r && r > 0 ? -1 : 0) + network.potential(tail[e])
          - network.potential(head[e])
        guard reduced != 0 else {
          stillAlive.append(e)
          continue
        }
        frozen[e] = true
        basis?.atUpperBound[e] = false
        if reduced < 0 {
          // Saturated for good: its flow moves into the supplies.
          frozenAtUpper[e] = true
          supply[tail[e]] -= capacity[e]
          supply[head[e]] += capacity[e]
        }
      }
      alive = stillAlive
    }

    var placement = Placement(studentCount: instance.students.count)
    for (arc, s, w) in model.choiceArcs
    where frozenAtUpper[arc] || (!frozen[arc] && flows[arc] == 1) {
      placement.assign(student: s, to: w)
    }
    return try checked(
      placement, instance, solver: "network-simplex (staged)",
      statistics: ["stages": stageCount])
  }
}
