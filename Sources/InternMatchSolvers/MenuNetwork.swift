import InternMatchModel

/// The menu of activities without slots as min-cost flows, one per kind, solved exactly by
/// ``NetworkSimplex``: for each kind, the most placements, then the least rank cost.
///
/// **The model.** Each person takes at most `max_per_participant` placements of each kind, at
/// most one per worksite, only eligible choices of their own list, at most `max_per_employer`
/// of a kind with one employer when the menu sets it; each worksite seats at most `capacity`,
/// at most `max_per_school` of one school (over all its slots); an employer of `employers.csv`
/// seats at most its `capacity` over its worksites (every kind counting).
///
/// **Why kind by kind is the lexicographic optimum.** A worksite has one kind, and every limit
/// above is of one kind: no constraint holds variables of two kinds, so the LP is
/// block-diagonal by kind and any feasible placements of the kinds, put together, are feasible.
/// The best value of the first kind in priority order (most placed, then least cost) is then
/// reached together with the best value of every later kind: the tuple of the kinds' own optima
/// is the lexicographic optimum, for every priority order. (Priorities start to matter when a
/// rule ties kinds together: slots, which a person cannot share across kinds — ``MenuMIP`` —
/// or an employer of `employers.csv` with worksites of several kinds, whose one capacity spans
/// them. Here each kind's network gets that employer's whole capacity: a relaxation, exact when
/// the kinds' optima together keep the capacity, which `OptimalStrategy.placeMenu(_:)` checks
/// before it hands the tied kinds to ``MenuMIP`` otherwise.)
///
/// **Why each kind is a network.** On a person's arcs, the limits are sets `{arcs of kind k}` ⊇
/// `{arcs of kind k with employer e}` ⊇ `{one arc}`: a laminar family, a tree. The worksites'
/// capacities partition the arcs. Two laminar families give a network matrix (Schrijver,
/// *Combinatorial Optimization*, §41.6). The seat limits are laminar too, on the worksite side:
/// `{arcs into employer E's worksites}` ⊇ `{arcs into worksite w}` ⊇ `{arcs into w from school
/// σ}` ⊇ `{one arc}` (a worksite has one employer, a person one school). So the flow `S →
/// person → (person, employer) → (worksite, school) → worksite → employer of employers.csv → T`
/// (the school and employer nodes only where those limits exist), with capacities
/// `max_per_participant`, `max_per_employer`, 1, `max_per_school`, `capacity` and the
/// employer's capacity, holds
/// exactly the feasible placements, and its LP has integral optimal vertices. Slots break it:
/// a person's sets "this worksite" and "this slot label" cross (neither contains the other).
///
/// **Exact, in one solve or two.** One min-cost circulation whose return arc `T → S` costs `−M`,
/// `M` = 1 + the sum of every arc's cost: any flow's cost is below `M`, so one more placement
/// outweighs every cost difference, and among the largest flows the cheapest wins — used when
/// `M`, the simplex's artificial costs and every product stay far inside `Int` (checked with
/// overflow-reporting arithmetic). Otherwise two solves that form no weight: the largest flow `F`
/// (return arc at cost −1, every other arc at 0), then the cheapest flow of value exactly `F`
/// (the return arc's lower bound and capacity both `F`). Tests check that both agree.
///
/// ```swift
/// let network = try MenuNetwork(instance, rankCost: .linear)
/// network.objective.levels[0]  // PlacementObjective(placed: 40, cost: 57), the first kind
/// ```
///
/// - Complexity: per kind, two network simplex solves over O(P + G + W) nodes and O(L) arcs for
///   P people, G (person, employer) groups, W worksites and L eligible choices of the kind.
package struct MenuNetwork {
  /// The optimal placement.
  package var placement: MenuPlacement
  /// Its value per kind, read from the flows.
  package var objective: MenuObjective
  /// Nodes, arcs and simplex pivots over every kind's networks.
  var nodes = 0
  var arcs = 0
  var pivots = 0
  /// Kinds of several placements per person solved on the primal–dual core
  /// (``CappedKindAssignment``) rather than the network simplex.
  package var cappedKinds = 0

  /// Placements of earlier runs kept (with ``init(_:rankCost:onePass:keeping:)``'s `keeping`).
  var kept = 0

  /// With slots, the network is their relaxation: a worksite seats `capacity` in each slot, and
  /// slot labels are not looked at (see ``MenuMIP``).
  ///
  /// - Precondition: the instance has a menu.
  /// Solves every kind; `onePass: false` always takes the two network simplex solves without a
  /// weight (for tests that compare the engines). A kind none of whose worksites has slots, that
  /// has no pin, no `max_per_school` and no employer of `employers.csv`, and outside a re-match,
  /// goes to the primal–dual core: with one placement per person, ``AssignmentNetwork`` on the
  /// kind's choices alone; with several, ``CappedKindAssignment`` when its reduction holds (else
  /// the network simplex).
  ///
  /// **Pins** (``/InternMatchModel/PlacementInstance/menuPins``) are held before the flow: a
  /// pin's arc is left out, and one unit comes off every limit it counts in — its worksite's
  /// seats, the person's `max_per_participant` of the kind and `max_per_employer` with its
  /// employer, the worksite's `max_per_school` for the person's school and the employer's
  /// `employers.csv` capacity. Every limit is a capacity on a set of arcs holding the pin, so
  /// the flows of that network plus the pins are exactly the placements that hold the pins, and
  /// the structure (two laminar families) is unchanged.
  ///
  /// **Keeping** (a re-match): with `keeping` (previous placements by `student << 32 |
  /// worksite`), every arc not in it costs `D` more, `D` = 1 + the sum of the kind's rank
  /// costs, above any rank-cost difference: among the largest flows the cheapest keeps the most
  /// previous placements, then has the least rank cost (the objective read back is the rank
  /// cost alone, and ``kept`` counts the kept placements, pins included).
  package init(
    _ instance: PlacementInstance, rankCost: RankCost, onePass: Bool = true,
    keeping: Set<Int>? = nil
  ) throws(SolverError) {
    guard let menu = instance.activities else { preconditionFailure("no menu") }
    // Every eligible choice that is no pin, by the level of its kind.
    var byLevel = [[(student: Int, entry: Int)]](repeating: [], count: menu.served.count)
    var pinsOfLevel = [[MenuPlacement.Entry]](repeating: [], count: menu.served.count)
    for e in instance.menuPins { pinsOfLevel[instance.menuLevel(ofWorksite: e.worksite)].append(e) }
    let choices = instance.choices
    let hasPins = !instance.menuPins.isEmpty  // (no lookup per choice without pins)
    for s in instance.students.indices {
      for c in choices.range(of: s)
      where !hasPins || instance.menuPin(of: s, at: Int(choices.worksite[c])) == nil {
        byLevel[instance.menuLevel(ofWorksite: Int(choices.worksite[c]))].append((s, c))
      }
    }
    // The kinds with a worksite with slots (their seats count once per slot).
    var slots = Set<WorksiteKind>()
    for site in instance.worksites where !site.slots.isEmpty { slots.insert(site.kind) }
    // The kinds share no row (see above): each is solved on its own, all at once on the cores
    // there are, and put together in service order (the same result on any number of cores).
    // The kinds with a seat limit beyond the worksites' own (`max_per_school`, an employer of
    // employers.csv), which the primal–dual core does not model.
    var limited = Set<WorksiteKind>()
    for (w, site) in instance.worksites.enumerated()
    where site.maxPerSchool != nil || instance.employerLimit[w] >= 0 {
      limited.insert(site.kind)
    }
    let plain = menu.served.indices.map {
      onePass && pinsOfLevel[$0].isEmpty && keeping == nil
        && !limited.contains(menu.served[$0].kind)
    }
    let singleSeat = menu.served.indices.map {
      Self.takesSingleSeatCore(
        menu.served[$0], slotted: slots.contains(menu.served[$0].kind), onePass: plain[$0])
    }
    // A kind of several placements per person, without slots, pins, a re-match or those limits,
    // may go to the primal–dual core by ``CappedKindAssignment`` (which models none of them).
    let capped = menu.served.indices.map {
      plain[$0] && !slots.contains(menu.served[$0].kind) && !menu.served[$0].isSingleSeat
    }
    let employer = capped.contains(true) ? instance.employerGroupIDs() : []
    // Heaviest first, so that the longest solve starts at once instead of after the others on
    // its core: the kinds the network simplex takes (several placements per person, or slots),
    // then by number of choices. The results go back in service order, so the order of the
    // work changes nothing but the time.
    let order = menu.served.indices.sorted {
      (singleSeat[$0] ? 1 : 0, -byLevel[$0].count, $0)
        < (singleSeat[$1] ? 1 : 0, -byLevel[$1].count, $1)
    }
    // Each person's school, numbered once, where a worksite has `max_per_school`.
    let schools = Self.schoolNumbers(instance)
    let solvedInWorkOrder = concurrentMap(order.count) {
      k -> Result<LevelSolution, SolverError> in
      let level = order[k]
      return Result { () throws(SolverError) -> LevelSolution in
        try Self.solve(
          level: byLevel[level], pins: pinsOfLevel[level], rule: menu.served[level],
          instance: instance, rankCost: rankCost, onePass: onePass, singleSeat: singleSeat[level],
          keeping: keeping, schools: schools, employer: capped[level] ? employer : nil)
      }
    }
    var solved = solvedInWorkOrder
    for (k, level) in order.enumerated() { solved[level] = solvedInWorkOrder[k] }
    var entries: [MenuPlacement.Entry] = []
    var levels: [PlacementObjective] = []
    for result in solved {
      let level = try result.get()
      entries += level.entries
      levels.append(level.objective)
      nodes += level.nodes
      arcs += level.arcs
      pivots += level.pivots
      cappedKinds += level.capped ? 1 : 0
      kept += level.kept
    }
    placement = MenuPlacement(entries)
    objective = MenuObjective(levels: levels)
  }

  /// One kind's (or one part's) placements, their value, the previous placements kept, and the
  /// size of the work.
  struct LevelSolution {
    var entries: [MenuPlacement.Entry] = []
    var objective = PlacementObjective(placed: 0, cost: 0)
    var kept = 0
    var nodes = 0
    var arcs = 0
    var pivots = 0
    /// Solved by ``CappedKindAssignment``.
    var capped = false

    mutating func add(_ other: LevelSolution) {
      entries += other.entries
      objective.placed += other.objective.placed
      objective.cost += other.objective.cost
      kept += other.kept
      nodes += other.nodes
      arcs += other.arcs
      pivots += other.pivots
    }
  }

  /// What a kind's pins take from the limits of its network: seats at each worksite, each
  /// person's placements of the kind and with each employer, and the seat limits.
  struct PinnedLoad {
    var seats: [Int: Int] = [:]
    var ofPerson: [Int: Int] = [:]
    var withEmployer: [Int: [EmployerOfKind: Int]] = [:]
    /// Pins at each (worksite, school) with `max_per_school`, by `worksite << 32 | school`.
    var ofSchool: [Int: Int] = [:]
    /// Pins at each employer of `employers.csv`.
    var atEmployer: [Int32: Int] = [:]

    /// The load of `pins`; `schools` numbers each person's school (empty when no worksite has
    /// `max_per_school`).
    init(_ pins: [MenuPlacement.Entry], in instance: PlacementInstance, schools: [Int32]) {
      for e in pins {
        seats[e.worksite, default: 0] += 1
        ofPerson[e.student, default: 0] += 1
        withEmployer[e.student, default: [:]][
          EmployerOfKind(instance.worksites[e.worksite]), default: 0] += 1
        if instance.worksites[e.worksite].maxPerSchool != nil {
          ofSchool[e.worksite << 32 | Int(schools[e.student]), default: 0] += 1
        }
        let employer = instance.employerLimit[e.worksite]
        if employer >= 0 { atEmployer[employer, default: 0] += 1 }
      }
    }
  }

  /// Whether a kind goes to the single-seat core: a single-seat kind
  /// (`ActivityRule.isSingleSeat`) none of whose worksites has slots
  /// (`slotted`), with the one-pass engines allowed (`onePass`).
  private static func takesSingleSeatCore(_ rule: ActivityRule, slotted: Bool, onePass: Bool)
    -> Bool
  {
    onePass && !slotted && rule.isSingleSeat
  }

  /// One kind: on the single-seat core when ``takesSingleSeatCore(_:slotted:onePass:)`` says
  /// so (`singleSeat`); with `employer` (the worksites' employer groups, given for a kind of
  /// several placements without slots, pins or seat limits), by ``CappedKindAssignment`` on the
  /// same core when its reduction holds; else one network simplex per connected part (the parts
  /// share no row, and smaller solves take fewer and cheaper pivots), with the kind's `pins`
  /// held.
  private static func solve(
    level choicesOfKind: [(student: Int, entry: Int)], pins: [MenuPlacement.Entry],
    rule: ActivityRule, instance: PlacementInstance, rankCost: RankCost, onePass: Bool,
    singleSeat: Bool, keeping: Set<Int>?, schools: [Int32], employer: [Int32]?
  ) throws(SolverError) -> LevelSolution {
    if singleSeat, !choicesOfKind.isEmpty {
      let single = try AssignmentNetwork(
        instance.keepingChoices(ofKind: rule.kind), rankCost: rankCost)
      var result = LevelSolution(
        objective: single.objective, nodes: single.nodes, arcs: single.arcs)
      for s in instance.students.indices {
        if let w = single.placement.worksite(of: s) {
          result.entries.append(MenuPlacement.Entry(student: s, worksite: w))
        }
      }
      return result
    }
    if let employer,
      let kind = try CappedKindAssignment(
        choicesOfKind, rule: rule, instance: instance, employer: employer, rankCost: rankCost)
    {
      return LevelSolution(
        entries: kind.entries, objective: kind.objective, nodes: kind.nodes, arcs: kind.arcs,
        capped: true)
    }
    var result = LevelSolution(entries: pins)
    for e in pins {
      result.objective.placed += 1
      result.objective.cost += rankCost.cost(
        ofRank: instance.menuRank(of: e.student, at: e.worksite) ?? 0)
      if keeping?.contains(e.student << 32 | e.worksite) == true { result.kept += 1 }
    }
    guard rule.maxPerParticipant > 0 else { return result }
    let load = PinnedLoad(pins, in: instance, schools: schools)
    // The keep bonus: above the sum of every rank cost of the kind.
    var keepWeight = 0
    if keeping != nil {
      keepWeight = 1
      for (_, c) in choicesOfKind {
        keepWeight += rankCost.cost(ofRank: Int(instance.choices.rank[c]))
      }
    }
    for part in parts(of: choicesOfKind, in: instance) {
      result.add(
        try solve(
          part, rule: rule, instance: instance, rankCost: rankCost, onePass: onePass,
          schools: schools, pinned: load, keeping: keeping.map { ($0, keepWeight) }))
    }
    return result
  }

  /// Each person's school as a small integer when a worksite has `max_per_school`, else empty.
  private static func schoolNumbers(_ instance: PlacementInstance) -> [Int32] {
    instance.worksites.contains { $0.maxPerSchool != nil } ? instance.schoolIndices : []
  }

  /// `choicesOfKind` split into the connected parts of the graph person — worksite over them,
  /// the worksites of one employer of `employers.csv` joined (its capacity spans them), each in
  /// the given order, the parts by their first choice.
  ///
  /// - Complexity: O(L·α(L)) for L choices.
  private static func parts(
    of choicesOfKind: [(student: Int, entry: Int)], in instance: PlacementInstance
  ) -> [[(student: Int, entry: Int)]] {
    let people = instance.students.count
    var sets = DisjointSets(count: people + instance.worksites.count)
    var firstOfEmployer: [Int32: Int] = [:]
    for (s, c) in choicesOfKind {
      let w = Int(instance.choices.worksite[c])
      sets.union(s, people + w)
      let e = instance.employerLimit[w]
      if e >= 0 { sets.union(people + w, people + (firstOfEmployer[e] ?? w)) }
      if e >= 0, firstOfEmployer[e] == nil { firstOfEmployer[e] = w }
    }
    var part: [Int: Int] = [:]
    var parts: [[(student: Int, entry: Int)]] = []
    for choice in choicesOfKind {
      let root = sets.find(choice.student)
      if let k = part[root] {
        parts[k].append(choice)
      } else {
        part[root] = parts.count
        parts.append([choice])
      }
    }
    return parts
  }

  /// One kind's network over choices that are no pin, solved: its placements and their value.
  /// `pinned` is what the kind's pins take from the limits (see the initializer): a worksite's
  /// seats, a person's `max_per_participant` and `max_per_employer` with an employer, the
  /// worksite's `max_per_school` for the person's school and the employer's `employers.csv`
  /// capacity, each one unit lower per pin. With `keeping`, an arc that is no previous
  /// placement costs `weight` more, and the value read back is the rank cost alone.
  private static func solve(
    _ choicesOfKind: [(student: Int, entry: Int)], rule: ActivityRule,
    instance: PlacementInstance, rankCost: RankCost, onePass: Bool, schools: [Int32],
    pinned: PinnedLoad, keeping: (previous: Set<Int>, weight: Int)? = nil
  ) throws(SolverError) -> LevelSolution {
    guard rule.maxPerParticipant > 0, !choicesOfKind.isEmpty else { return LevelSolution() }
    let choices = instance.choices
    var builder = NetworkBuilder()
    let source = builder.node()
    let sink = builder.node()
    var worksiteNode: [Int: Int] = [:]
    var applicants: [Int: Int] = [:]
    for (_, c) in choicesOfKind { applicants[Int(choices.worksite[c]), default: 0] += 1 }
    // An employer of employers.csv: one node between its worksites and the sink.
    var employerNode: [Int32: Int] = [:]
    for w in applicants.keys.sorted() {
      let node = builder.node()
      worksiteNode[w] = node
      // A worksite with slots seats `capacity` in each (the slots' relaxation, see ``MenuMIP``).
      let seats =
        instance.worksites[w].capacity * max(1, instance.worksites[w].slots.count)
        - pinned.seats[w, default: 0]
      var to = sink
      let e = instance.employerLimit[w]
      if e >= 0 {
        if let known = employerNode[e] {
          to = known
        } else {
          to = builder.node()
          employerNode[e] = to
          let capacity = instance.rules.employerCapacity[Int(e)].capacity
          builder.arc(
            to, sink, capacity: max(0, capacity - pinned.atEmployer[e, default: 0]), cost: 0)
        }
      }
      builder.arc(node, to, capacity: max(0, min(seats, applicants[w] ?? 0)), cost: 0)
    }
    // `max_per_school`: a node per (worksite, school) between the choices and the worksite.
    var schoolNode: [Int: Int] = [:]
    func entryNode(_ s: Int, _ w: Int) -> Int {
      guard let limit = instance.worksites[w].maxPerSchool, let site = worksiteNode[w] else {
        return worksiteNode[w] ?? sink
      }
      let key = w << 32 | Int(schools[s])
      if let node = schoolNode[key] { return node }
      let node = builder.node()
      schoolNode[key] = node
      builder.arc(node, site, capacity: max(0, limit - pinned.ofSchool[key, default: 0]), cost: 0)
      return node
    }
    var choiceArcs: [(arc: Int, student: Int, worksite: Int)] = []
    var most = 0
    var k = 0
    while k < choicesOfKind.count {
      let s = choicesOfKind[k].student
      var end = k
      while end < choicesOfKind.count, choicesOfKind[end].student == s { end += 1 }
      let person = builder.node()
      let held = pinned.withEmployer[s] ?? [:]
      let cap = max(0, min(rule.maxPerParticipant - pinned.ofPerson[s, default: 0], end - k))
      builder.arc(source, person, capacity: cap, cost: 0)
      most += cap
      var groups: [EmployerOfKind: Int] = [:]
      // A group node only where it can bind: an employer the person lists once at a limit of 1
      // or more is already held by the arc's own capacity 1 (fewer nodes, fewer pivots).
      var listed: [EmployerOfKind: Int] = [:]
      if let limit = rule.maxPerEmployer, limit >= 1 {
        for (_, c) in choicesOfKind[k..<end] {
          listed[EmployerOfKind(instance.worksites[Int(choices.worksite[c])]), default: 0] += 1
        }
      }
      for (_, c) in choicesOfKind[k..<end] {
        let w = Int(choices.worksite[c])
        var from = person
        // (An employer with a pin keeps its node: its limit is lower.)
        if let limit = rule.maxPerEmployer,
          case let key = EmployerOfKind(instance.worksites[w]),
          listed[key] != 1 || held[key] != nil
        {
          if let node = groups[key] {
            from = node
          } else {
            from = builder.node()
            groups[key] = from
            builder.arc(person, from, capacity: max(0, limit - held[key, default: 0]), cost: 0)
          }
        }
        let rankCostOfArc = rankCost.cost(ofRank: Int(choices.rank[c]))
        let bonus = keeping.map { $0.previous.contains(s << 32 | w) ? 0 : $0.weight } ?? 0
        let arc = builder.arc(
          from, entryNode(s, w), capacity: 1, cost: rankCostOfArc + bonus)
        choiceArcs.append((arc, s, w))
      }
      k = end
    }
    let (placed, solved, pivots) = try Self.mostThenCheapest(
      builder, source, sink, most, onePass: onePass)
    var result = LevelSolution(nodes: builder.nodeCount, arcs: builder.arcCount, pivots: pivots)
    result.entries.reserveCapacity(placed)
    for (arc, s, w) in choiceArcs where solved.flow(arc) == 1 {
      result.entries.append(MenuPlacement.Entry(student: s, worksite: w))
      if keeping?.previous.contains(s << 32 | w) == true { result.kept += 1 }
    }
    guard result.entries.count == placed else {
      throw SolverError.backend(
        "network simplex: \(result.entries.count) placements read, the flow has \(placed)")
    }
    let moved = result.entries.count - result.kept
    result.objective = PlacementObjective(
      placed: placed, cost: solved.cost - (keeping?.weight ?? 0) * moved)
    return result
  }
}

