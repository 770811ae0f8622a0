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
  /// - Complexity: O(S + (W + links) · rounds), rounds ≤ the number of worksites emptied + 1
  ///   (each worksite's students are listed once, so emptying one costs its load).
  static func repair(_ placement: Placement, _ instance: PlacementInstance) -> Placement? {
    var placement = placement
    var load = [Int](repeating: 0, count: instance.worksites.count)
    for s in instance.students.indices {
      if let w = placement.worksite(of: s) { load[w] += 1 }
    }
    // The students of each worksite, `members[start[w] ..< start[w + 1]]` (a student unplaced
    // later stays listed; the emptying below skips them).
    var start = [Int](repeating: 0, count: instance.worksites.count + 1)
    for w in load.indices { start[w + 1] = start[w] + load[w] }
    var members = [Int](repeating: 0, count: start[load.count])
    var next = start
    for s in instance.students.indices {
      guard let w = placement.worksite(of: s) else { continue }
      members[next[w]] = s
      next[w] += 1
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
        for s in members[start[w]..<start[w + 1]] where placement.worksite(of: s) == w {
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

  /// What every feasible placement must do, found before solving: a linked student may only
  /// take a worksite their partner can also take (so a pair with none in common stays
  /// unplaced); a worksite whose minimum group exceeds the students who can take it stays
  /// empty; repeated until nothing changes (each decision can force others). `nil` when a pin
  /// contradicts them. Exact: it removes only placements no feasible solution uses, so the
  /// relaxation it leaves is a tighter bound.
  ///
  /// - Complexity: O((L + links · k) · rounds) for lists of k entries.
  static func presolve(_ instance: PlacementInstance, allowed: [Int: Set<Int>] = [:])
    -> ConstrainedNetworkModel.Fixings?
  {
    var fixings = ConstrainedNetworkModel.Fixings()
    fixings.allowed = allowed
    let choices = instance.choices
    func options(_ s: Int) -> Set<Int> {
      guard !fixings.excluded.contains(s) else { return [] }
      let pin = Int(instance.pinnedWorksite[s])
      let all = pin >= 0 ? [pin] : choices.range(of: s).map { Int(choices.worksite[$0]) }
      return Set(
        all.filter { !fixings.closed.contains($0) && fixings.allowed[s]?.contains($0) ?? true })
    }
    var changed = true
    while changed {
      changed = false
      for (a, b) in instance.linkedPairs where !fixings.excluded.contains(a) {
        let (first, second) = (options(a), options(b))
        let common = first.intersection(second)
        if common.isEmpty {
          if instance.pinnedWorksite[a] >= 0 || instance.pinnedWorksite[b] >= 0 { return nil }
          fixings.excluded.formUnion([a, b])
          changed = true
        } else if common.count < first.count || common.count < second.count {
          fixings.allowed[a] = common
          fixings.allowed[b] = common
          changed = true
        }
      }
      var applicants = [Int](repeating: 0, count: instance.worksites.count)
      for s in instance.students.indices {
        for w in options(s) { applicants[w] += 1 }
      }
      for (w, worksite) in instance.worksites.enumerated() where !fixings.closed.contains(w) {
        guard let m = worksite.minimumGroupSize, m > 1,
          applicants[w] < m || worksite.capacity < m
        else { continue }
        if instance.pinnedWorksite.contains(Int32(w)) { return nil }
        fixings.closed.insert(w)
        changed = true
      }
    }
    return fixings
  }

  /// A better placement than `repaired`, found by the network simplex with the decisions that
  /// break the network fixed: each worksite with a minimum group either closed or held to at
  /// least its minimum, each linked pair either held together at one worksite or left out. Two
  /// plans are tried — the decisions `repaired` made, and a bolder one that opens every closed
  /// worksite with enough applicants and seats each split pair at its best common choice — and
  /// the best feasible result is kept (`repaired` when neither is better). Each is exact given
  /// its decisions, so the result is usually close to the optimum. A plan is not started once
  /// `deadline` has passed, and one stopped by it offers its feasible, unproven flow. A plan
  /// whose model has more than `largestLP` arcs is solved by the primal–dual core alone
  /// (``placement(fixing:_:rankCost:reserves:deadline:largestLP:)``).
  ///
  /// - Complexity: two network simplex runs on the model.
  static func reoptimize(
    _ repaired: Placement, _ instance: PlacementInstance, rankCost: RankCost, reserves: Bool,
    forced: ConstrainedNetworkModel.Fixings, disruption: Int = 0,
    deadline: ContinuousClock.Instant? = nil, largestLP: Int = .max
  ) -> Placement {
    func value(_ placement: Placement) -> PlacementObjective {
      ConstrainedNetworkModel.value(
        of: placement, in: instance, rankCost: rankCost, previous: forced.previous,
        disruption: disruption)
    }
    var load = [Int](repeating: 0, count: instance.worksites.count)
    var applicants = [Int](repeating: 0, count: instance.worksites.count)
    for s in instance.students.indices {
      if let w = repaired.worksite(of: s) { load[w] += 1 }
      for c in instance.choices.range(of: s) { applicants[Int(instance.choices.worksite[c])] += 1 }
    }
    var best = repaired
    var bestValue = value(repaired)
    for bold in [false, true] {
      if let deadline, ContinuousClock.now >= deadline { break }
      var fixings = forced
      for (w, worksite) in instance.worksites.enumerated() where !forced.closed.contains(w) {
        guard let m = worksite.minimumGroupSize, m > 1 else { continue }
        if load[w] > 0 || (bold && applicants[w] >= m && worksite.capacity >= m) {
          fixings.leastLoad[w] = m
        } else {
          fixings.closed.insert(w)
        }
      }
      for (a, b) in instance.linkedPairs where !forced.excluded.contains(a) {
        let common = instance.choices.range(of: a).compactMap { c -> (rank: Int, worksite: Int)? in
          let w = Int(instance.choices.worksite[c])
          guard !fixings.closed.contains(w), let r = instance.choices.rank(of: b, for: w) else {
            return nil
          }
          return (Int(instance.choices.rank[c]) + r, w)
        }
        fixings.hold(
          linked: a, b,
          at: repaired.worksite(of: a)
            ?? (bold ? common.min(by: { $0.rank < $1.rank })?.worksite : nil))
      }
      guard
        let found = placement(
          fixing: fixings, instance, rankCost: rankCost, reserves: reserves, deadline: deadline,
          largestLP: largestLP)
      else { continue }
      let foundValue = value(found)
      if foundValue < bestValue {
        best = found
        bestValue = foundValue
      }
    }
    return best
  }

  /// A placement guided by `values`, an optimum of the MIP's LP relaxation (one value per
  /// column of ``load(_:of:into:)``): each worksite with a minimum group is held to at least
  /// its minimum where the LP loads it with half of that or more, else closed — and, when that
  /// differs, a second plan that opens every worksite the LP loads at all; each linked pair
  /// is held at the worksite where the LP places most of the two (at least one student's
  /// worth), else left out; the network simplex places everyone else exactly, given those
  /// decisions. `nil` when they leave no feasible placement. The relaxation is usually nearly
  /// integral, so this is usually the optimum or close to it — a strong first incumbent, and a
  /// tight cutoff for reduced-cost fixing. Within `deadline` as the other ``reoptimize``.
  ///
  /// - Complexity: one or two network simplex runs on the model, plus O(arcs).
  static func reoptimize(
    guidedBy values: [Double], model: ConstrainedNetworkModel, _ instance: PlacementInstance,
    rankCost: RankCost, reserves: Bool, forced: ConstrainedNetworkModel.Fixings,
    deadline: ContinuousClock.Instant? = nil
  ) -> Placement? {
    var linked = Set<Int>()
    for (a, b) in instance.linkedPairs { linked.formUnion([a, b]) }
    var flowTo: [Int: [Int: Double]] = [:]  // linked student → worksite → LP flow
    for (arc, s, w) in model.choiceArcs where values[arc] > 1e-9 && linked.contains(s) {
      flowTo[s, default: [:]][w, default: 0] += values[arc]
    }
    var best: (placement: Placement, value: PlacementObjective)?
    var tried: [Set<Int>] = []
    // Two readings of a fractional load: open at half the minimum, or at any load.
    for share in [0.5, 0] {
      if let deadline, ContinuousClock.now >= deadline { break }
      var fixings = forced
      for (w, worksite) in instance.worksites.enumerated() where !forced.closed.contains(w) {
        guard let m = worksite.minimumGroupSize, m > 1 else { continue }
        if values[model.loadArc[w]] > 1e-9 && values[model.loadArc[w]] >= share * Double(m) {
          fixings.leastLoad[w] = m
        } else {
          fixings.closed.insert(w)
        }
      }
      guard !tried.contains(fixings.closed) else { continue }
      tried.append(fixings.closed)
      for (a, b) in instance.linkedPairs where !forced.excluded.contains(a) {
        let both = (flowTo[a] ?? [:]).merging(flowTo[b] ?? [:], uniquingKeysWith: +)
        // The most flow, the lowest worksite index among equals: deterministic.
        let most = both.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
        let atMost = most.flatMap { $0.value >= 1 - 1e-9 ? $0.key : nil }
        fixings.hold(
          linked: a, b, at: atMost.flatMap { fixings.closed.contains($0) ? nil : $0 })
      }
      guard
        let found = placement(
          fixing: fixings, instance, rankCost: rankCost, reserves: reserves, deadline: deadline)
      else { continue }
      let value = ConstrainedNetworkModel.value(
        of: found, in: instance, rankCost: rankCost, previous: forced.previous,
        disruption: model.disruption)
      if best.map({ value < $0.value }) ?? true { best = (found, value) }
    }
    return best?.placement
  }

  /// The best placement with the decisions `fixings` fixed, found by the network simplex (a
  /// feasible one when `deadline` stops it first); `nil` when they leave none that meets every
  /// rule. A model of more than `largestLP` arcs (``PlacementMIP/largestLP``) is solved by the
  /// primal–dual core alone, without the network's copies of the arcs: its optimum, or `nil`
  /// when the core does not apply (seat types, school limits), misses a least load, or is
  /// stopped by the deadline.
  ///
  /// - Complexity: one network simplex run on the model.
  private static func placement(
    fixing fixings: ConstrainedNetworkModel.Fixings, _ instance: PlacementInstance,
    rankCost: RankCost, reserves: Bool, deadline: ContinuousClock.Instant?,
    largestLP: Int = .max
  ) -> Placement? {
    let model = ConstrainedNetworkModel(
      instance, rankCost: rankCost, floor: nil, reserves: reserves, fixings: fixings)
    if model.builder.tails.count > largestLP {
      guard let solved = model.primalDualFlow(deadline: deadline) else { return nil }
      let found = placement(
        of: model, flows: { solved.flow[$0] + model.builder.lowers[$0] }, in: instance)
      return instance.violations(in: found).isEmpty ? found : nil
    }
    var network = model.builder.network
    // Past the deadline the plan is dropped: the core stopped.
    let start = model.primalDualStart(deadline: deadline)
    if start == nil, let deadline, ContinuousClock.now >= deadline { return nil }
    // A cold run past the deadline is abandoned rather than carried on to a feasible flow (at
    // scale that takes longer than the plan is worth).
    switch network.run(warmStart: start, deadline: deadline, abandoningAtDeadline: true) {
    case .optimal: break
    case .stopped: guard network.flowIsFeasible else { return nil }
    case .infeasible, .unbounded: return nil
    }
    let found = placement(of: model, flows: { model.builder.flow($0, in: network) }, in: instance)
    return instance.violations(in: found).isEmpty ? found : nil
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
    var holdsAnyone = [Bool](repeating: false, count: instance.worksites.count)
    for s in instance.students.indices {
      if let w = placement.worksite(of: s) { holdsAnyone[w] = true }
    }
    for (_, w) in groups { values.append(holdsAnyone[w] ? 1 : 0) }
    return values
  }
}
