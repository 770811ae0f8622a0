import InternMatchModel

/// The placement problem with the side constraints that keep it a network — pins,
/// `max_per_school`, employer capacities, non-reverting seat reserves and school floors — as one
/// min-cost circulation (``ConstrainedNetworkModel``), solved exactly by ``NetworkSimplex``.
///
/// Lower bounds become supplies (`l` on `u → v`: supply(u) −= l, supply(v) += l). The same big-M
/// argument as ``AssignmentNetwork`` makes one run lexicographic: most placed, then least cost.
/// A worksite with both `max_per_school` and reserves is not a network (two crossing families of
/// limits on the same arcs): ``init(_:rankCost:)`` returns `nil` for it and the caller uses
/// ``PlacementMIP``.
///
/// - Complexity: O(S + W + L) nodes and arcs; solved cold (network simplex).
struct ConstrainedAssignmentNetwork {
  var placement: Placement
  var objective: PlacementObjective
  var nodes: Int
  var arcs: Int
  /// Why the school floors cannot all be met, school by school (empty when they hold); the
  /// placement then ignores them.
  var floorDiagnostics: [String] = []
  /// Whether the school floors hold (or none is set).
  var floorsMet: Bool { floorDiagnostics.isEmpty }

  /// Whether `instance` has any side constraint this builder handles.
  static func applies(to instance: PlacementInstance) -> Bool {
    !instance.rules.pins.isEmpty || !instance.rules.employerCapacity.isEmpty
      || instance.rules.schoolFloor != nil
      || instance.worksites.contains {
        $0.maxPerSchool != nil || (!instance.policy.reservesRevert && !$0.reserves.isEmpty)
      }
  }

  /// Builds and solves; `nil` when some worksite has both `max_per_school` and non-reverting
  /// reserves. With `fixings`, those decisions hold (a re-match's previous placement, held
  /// students, restricted choices); ``objective`` is then still placed and rank cost alone.
  init?(
    _ instance: PlacementInstance, rankCost: RankCost,
    fixings: ConstrainedNetworkModel.Fixings = .init()
  ) throws(SolverError) {
    let useReserves = !instance.policy.reservesRevert
    if useReserves,
      instance.worksites.contains(where: { $0.maxPerSchool != nil && !$0.reserves.isEmpty })
    {
      return nil
    }
    guard
      let (solved, unmet) = try SchoolFloors.place(
        instance, rankCost: rankCost, reserves: useReserves,
        { floor throws(SolverError) in
          try Self.solve(
            instance, rankCost: rankCost, floor: floor, reserves: useReserves, fixings: fixings)
        })
    else { throw SolverError.infeasible("network: the side constraints admit no placement") }
    self = solved
    floorDiagnostics = unmet
  }

  private init(placement: Placement, objective: PlacementObjective, nodes: Int, arcs: Int) {
    self.placement = placement
    self.objective = objective
    self.nodes = nodes
    self.arcs = arcs
  }

  /// Students a floor of share `floor` requires among `n` placeable ones: ⌈floor × n⌉, robust to
  /// rounding (0.6 × 5 is 3, not 4).
  static func required(_ floor: Double, of n: Int) -> Int {
    min(n, max(0, Int((floor * Double(n) - 1e-9).rounded(.up))))
  }

  /// Each school whose floor it cannot reach even alone, with its shortfall; or, when every
  /// school can alone, that the floors conflict with each other.
  static func diagnoseFloors(
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
    onlySchool: String? = nil, fixings: ConstrainedNetworkModel.Fixings = .init()
  ) throws(SolverError) -> ConstrainedAssignmentNetwork? {
    let model = ConstrainedNetworkModel(
      instance, rankCost: rankCost, floor: floor, reserves: reserves, onlySchool: onlySchool,
      fixings: fixings)
    let builder = model.builder
    var network = builder.network
    switch network.run(warmStart: model.primalDualStart()) {
    case .optimal: break
    case .infeasible: return nil
    case .unbounded: throw SolverError.backend("network: the circulation is unbounded")
    case .stopped: throw SolverError.backend("network: stopped without a deadline")
    }
    var placement = Placement(studentCount: instance.students.count)
    var cost = 0
    for (arc, s, w) in model.choiceArcs where builder.flow(arc, in: network) == 1 {
      placement.assign(student: s, to: w)
      cost += builder.cost(arc)
      if let previous = fixings.previous, Int(previous[s]) != w { cost -= model.disruption }
    }
    let placed = builder.flow(model.returnArc, in: network)
    return ConstrainedAssignmentNetwork(
      placement: placement, objective: PlacementObjective(placed: placed, cost: cost),
      nodes: network.nodeCount, arcs: network.arcCount)
  }
}
