import InternMatchModel

/// The placement problem with the side constraints that keep it a network — pins,
/// `max_per_school`, employer capacities, non-reverting seat reserves and school floors — as one
/// min-cost circulation, solved exactly by ``NetworkSimplex``.
///
/// Nodes and arcs (flow runs `S → student → … → T → S`):
/// - `S → s` (capacity 1), or through a school node `S → h → s` when a floor is set, where arc
///   `S → h` has lower bound ⌈floor × placeable students of h⌉;
/// - a pinned student gets lower bound 1 on its entry arc and only arcs to its pinned worksite;
/// - each eligible choice `s → entry(w)` costs `rankCost(rank)`; the entry is `w` itself, or the
///   node `(w, school(s))` with arc `(w, h) → w` of capacity `max_per_school`, or — with
///   reserves that do not revert — one arc to each seat type the student may use (the open seats,
///   capacity − reserved, and the reserve of each of the student's groups);
/// - `w → T` (capacity of w), or `w → E → T` through the node of its employer, capacity the
///   employer's;
/// - the return arc `T → S` costs `−M`, `M = 1 + Σ` of every placeable student's largest cost.
///
/// Lower bounds become supplies (`l` on `u → v`: supply(u) −= l, supply(v) += l). The same big-M
/// argument as ``AssignmentNetwork`` makes one run lexicographic: most placed, then least cost.
/// A worksite with both `max_per_school` and reserves is not a network (two crossing families of
/// limits on the same arcs): ``init(_:rankCost:)`` returns `nil` for it and the caller uses the
/// LP.
///
/// - Complexity: O(S + W + L) nodes and arcs; solved cold (network simplex).
struct ConstrainedAssignmentNetwork {
  var placement: Placement
  var objective: PlacementObjective
  var nodes: Int
  var arcs: Int
  /// `false` when the school floors cannot all be met; the placement then ignores them.
  var floorsMet: Bool
  /// Why the floors cannot be met, school by school, when they cannot.
  var floorDiagnostics: [String] = []

  /// Whether `instance` has any side constraint this builder handles.
  static func applies(to instance: PlacementInstance) -> Bool {
    !instance.rules.pins.isEmpty || !instance.rules.employerCapacity.isEmpty
      || instance.rules.schoolFloor != nil
      || instance.worksites.contains {
        $0.maxPerSchool != nil || (!instance.policy.reservesRevert && !$0.reserves.isEmpty)
      }
  }

  /// Builds and solves; `nil` when some worksite has both `max_per_school` and non-reverting
  /// reserves.
  init?(_ instance: PlacementInstance, rankCost: RankCost) throws(SolverError) {
    let useReserves = !instance.policy.reservesRevert
    if useReserves,
      instance.worksites.contains(where: { $0.maxPerSchool != nil && !$0.reserves.isEmpty })
    {
      return nil
    }
    if let floor = instance.rules.schoolFloor {
      if let solved = try Self.solve(
        instance, rankCost: rankCost, floor: floor, reserves: useReserves)
      {
        self = solved
        return
      }
      // Floors cannot all be met: place without them and say so.
      guard
        var solved = try Self.solve(instance, rankCost: rankCost, floor: nil, reserves: useReserves)
      else { throw SolverError("network: infeasible even without school floors") }
      solved.floorsMet = false
      solved.floorDiagnostics = try Self.diagnoseFloors(
        instance, rankCost: rankCost, floor: floor, reserves: useReserves)
      self = solved
      return
    }
    guard
      let solved = try Self.solve(instance, rankCost: rankCost, floor: nil, reserves: useReserves)
    else { throw SolverError("network: the side constraints admit no placement") }
    self = solved
  }

  private init(
    placement: Placement, objective: PlacementObjective, nodes: Int, arcs: Int, floorsMet: Bool
  ) {
    self.placement = placement
    self.objective = objective
    self.nodes = nodes
    self.arcs = arcs
    self.floorsMet = floorsMet
  }

  /// Students a floor of share `floor` requires among `n` placeable ones: ⌈floor × n⌉, robust to
  /// rounding (0.6 × 5 is 3, not 4).
  static func required(_ floor: Double, of n: Int) -> Int {
    min(n, max(0, Int((floor * Double(n) - 1e-9).rounded(.up))))
  }