extension MenuNetwork {
  /// The flow on each arc of the best flow and its rank cost.
  struct Flow {
    var flow: (Int) -> Int
    var cost: Int
  }

  /// The most flow from `source` to `sink` (at most `most`), then the least cost at that much:
  /// in one solve with a return arc of cost `−M` (`M` = 1 + every arc's cost, above any flow's
  /// cost) when `M`, the simplex's artificial costs and every sum stay far inside `Int`;
  /// otherwise in two (the largest flow, then the cheapest of that value), which form no
  /// weight at all.
  static func mostThenCheapest(
    _ builder: NetworkBuilder, _ source: Int, _ sink: Int, _ most: Int, onePass: Bool
  ) throws(SolverError) -> (placed: Int, flow: Flow, pivots: Int) {
    var weight = 1
    var fits = true
    for a in 0..<builder.arcCount where fits {
      let (sum, overflow) = weight.addingReportingOverflow(builder.cost(a))
      (weight, fits) = (sum, !overflow)
    }
    let nodes = builder.nodeCount + 2
    let (scaled, overflow1) = weight.multipliedReportingOverflow(by: nodes)
    let (bound, overflow2) = scaled.multipliedReportingOverflow(by: most + 1)
    if onePass, fits, !overflow1, !overflow2, bound < Int.max / 16 {
      var once = builder
      let back = once.arc(sink, source, capacity: most, cost: -weight)
      var net = once.network
      guard net.run() == .optimal else {
        throw SolverError.backend("network simplex: the menu's flow did not solve")
      }
      let placed = net.flow(back)
      let solved = net
      return (
        placed, Flow(flow: { once.flow($0, in: solved) }, cost: net.totalCost + weight * placed),
        net.pivots
      )
    }
    var most1 = builder
    most1.arc(sink, source, capacity: most, cost: -1)
    var first = most1.zeroingCosts(except: most1.arcCount - 1).network
    guard first.run() == .optimal else {
      throw SolverError.backend("network simplex: the maximum-placement flow did not solve")
    }
    let placed = -first.totalCost
    var fixed = builder
    fixed.arc(sink, source, lower: placed, capacity: placed, cost: 0)
    var second = fixed.network
    guard second.run() == .optimal else {
      throw SolverError.backend("network simplex: the least-cost flow did not solve")
    }
    let solved = second
    return (
      placed, Flow(flow: { fixed.flow($0, in: solved) }, cost: second.totalCost),
      first.pivots + second.pivots
    )
  }
}

