import InternMatchModel

/// One menu kind of several placements per person (a b-matching with a cap per person and per
/// employer), solved exactly on the single-seat core ``PrimalDualAssignment`` by a reduction to
/// an assignment, and certified by its potentials.
///
/// **The problem.** Person `p` takes at most `k` = `max_per_participant` placements of the
/// kind, at most one per worksite, at most `m` = `max_per_employer` with one employer (when
/// set), only eligible choices; worksite `w` seats at most `capacity(w)`. Lexicographic value:
/// the most placements, then the least rank cost.
///
/// **Units.** Each person's choices are split into *units*, each able to take one placement:
/// with `m` = 1, a unit per employer the person lists (its choices with that employer — one
/// unit places at most once, which is exactly the employer's limit); with no `m`, or an `m` no
/// employer's listing by the person exceeds, a unit per choice (the limit cannot bind: a person
/// is placed at most once per worksite). Otherwise (`m` = 0, or an `m` ≥ 2 that can bind) the
/// reduction does not apply and `init` returns `nil`. A person never lists a worksite twice,
/// so no two units of a person share a worksite: a placement of a unit is a (person, worksite)
/// pair at most once, and the unit placements are the kind's placements without the cap `k`.
///
/// **The cap `k`, as seats.** A person with `n > k` units gets a *spare* node `U_p` of
/// capacity `n − k`, which each of their units can also take at cost 0; a choice costs its
/// rank cost + 1. The assignment (every unit supply 1, worksites and spares capacitated) is
/// solved for the most units assigned, then the least cost. Claim: its optimum places each
/// person at most `k` times and is the kind's lexicographic optimum.
/// - If `p` has `x > k` units at worksites, `U_p` holds at most `n − x < n − k`: moving one of
///   those units to `U_p` keeps the number assigned and lowers the cost by at least 1 — so no
///   optimum has `x > k`.
/// - With `x ≤ k`, `U_p` not full leaves a unit free (`x + u < n`) that could take it: a larger
///   assignment. So an optimum has `u = n − k` for every such person, and it assigns exactly
///   `P + Σ (n − k)` units, `P` the placements; conversely every feasible placement extends so
///   (its free units fill `U_p`). Most assigned ⇔ most placed, and then the cost is
///   `rank cost + P`, `P` fixed: least cost ⇔ least rank cost.
///
/// People with `n ≤ k` get no spare (the cap cannot bind). The core's potentials certify the
/// assignment (complementary slackness is checked before the result is returned).
///
/// ```swift
/// // Ana lists M1 (employer A), M2 (A), M3 (B); k = 2, max_per_employer 1.
/// let kind = try CappedKindAssignment(choices, rule: rule, instance: instance, employer: ids,
///                                      rankCost: .linear)
/// kind?.entries  // Ana at M1 and M3: units {M1, M2} and {M3}, no spare (2 units ≤ k)
/// ```
///
/// - Complexity: O(L) to build for L choices of the kind, U units and P people; the solve is
///   ``PrimalDualAssignment``'s over U + W + P nodes and at most L + U arcs.
struct CappedKindAssignment {
  /// The optimal placements of the kind.
  var entries: [MenuPlacement.Entry]
  /// Their value: placements and rank cost.
  var objective: PlacementObjective
  /// Nodes and arcs of the assignment network (units, worksites, spares, source, sink).
  var nodes: Int
  var arcs: Int