  /// Each school whose floor it cannot reach even alone, with its shortfall; or, when every
  /// school can alone, that the floors conflict with each other.
  private static func diagnoseFloors(
    _ instance: PlacementInstance, rankCost: RankCost, floor: Double, reserves: Bool
  ) throws(SolverError) -> [String] {
    var placeable: [String: Int] = [:]
    for s in 0..<instance.students.count
    where instance.pinnedWorksite[s] >= 0 || !instance.choices.range(of: s).isEmpty {
      placeable[instance.students[s].school, default: 0] += 1
    }
    var found: [String] = []
    for (school, n) in placeable.sorted(by: { $0.key < $1.key }) {
      let need = required(floor, of: n)
      guard
        let alone = try solve(
          instance, rankCost: rankCost, floor: nil, reserves: reserves, onlySchool: school)
      else { continue }
      if alone.objective.placed < need {
        found.append(
          "school \(school): floor \(Int((100 * floor).rounded()))% needs \(need) of its \(n) "
            + "placeable students placed, at most \(alone.objective.placed) can be "
            + "(short by \(need - alone.objective.placed))")
      }
    }
    if found.isEmpty {
      found.append(
        "every school can reach its \(Int((100 * floor).rounded()))% floor alone, but not all at "
          + "once: they compete for the same seats")
    }
    return found
  }

  /// One circulation; `nil` when it is infeasible. With `onlySchool`, only that school's
  /// students take part.
  private static func solve(
    _ instance: PlacementInstance, rankCost: RankCost, floor: Double?, reserves: Bool,
    onlySchool: String? = nil
  ) throws(SolverError) -> ConstrainedAssignmentNetwork? {
    let choices = instance.choices
    let students = instance.students
    let worksites = instance.worksites
    var builder = NetworkBuilder()
    let source = builder.node()
    let sink = builder.node()

    // Which students can be placed at all: an eligible choice or a pin.
    let placeable = (0..<students.count).filter {
      (instance.pinnedWorksite[$0] >= 0 || !choices.range(of: $0).isEmpty)
        && (onlySchool == nil || students[$0].school == onlySchool)
    }
    // Worksite side: w → (employer →) T.
    var worksiteNode = [Int](repeating: -1, count: worksites.count)
    var employerNode = [Int](repeating: -1, count: instance.rules.employerCapacity.count)
    for (k, e) in instance.rules.employerCapacity.enumerated() {
      employerNode[k] = builder.node()
      builder.arc(employerNode[k], sink, capacity: e.capacity, cost: 0)
    }
    for (w, worksite) in worksites.enumerated() {
      worksiteNode[w] = builder.node()
      let k = Int(instance.employerLimit[w])
      builder.arc(
        worksiteNode[w], k >= 0 ? employerNode[k] : sink, capacity: worksite.capacity, cost: 0)
    }
    // Seat types of worksites with non-reverting reserves: the open seats, then one per group.
    var openNode = [Int](repeating: -1, count: worksites.count)
    var reserveNodes = [[(group: String, node: Int)]](repeating: [], count: worksites.count)
    if reserves {
      for (w, worksite) in worksites.enumerated() where !worksite.reserves.isEmpty {
        var reserved = 0
        for r in worksite.reserves {
          let n = r.count(ofCapacity: worksite.capacity)
          reserved += n
          let node = builder.node()
          builder.arc(node, worksiteNode[w], capacity: n, cost: 0)
          reserveNodes[w].append((r.group, node))
        }
        openNode[w] = builder.node()
        builder.arc(openNode[w], worksiteNode[w], capacity: worksite.capacity - reserved, cost: 0)
      }
    }
    // (worksite, school) nodes for max_per_school, made on first use.
    var schoolEntry: [Int: [String: Int]] = [:]
    func entries(of s: Int, at w: Int) -> [Int] {
      if let k = worksites[w].maxPerSchool {
        let school = students[s].school
        if let node = schoolEntry[w]?[school] { return [node] }
        let node = builder.node()
        builder.arc(node, worksiteNode[w], capacity: k, cost: 0)
        schoolEntry[w, default: [:]][school] = node
        return [node]
      }
      if openNode[w] >= 0 {
        return [openNode[w]]
          + reserveNodes[w].filter { students[s].groups.contains($0.group) }.map(\.node)
      }
      return [worksiteNode[w]]
    }

    // Student side: S (→ school) → s → entries.
    var schoolNode: [String: Int] = [:]
    if let floor {
      var count: [String: Int] = [:]
      for s in placeable { count[students[s].school, default: 0] += 1 }
      for (school, n) in count.sorted(by: { $0.key < $1.key }) {
        let node = builder.node()
        schoolNode[school] = node
        builder.arc(source, node, lower: Self.required(floor, of: n), capacity: n, cost: 0)
      }
    }
    var bigM = 1
    var choiceArcs: [(arc: Int, student: Int, worksite: Int)] = []
    for s in placeable {
      let pin = Int(instance.pinnedWorksite[s])
      let studentNode = builder.node()
      let from = schoolNode[students[s].school] ?? source
      builder.arc(from, studentNode, lower: pin >= 0 ? 1 : 0, capacity: 1, cost: 0)
      var worst = 0
      if pin >= 0 {
        let cost = rankCost.cost(ofRank: instance.rank(of: s, at: pin) ?? 0)
        worst = cost
        for entry in entries(of: s, at: pin) {
          choiceArcs.append((builder.arc(studentNode, entry, capacity: 1, cost: cost), s, pin))
        }
      } else {
        for c in choices.range(of: s) {
          let w = Int(choices.worksite[c])
          let cost = rankCost.cost(ofRank: Int(choices.rank[c]))
          worst = max(worst, cost)
          for entry in entries(of: s, at: w) {
            choiceArcs.append((builder.arc(studentNode, entry, capacity: 1, cost: cost), s, w))
          }
        }
      }
      bigM += worst
    }
    let returnArc = builder.arc(sink, source, capacity: placeable.count, cost: -bigM)

    var network = builder.network
    switch network.run() {
    case .optimal: break
    case .infeasible: return nil
    case .unbounded: throw SolverError("network: the circulation is unbounded")
    }
    var placement = Placement(studentCount: students.count)
    var cost = 0
    for (arc, s, w) in choiceArcs where builder.flow(arc, in: network) == 1 {
      placement.assign(student: s, to: w)
      cost += builder.cost(arc)
    }
    let placed = builder.flow(returnArc, in: network)
    return ConstrainedAssignmentNetwork(
      placement: placement, objective: PlacementObjective(placed: placed, cost: cost),
      nodes: network.nodeCount, arcs: network.arcCount, floorsMet: true)
  }
}

