import InternMatchModel

/// Rank-maximal placement: lexicographically maximise the number of students at their first
/// choice, then at their second, and so on (the "greedy" signature of Irving, Kavitha, Mehlhorn,
/// Michail & Paluch, "Rank-maximal matchings", ACM TALG 2006; its capacitated form in
/// Kwanashie, Irving, Manlove & Sng, "Profile-based optimal matchings in the Student/Project
/// Allocation problem", IWOCA 2014).
///
/// Exact by stages on one network — the circulation of ``ConstrainedNetworkModel``, so pins,
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
    guard
      var (result, unmet) = try SchoolFloors.place(
        instance, rankCost: .linear, reserves: !instance.policy.reservesRevert,
        { floor throws(SolverError) in try Self.stages(instance, floor: floor) })
    else { throw SolverError.infeasible("rank-maximal: the side constraints admit no placement") }
    if instance.rules.schoolFloor != nil {
      result.statistics["school_floors_met"] = unmet.isEmpty ? 1 : 0
    }
    result.diagnostics = unmet
    return result
  }

  /// The staged solve on the model of ``ConstrainedNetworkModel`` (its costs replaced stage by
  /// stage); `nil` when the model is infeasible.
  private static func stages(_ instance: PlacementInstance, floor: Double?) throws(SolverError)
    -> PlacementResult?
  {
    let model = ConstrainedNetworkModel(
      instance, rankCost: .linear, floor: floor, reserves: !instance.policy.reservesRevert)
    guard model.schoolLimits.isEmpty else {
      throw SolverError.unsupportedRule(
        "rank-maximal cannot combine max_per_school and reserves that do not revert on one "
          + "worksite; use optimal")
    }
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
    var basis: NetworkSimplex.Basis?
    var flows = [Int](repeating: 0, count: tail.count)
    let ranks = Array(Set(rankOfArc.filter { $0 > 0 })).sorted()
    var stageCount = 0
    for r in ranks.isEmpty ? [0] : ranks {
      var network = NetworkSimplex(nodeCount: net.nodeCount)
      network.supply = supply
      network.reserveArcs(tail.count)
      for e in 0..<tail.count {
        network.addArc(
          from: tail[e], to: head[e], capacity: frozen[e] ? 0 : capacity[e],
          cost: !frozen[e] && rankOfArc[e] == r && r > 0 ? -1 : 0)
      }
      switch network.run(warmStart: basis) {
      case .optimal: break
      case .infeasible: return nil
      case .unbounded: throw SolverError.backend("rank-maximal: stage for rank \(r) is unbounded")
      }
      stageCount += 1
      for e in 0..<tail.count where !frozen[e] {
        flows[e] = network.flow(e)
        let reduced =
          (rankOfArc[e] == r && r > 0 ? -1 : 0) + network.potential(tail[e])
          - network.potential(head[e])
        guard reduced != 0 else { continue }
        frozen[e] = true
        if reduced < 0 {
          // Saturated for good: its flow moves into the supplies.
          frozenAtUpper[e] = true
          supply[tail[e]] -= capacity[e]
          supply[head[e]] += capacity[e]
        }
      }
      basis = network.finalBasis.map {
        var next = $0
        for e in 0..<tail.count where frozen[e] { next.atUpperBound[e] = false }
        return next
      }
    }

    var placement = Placement(studentCount: instance.students.count)
    for (arc, s, w) in model.choiceArcs
    where frozenAtUpper[arc] || (!frozen[arc] && flows[arc] == 1) {
      placement.assign(student: s, to: w)
    }
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError.backend(
        "rank-maximal placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    var result = PlacementResult(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: "rank-maximal", solver: "network-simplex (staged)",
      statistics: ["stages": stageCount])
    result.status = .optimal
    return result
  }
}