  /// Solves the kind, or returns `nil` when the units above do not hold its rules.
  ///
  /// - Parameters:
  ///   - choicesOfKind: the kind's eligible choices as (person, entry of `instance.choices`),
  ///     each person's together and in list order.
  ///   - employer: each worksite's `max_per_employer` group (its employer, else itself) as a
  ///     small integer.
  init?(
    _ choicesOfKind: [(student: Int, entry: Int)], rule: ActivityRule,
    instance: PlacementInstance, employer: [Int32], rankCost: RankCost
  ) throws(SolverError) {
    let k = rule.maxPerParticipant
    guard k >= 1, !choicesOfKind.isEmpty else { return nil }
    let limit = rule.maxPerEmployer
    if let limit, limit < 1 { return nil }
    let choices = instance.choices
    let sites = instance.worksites
    // The kind's worksites, numbered 0..<W in order of first listing.
    var local = [Int32](repeating: -1, count: sites.count)
    var worksiteOf: [Int] = []
    // Per employer group: the stamp of the person last seen listing it and that person's unit
    // (or count of choices) for it — no hashing per choice.
    var stamp = [Int32](repeating: -1, count: Int((employer.max() ?? -1) + 1))
    var slot = [Int32](repeating: 0, count: stamp.count)
    var unitStart: [Int32] = [0]
    var unitWorksite: [Int32] = []
    var unitCost: [Int] = []
    var unitRank: [Int] = []
    var unitOwner: [Int32] = []
    unitWorksite.reserveCapacity(choicesOfKind.count)
    // Spare nodes: (first unit, unit count) of each person with more units than k.
    var spares: [(first: Int, count: Int)] = []
    var i = 0
    while i < choicesOfKind.count {
      let s = choicesOfKind[i].student
      var end = i
      while end < choicesOfKind.count, choicesOfKind[end].student == s { end += 1 }
      // A per-choice unit only works when no employer's listing exceeds the limit.
      if let limit, limit >= 2 {
        for (_, c) in choicesOfKind[i..<end] {
          let g = Int(employer[Int(choices.worksite[c])])
          if stamp[g] != Int32(s) { (stamp[g], slot[g]) = (Int32(s), 0) }
          slot[g] += 1
          if Int(slot[g]) > limit { return nil }
        }
      }
      let firstUnit = unitStart.count - 1
      // This person's units as lists of (worksite, cost, rank), grouped when limit is 1.
      var members: [[(worksite: Int32, cost: Int, rank: Int)]] = []
      for (_, c) in choicesOfKind[i..<end] {
        let w = Int(choices.worksite[c])
        if local[w] < 0 {
          local[w] = Int32(worksiteOf.count)
          worksiteOf.append(w)
        }
        let rank = Int(choices.rank[c])
        let (cost, overflow) = rankCost.cost(ofRank: rank).addingReportingOverflow(1)
        guard !overflow, cost <= Int(Int32.max) else { return nil }
        let arc = (worksite: local[w], cost: cost, rank: rank)
        if limit == 1 {
          let g = Int(employer[w])
          if stamp[g] == Int32(s), Int(slot[g]) < members.count {
            members[Int(slot[g])].append(arc)
          } else {
            (stamp[g], slot[g]) = (Int32(s), Int32(members.count))
            members.append([arc])
          }
        } else {
          members.append([arc])
        }
      }
      for unit in members {
        for arc in unit {
          unitWorksite.append(arc.worksite)
          unitCost.append(arc.cost)
          unitRank.append(arc.rank)
        }
        unitOwner.append(Int32(s))
        // The unit's arc to its person's spare node, whose index (after the W worksites) is
        // set below, once W is known.
        if members.count > k {
          unitWorksite.append(-1)
          unitCost.append(0)
          unitRank.append(0)
        }
        unitStart.append(Int32(unitWorksite.count))
      }
      if members.count > k { spares.append((firstUnit, members.count)) }
      i = end
    }
    let worksiteCount = worksiteOf.count
    var capacity = worksiteOf.map { Int32(clamping: sites[$0].capacity) }
    for (n, spare) in spares.enumerated() {
      capacity.append(Int32(spare.count - k))
      for u in spare.first..<(spare.first + spare.count) {
        let last = Int(unitStart[u + 1]) - 1
        unitWorksite[last] = Int32(worksiteCount + n)
      }
    }
    guard unitWorksite.count < Int(Int32.max) else { return nil }
    let units = unitStart.count - 1
    var bigM = 1
    for u in 0..<units {
      bigM += unitCost[Int(unitStart[u])..<Int(unitStart[u + 1])].max() ?? 0
    }
    let flow = PrimalDualAssignment(
      entryStart: unitStart, entryWorksite: unitWorksite, entryCost: unitCost,
      capacity: capacity)
    flow.solve()
    let potentials = flow.circulationPotentials(returnCost: bigM)
    guard flow.satisfiesComplementarySlackness(potentials, returnCost: bigM) else {
      throw SolverError.backend("primal-dual: the potentials do not certify the kind's flow")
    }
    var entries: [MenuPlacement.Entry] = []
    var cost = 0
    for u in 0..<units {
      let e = Int(flow.assignedEntry(of: u))
      guard e >= 0, Int(unitWorksite[e]) < worksiteCount else { continue }
      entries.append(
        MenuPlacement.Entry(student: Int(unitOwner[u]), worksite: worksiteOf[Int(unitWorksite[e])]))
      cost += rankCost.cost(ofRank: unitRank[e])
    }
    self.entries = entries
    objective = PlacementObjective(placed: entries.count, cost: cost)
    nodes = units + capacity.count + 2
    arcs = unitWorksite.count + units + capacity.count + 1
  }
}
