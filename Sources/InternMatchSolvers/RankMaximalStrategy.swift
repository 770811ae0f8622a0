import InternMatchModel

/// Rank-maximal placement: lexicographically maximise the number of students at their first
/// choice, then at their second, and so on (the "greedy" signature of Irving, Kavitha, Mehlhorn,
/// Michail & Paluch, "Rank-maximal matchings", ACM TALG 2006; its capacitated form in
/// Kwanashie, Irving, Manlove & Sng, "Profile-based optimal matchings in the Student/Project
/// Allocation problem", IWOCA 2014).
///
/// Exact by stages on one network (`S → s`, `s → w`, `w → T` with capacities, a free return arc
/// `T → S`): stage `r` maximises the number of rank-`r` placements over the optimal face of the
/// stages before it. That face is exactly the circulations meeting complementary slackness with
/// the previous stage's potentials, so every arc with a non-zero reduced cost is frozen at its
/// current bound and the rest stay free (linear programming duality; the face of a network
/// polytope is again a network polytope with integral vertices). Frozen arcs are never in the
/// spanning tree, so each stage warm-starts from the last one's basis. Arithmetic is exact.
/// Pinned students keep their seats and the profile is maximised over everyone else.
///
/// ```swift
/// let result = try RankMaximalStrategy().place(instance)
/// OutcomeMetrics(instance: instance, placement: result.placement).rankProfile  // lexmax
/// ```
///
/// - Complexity: one network simplex per distinct rank, on S + W + 2 nodes and L + S + W + 1
///   arcs.
public struct RankMaximalStrategy: PlacementStrategy {
  /// Creates the strategy.
  public init() {}

  public var name: String { "rank-maximal" }
  public var supportedRules: Set<SideRule> { [.pins] }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try requireSupport(of: instance)
    let choices = instance.choices
    let studentCount = instance.students.count
    // Nodes: 0 = S, 1 = T, then every student, then every worksite.
    let worksiteBase = 2 + studentCount
    let nodeCount = worksiteBase + instance.worksites.count
    var tail: [Int] = []
    var head: [Int] = []
    var capacity: [Int] = []
    var rankOfArc: [Int] = []  // 0 for arcs that are not choices
    var studentOfArc: [Int] = []
    // Pinned students hold their seats outside the network.
    var pinnedAt = [Int](repeating: 0, count: instance.worksites.count)
    for w in instance.pinnedWorksite where w >= 0 { pinnedAt[Int(w)] += 1 }
    for s in 0..<studentCount where instance.pinnedWorksite[s] < 0 {
      for c in choices.range(of: s) {
        tail.append(2 + s)
        head.append(worksiteBase + Int(choices.worksite[c]))
        capacity.append(1)
        rankOfArc.append(Int(choices.rank[c]))
        studentOfArc.append(s)
      }
    }
    let choiceArcs = tail.count
    for s in 0..<studentCount {
      tail.append(0)
      head.append(2 + s)
      capacity.append(instance.pinnedWorksite[s] < 0 ? 1 : 0)
    }
    for (w, worksite) in instance.worksites.enumerated() {
      tail.append(worksiteBase + w)
      head.append(1)
      capacity.append(max(worksite.capacity - pinnedAt[w], 0))
    }
    tail.append(1)
    head.append(0)
    capacity.append(studentCount)
    rankOfArc += [Int](repeating: 0, count: tail.count - choiceArcs)

    // Frozen arcs: capacity 0 (at lower) or moved into the supplies (at upper).
    var frozenAtUpper = [Bool](repeating: false, count: tail.count)
    var frozen = [Bool](repeating: false, count: tail.count)
    var supply = [Int](repeating: 0, count: nodeCount)
    var basis: NetworkSimplex.Basis?
    var flows = [Int](repeating: 0, count: tail.count)
    let ranks = Array(Set(rankOfArc.prefix(choiceArcs))).sorted()
    var stages = 0
    for r in ranks {
      var network = NetworkSimplex(nodeCount: nodeCount)
      network.supply = supply
      network.reserveArcs(tail.count)
      for e in 0..<tail.count {
        network.addArc(
          from: tail[e], to: head[e], capacity: frozen[e] ? 0 : capacity[e],
          cost: !frozen[e] && rankOfArc[e] == r ? -1 : 0)
      }
      guard network.run(warmStart: basis) == .optimal else {
        throw SolverError("rank-maximal: stage for rank \(r) did not reach an optimum")
      }
      stages += 1
      for e in 0..<tail.count where !frozen[e] {
        flows[e] = network.flow(e)
        let reduced =
          (rankOfArc[e] == r ? -1 : 0) + network.potential(tail[e]) - network.potential(head[e])
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

    var placement = Placement(studentCount: studentCount)
    for (s, w) in instance.pinnedWorksite.enumerated() where w >= 0 {
      placement.assign(student: s, to: Int(w))
    }
    for e in 0..<choiceArcs where frozenAtUpper[e] || (!frozen[e] && flows[e] == 1) {
      placement.assign(student: studentOfArc[e], to: head[e] - worksiteBase)
    }
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError(
        "rank-maximal placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    return PlacementResult(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: name, solver: "network-simplex (staged)", statistics: ["stages": stages])
  }
}
