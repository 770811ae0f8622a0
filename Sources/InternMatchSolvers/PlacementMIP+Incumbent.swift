import InternMatchModel

extension PlacementMIP {
  /// The placement a solution of the circulation `model` encodes: each choice arc with flow.
  static func placement(
    of model: ConstrainedNetworkModel, flows: (Int) -> Int, in instance: PlacementInstance
  ) -> Placement {
    var placement = Placement(studentCount: instance.students.count)
    for (arc, s, w) in model.choiceArcs where flows(arc) > 0 { placement.assign(student: s, to: w) }
    return placement
  }

  /// A placement meeting minimum groups and links, made from `placement` (which meets every
  /// other rule) by emptying worksites below their minimum and unplacing linked students who
  /// are apart, until nothing changes; `nil` when that would move a pinned student. Removing
  /// students keeps every limit, so the result is feasible: the incumbent branch-and-cut starts
  /// from, and the answer when the time limit stops the search first.
  ///
  /// - Complexity: O((S + W) · rounds), rounds ≤ the number of worksites emptied + 1.
  static func repair(_ placement: Placement, _ instance: PlacementInstance) -> Placement? {
    var placement = placement
    var load = [Int](repeating: 0, count: instance.worksites.count)
    for s in instance.students.indices {
      if let w = placement.worksite(of: s) { load[w] += 1 }
    }
    func unplace(_ s: Int) -> Bool {
      guard let w = placement.worksite(of: s) else { return true }
      guard instance.pinnedWorksite[s] < 0 else { return false }
      placement.assign(student: s, to: nil)
      load[w] -= 1
      return true
    }
    var changed = true
    while changed {
      changed = false
      for (w, worksite) in instance.worksites.enumerated() {
        guard let m = worksite.minimumGroupSize, load[w] > 0, load[w] < m else { continue }
        for s in instance.students.indices where placement.worksite(of: s) == w {
          guard unplace(s) else { return nil }
        }
        changed = true
      }
      for (a, b) in instance.linkedPairs
      where placement.worksite(of: a) != placement.worksite(of: b) {
        guard unplace(a), unplace(b) else { return nil }
        changed = true
      }
    }
    return placement
  }

  /// The best placement that keeps the decisions `repaired` made — the same worksites closed
  /// and open (those open keep at least their minimum), linked pairs kept together where they
  /// are or left out — found by the network simplex over everyone else; `repaired` itself when
  /// that is no better. Exact given those decisions, so usually far better than the repair.
  static func reoptimize(
    _ repaired: Placement, _ instance: PlacementInstance, rankCost: RankCost, reserves: Bool
  ) -> Placement {
    var load = [Int](repeating: 0, count: instance.worksites.count)
    for s in instance.students.indices {
      if let w = repaired.worksite(of: s) { load[w] += 1 }
    }
    var fixings = ConstrainedNetworkModel.Fixings()
    for (w, worksite) in instance.worksites.enumerated() {
      guard let m = worksite.minimumGroupSize, m > 1 else { continue }
      if load[w] == 0 { fixings.closed.insert(w) } else { fixings.leastLoad[w] = m }
    }
    for (a, b) in instance.linkedPairs {
      if let w = repaired.worksite(of: a) {
        fixings.held[a] = w
        fixings.held[b] = w
      } else {
        fixings.excluded.formUnion([a, b])
      }
    }
    let model = ConstrainedNetworkModel(
      instance, rankCost: rankCost, floor: nil, reserves: reserves, fixings: fixings)
    var network = model.builder.network
    guard network.run() == .optimal else { return repaired }
    let better = placement(of: model, flows: { model.builder.flow($0, in: network) }, in: instance)
    guard instance.violations(in: better).isEmpty,
      instance.objective(of: better, rankCost: rankCost)
        < instance.objective(of: repaired, rankCost: rankCost)
    else { return repaired }
    return better
  }

  /// The MIP's column values for `placement`: each arc's flow — a choice arc carries 1 when its
  /// student is placed at its worksite (the model must have one arc per choice: no seat types),
  /// every other arc follows by flow conservation (in this model every other arc is the only
  /// arc out of its tail or into its head) — then each group column (1 where the worksite holds
  /// anyone).
  static func columnValues(
    of placement: Placement, model: ConstrainedNetworkModel,
    groups: [(column: Int, worksite: Int)], in instance: PlacementInstance
  ) -> [Double] {
    let net = model.builder
    let arcCount = net.tails.count
    var flow = [Int?](repeating: nil, count: arcCount)
    for (arc, s, w) in model.choiceArcs {
      flow[arc] = placement.worksite(of: s) == w ? 1 : 0
    }
    var outArcs = [[Int]](repeating: [], count: net.nodeCount)
    var inArcs = [[Int]](repeating: [], count: net.nodeCount)
    for e in 0..<arcCount {
      outArcs[net.tails[e]].append(e)
      inArcs[net.heads[e]].append(e)
    }
    func total(_ arcs: [Int]) -> Int? {
      arcs.reduce(0 as Int?) { sum, e in sum.flatMap { s in flow[e].map { s + $0 } } }
    }
    var progress = true
    while progress {
      progress = false
      for e in 0..<arcCount where flow[e] == nil {
        let u = net.tails[e]
        let v = net.heads[e]
        if outArcs[u].count == 1, !inArcs[u].isEmpty, let inflow = total(inArcs[u]) {
          flow[e] = inflow
        } else if inArcs[v].count == 1, !outArcs[v].isEmpty, let outflow = total(outArcs[v]) {
          flow[e] = outflow
        } else {
          continue
        }
        progress = true
      }
    }
    var values = flow.map { Double($0 ?? 0) }
    for (_, w) in groups {
      values.append(
        instance.students.indices.contains { placement.worksite(of: $0) == w } ? 1 : 0)
    }
    return values
  }
}