/// Builds a ``NetworkSimplex`` problem node by node, turning lower bounds into supplies.
struct NetworkBuilder {
  private var nodeCount = 0
  private var tails: [Int] = []
  private var heads: [Int] = []
  private var capacities: [Int] = []
  private var costs: [Int] = []
  private var lowers: [Int] = []

  /// A new node.
  mutating func node() -> Int {
    nodeCount += 1
    return nodeCount - 1
  }

  /// A new arc `u → v` carrying between `lower` and `capacity` units at `cost` each.
  @discardableResult
  mutating func arc(_ u: Int, _ v: Int, lower: Int = 0, capacity: Int, cost: Int) -> Int {
    precondition(0 <= lower && lower <= capacity, "NetworkBuilder: bounds")
    tails.append(u)
    heads.append(v)
    capacities.append(capacity)
    costs.append(cost)
    lowers.append(lower)
    return tails.count - 1
  }

  /// The cost of `arc`.
  func cost(_ arc: Int) -> Int { costs[arc] }

  /// The problem: capacities reduced by lower bounds, which move into the supplies.
  var network: NetworkSimplex {
    var net = NetworkSimplex(nodeCount: nodeCount)
    net.reserveArcs(tails.count)
    for e in tails.indices {
      net.addArc(from: tails[e], to: heads[e], capacity: capacities[e] - lowers[e], cost: costs[e])
      net.supply[tails[e]] -= lowers[e]
      net.supply[heads[e]] += lowers[e]
    }
    return net
  }

  /// The flow on `arc` in a solved `network` built by ``network``, lower bound included.
  func flow(_ arc: Int, in network: NetworkSimplex) -> Int { network.flow(arc) + lowers[arc] }
}