extension MenuNetwork {
  /// The best value of the kind of worksite `w` (most placed, then least rank cost) among the
  /// placements of an instance without slots that hold person `s` at `w`; `nil` when none can
  /// (an ineligible pair, no seats, a `max_per_employer` of 0). Without slots the kinds are
  /// independent (see the type's summary), so every other kind keeps its own optimum.
  ///
  /// ```swift
  /// try MenuNetwork.forcing(student: 0, into: 3, instance: instance, rankCost: .linear)
  /// // PlacementObjective(placed: 2, cost: 4): the kind's best with that pair held
  /// ```
  ///
  /// - Precondition: the instance has a menu and no slots.
  /// - Complexity: one network simplex solve over the kind's network.
  package static func forcing(
    student s: Int, into w: Int, instance: PlacementInstance, rankCost: RankCost
  ) throws(SolverError) -> PlacementObjective? {
    guard let menu = instance.activities else { preconditionFailure("no menu") }
    precondition(!instance.sideRules.contains(.slots), "MenuNetwork.forcing: slots")
    let site = instance.worksites[w]
    let rule = menu.rule(for: site.kind)
    let employer = instance.employerLimit[w]
    guard let rank = instance.choices.rank(of: s, for: w), site.capacity > 0,
      rule.maxPerParticipant > 0, rule.maxPerEmployer != 0, site.maxPerSchool != 0,
      employer < 0 || instance.rules.employerCapacity[Int(employer)].capacity > 0
    else { return nil }
    let choices = instance.choices
    var ofKind: [(student: Int, entry: Int)] = []
    for t in instance.students.indices {
      for c in choices.range(of: t)
      where instance.worksites[Int(choices.worksite[c])].kind == site.kind
        && instance.menuPin(of: t, at: Int(choices.worksite[c])) == nil
        && !(t == s && Int(choices.worksite[c]) == w)
      {
        ofKind.append((t, c))
      }
    }
    // The kind's pins and the pair, held (see the initializer).
    var pins = instance.menuPins.filter { instance.worksites[$0.worksite].kind == site.kind }
    if instance.menuPin(of: s, at: w) == nil {
      pins.append(MenuPlacement.Entry(student: s, worksite: w))
    }
    let schools = schoolNumbers(instance)
    let load = PinnedLoad(pins, in: instance, schools: schools)
    guard load.seats[w, default: 0] <= site.capacity,
      load.ofPerson[s, default: 0] <= rule.maxPerParticipant,
      load.withEmployer[s]?[EmployerOfKind(site)] ?? 0 <= rule.maxPerEmployer ?? Int.max,
      site.maxPerSchool.map({ load.ofSchool[w << 32 | Int(schools[s]), default: 0] <= $0 }) ?? true,
      employer < 0
        || load.atEmployer[employer, default: 0]
          <= instance.rules.employerCapacity[Int(employer)].capacity
    else { return nil }
    let solved = try solve(
      ofKind, rule: rule, instance: instance, rankCost: rankCost, onePass: true,
      schools: schools, pinned: load)
    var value = solved.objective
    for e in pins {
      value.placed += 1
      value.cost += rankCost.cost(ofRank: instance.menuRank(of: e.student, at: e.worksite) ?? rank)
    }
    return value
  }
}
