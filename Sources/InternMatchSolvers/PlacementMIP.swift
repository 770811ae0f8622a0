import GLPK
import InternMatchModel

/// Exact optimal placement with every side constraint — including those no network can hold:
/// minimum group sizes, linked students and school limits that cross seat types — as a mixed
/// integer program solved by GLPK's branch-and-cut, warm-started from the network core.
///
/// The model is ``ConstrainedNetworkModel``'s circulation written as an LP — one column per
/// arc (bounds `[lower, capacity]`, cost as in the network, the return arc `−M`), one row per
/// node (flow out − flow in = 0) — plus rows that break the network structure:
/// - minimum group `m` at worksite `w`: a binary `y_w` with `m·y_w ≤ load(w) ≤ capacity·y_w`;
/// - linked students `a`, `b`: for every worksite `w` either could take,
///   `Σ x(a → w) − Σ x(b → w) = 0` (so both sit at the same worksite, or both are unplaced);
/// - a school limit crossing seat types: `Σ x(school's students → w) ≤ max_per_school`.
///
/// Without these rows the matrix is a network matrix, totally unimodular, and the LP optimum is
/// integral; with them it is not (a fractional `y_w` or a half-placed pair can be cheaper), so
/// the choice columns and the `y_w` are declared integer and GLPK branches (Land & Doig 1960;
/// cuts as in Wolsey, *Integer Programming*, 1998). The one-level objective is lexicographic by
/// the big-M argument of the network (`M` = 1 + every placeable student's largest cost); it is
/// integral, so GLPK's pruning tolerance is set below 1 / |objective| and no better integer
/// solution is cut off.
///
/// Warm start (the "duals and what-if" path): the network simplex solves the relaxation
/// without the extra rows; its spanning tree is a basis of the LP (a tree arc is a basic column,
/// a node hanging from the artificial root has its row basic, every other arc sits at the bound
/// the tree left it at), the extra rows enter with their auxiliary variables basic, and GLPK's
/// dual simplex only repairs what the extra rows cut off before branching starts.
///
/// ```swift
/// let mip = try PlacementMIP(instance, rankCost: .linear, limits: .init(timeLimitSeconds: 60))
/// mip.status  // .optimal
/// ```
///
/// - Complexity: nodes + extra rows by arcs + group columns; branch-and-cut is exponential in
///   the worst case, bounded here by the time limit.
struct PlacementMIP {
  /// The most arcs of a model whose LP GLPK is given (about 330,000 students of the generated
  /// MIP shape). GLPK's LP of the whole circulation — before pricing sets most of it aside —
  /// took about 500 MB at 250,000 students (1.9 million arcs; 1,182 MB peak against 678 MB
  /// without it), so a million students' 7.5 million arcs would take the process past issue
  /// 13's 1.5 GB. Above it, the network relaxation's placement, repaired and re-optimised, is
  /// the answer, with the relaxation's bound (`feasible`, its gaps said), at any time limit.
  static let largestLP = 2_500_000

  /// When to stop searching.
  struct Limits {
    /// The whole solve's time limit; the best placement found is returned when it runs out.
    var timeLimitSeconds: Double
    /// Stop once the placement is proven to place the most students any placement can and its
    /// cost is proven within this share of the lowest cost at that count (0: prove
    /// optimality); see ``LevelGap``.
    var relativeGap: Double = 0
    /// Whether to fix columns by their reduced cost before branching (on by default; off only
    /// to compare with the full model in tests).
    var reducedCostFixing = true
    /// The most arcs of a model GLPK is given (``PlacementMIP/largestLP``; lower only to test
    /// the path of a larger model on a small one).
    var largestLP = PlacementMIP.largestLP
  }

  /// A bound `B` on the objective `−M·placed + cost` read as its two levels. Every cost is
  /// below `M` (`M` exceeds the costliest placement's cost) and at least 0, so a placement with
  /// `p` placed and cost `c` has `B ≤ −M·p + c < −M·p + M`, that is `p < 1 − B / M`: no
  /// placement places more than `P = ⌈−B / M⌉` (0 when `B ≥ 0`), and one placing `P` costs at
  /// least `B + M·P`. A placement placing `P` is therefore proven to place the maximum, and its
  /// cost gap is `c − (B + M·P)`. (Rounding `−B / M` down instead would "prove" a placement one
  /// student short whenever the bound's cost part is positive.)
  ///
  /// ```swift
  /// // M = 10, B = −28 (at most 3 placed; with 3 placed, cost at least 2):
  /// LevelGap(placed: 3, cost: 5, bound: -28, bigM: 10)  // proven, cost gap 3
  /// LevelGap(placed: 2, cost: 0, bound: -28, bigM: 10)  // not proven, placed gap 1
  /// ```
  ///
  /// `mip_gap` is applied to that cost gap alone, once the maximum is proven: a gap on the
  /// one-level objective would let 0.1% of `M·placed` buy thousands of unplaced students.
  ///
  /// - Complexity: O(1).
  struct LevelGap: Hashable {
    /// Whether the placement places `⌈−B / M⌉` students, the most any placement can.
    var maximumPlacedProven: Bool
    /// How many more students than the placement's a placement could at most place
    /// (`⌈−B / M⌉ − placed`, 0 when the maximum is proven).
    var placedGap: Int
    /// With the maximum proven, the placement's cost minus the lowest cost any placement with
    /// that many placed can have (`nil` when the maximum is not proven).
    var costGap: Int?

    /// Reads `bound` (a bound on `−M·placed + cost`, possibly a floating LP value) for a
    /// placement with `placed` and `cost`.
    init(placed: Int, cost: Int, bound: Double, bigM: Int) {
      // An LP bound carries the simplex's tolerance: lower it by that much, never raise it.
      self.init(placed: placed, cost: cost, integralBound: PlacementMIP.integral(bound), bigM: bigM)
    }

    /// Reads an exact integral bound (the network relaxation's optimum, say), no tolerance.
    init(placed: Int, cost: Int, integralBound integral: Int, bigM: Int) {
      // ⌈−B / M⌉ in integers (B ≥ 0 allows nobody placed).
      let most = integral < 0 ? (-integral + bigM - 1) / bigM : 0
      maximumPlacedProven = placed >= most
      placedGap = max(0, most - placed)
      costGap = maximumPlacedProven ? max(0, cost - (integral + bigM * placed)) : nil
    }

    /// Whether the maximum is proven and the cost gap is at most `share` of `cost`.
    func within(_ share: Double, cost: Int) -> Bool {
      guard let costGap else { return false }
      return Double(costGap) <= share * Double(abs(cost))
    }
  }

  var placement: Placement
  var objective: PlacementObjective
  var status: LinearProgram.BranchAndCutOutcome.Status
  /// How far the best bound is from the placement, in objective units (0 when proven optimal;
  /// `nil` when the time limit passed before any bound was known).
  var gap: Int?
  /// The gap read as its two levels: the maximum placed proven, then the cost gap (`nil`
  /// without a bound).
  var levels: LevelGap?
  var nodes: Int
  /// Whether GLPK's branch-and-cut produced the placement (else the network relaxation's,
  /// repaired).
  var branchAndCut = true
  /// Whether the repaired network placement was re-optimised (not when the deadline passed
  /// first).
  var reoptimized = false
  /// Whether GLPK was never given the model because it has more than ``Limits/largestLP`` arcs
  /// (the placement is then the network relaxation's, repaired, whatever the time left).
  var tooLargeForGLPK = false
  var rows: Int
  var columns: Int
  /// Columns of the full model the branch-and-cut's LP leaves out: set aside by pricing and
  /// never needed, or fixed at their bound by their reduced cost (see
  /// ``GLPK/LinearProgram/fixByReducedCost(columns:cutoff:margin:)``).
  var fixedColumns = 0
  /// `false` when the school floors cannot all be met; the placement then ignores them.
  var floorsMet = true
  /// What a coordinator must read: floors not met, a search stopped at the time limit.
  var diagnostics: [String] = []

  /// Solves; with `rematch`, a re-match's previous placement and restricted choices (see
  /// ``OptimalStrategy/rematch(_:previous:keepPlaced:)``): the circulation's costs then carry
  /// the disruption weight, and ``objective`` is still placed and rank cost alone.
  init(
    _ instance: PlacementInstance, rankCost: RankCost, limits: Limits,
    rematch: ConstrainedNetworkModel.Fixings = .init()
  ) throws(SolverError) {
    // One deadline for the whole solve (both solves of a school floor that cannot be met
    // included). Held to the documented range (a dataset outside it is refused when read; a
    // library caller's 1e308 or NaN must not trap the conversion).
    let seconds = limits.timeLimitSeconds
    let range = DatasetLimits.mipTimeLimitSeconds
    let bounded =
      seconds.isNaN ? range.lowerBound : min(max(seconds, range.lowerBound), range.upperBound)
    try self.init(
      instance, rankCost: rankCost, limits: limits,
      deadline: .now + .milliseconds(Int((bounded * 1000).rounded(.up))), rematch: rematch)
  }

  /// Solves within `deadline` (``Limits/timeLimitSeconds`` is then only named in the notes):
  /// tests pass one already past to stop every stage at its first check.
  init(
    _ instance: PlacementInstance, rankCost: RankCost, limits: Limits,
    deadline: ContinuousClock.Instant, rematch: ConstrainedNetworkModel.Fixings = .init()
  ) throws(SolverError) {
    let reserves = !instance.policy.reservesRevert
    guard
      case (var solved, let unmet)? = try SchoolFloors.place(
        instance, rankCost: rankCost, reserves: reserves,
        { floor throws(SolverError) in
          try Self.solve(
            instance, rankCost: rankCost, floor: floor, reserves: reserves, limits: limits,
            deadline: deadline, rematch: rematch)
        })
    else { throw Self.infeasible }
    solved.floorsMet = unmet.isEmpty
    solved.diagnostics = unmet + solved.diagnostics
    self = solved
  }

  private static let infeasible = SolverError.infeasible(
    "no placement satisfies the pins, links, minimum group sizes and limits together")

  private init(
    placement: Placement, objective: PlacementObjective,
    status: LinearProgram.BranchAndCutOutcome.Status, gap: Int?, levels: LevelGap?, nodes: Int,
    rows: Int, columns: Int
  ) {
    self.placement = placement
    self.objective = objective
    self.status = status
    self.gap = gap
    self.levels = levels
    self.nodes = nodes
    self.rows = rows
    self.columns = columns
  }

  /// One MIP; `nil` when it has no feasible solution.
  ///
  /// Every stage after the presolve answers to `deadline` once a feasible placement is known
  /// (the repair of the network relaxation's placement; without one — school floors, or pins
  /// the repair cannot keep — the stages go on until GLPK's first integer solution): the
  /// network simplex runs (``NetworkSimplex/run(warmStart:deadline:abandoningAtDeadline:)``), GLPK's simplex and
  /// branch-and-cut (`tm_lim`, the time left), the pricing rounds and the re-optimisations.
  private static func solve(
    _ instance: PlacementInstance, rankCost: RankCost, floor: Double?, reserves: Bool,
    limits: Limits, deadline: ContinuousClock.Instant, rematch: ConstrainedNetworkModel.Fixings
  ) throws(SolverError) -> PlacementMIP? {
    guard var forced = Self.presolve(instance, allowed: rematch.allowed) else { return nil }
    forced.previous = rematch.previous
    var model = ConstrainedNetworkModel(
      instance, rankCost: rankCost, floor: floor, reserves: reserves, fixings: forced)
    let disruption = model.disruption
    /// Placed and the cost the circulation minimises (rank cost, plus the disruption weight in
    /// a re-match).
    func modelValue(_ placement: Placement) -> PlacementObjective {
      ConstrainedNetworkModel.value(
        of: placement, in: instance, rankCost: rankCost, previous: forced.previous,
        disruption: disruption)
    }
    var net = model.builder
    let bigM = -net.costs[model.returnArc]
    func value(of objective: PlacementObjective) -> Int { objective.cost - bigM * objective.placed }
    // A model above ``largestLP`` arcs never reaches GLPK (below), so the cold start's tree,
    // kept only for GLPK, has no use there, nor has the network simplex: the primal–dual
    // core's optimum is the relaxation's (certified by its potentials), and its flow so far,
    // when the deadline stops it, is feasible — without the network's copies of the arcs.
    let lpFits = net.tails.count <= limits.largestLP
    let relaxationStart = ContinuousClock.now
    var coreFlow =
      lpFits ? nil : model.primalDualFlow(deadline: deadline, keepingPartialFlow: true)
    var relaxation = coreFlow == nil ? net.network : NetworkSimplex(nodeCount: 0)
    /// Each arc's flow in the relaxation.
    func relaxationFlow(_ arc: Int) -> Int {
      coreFlow.map { $0.flow[arc] + net.lowers[arc] } ?? net.flow(arc, in: relaxation)
    }
    /// The relaxation's placement made to meet minimum groups and links (``repair(_:_:)``);
    /// `nil` with a school floor (emptying a worksite may break it) or a pin the repair cannot
    /// keep.
    func repairedRelaxation() -> Placement? {
      guard floor == nil else { return nil }
      return Self.repair(
        Self.placement(of: model, flows: relaxationFlow, in: instance), instance)
    }
    // A cold start here: GLPK starts from the tree this run ends with, and measured slower from
    // the tree a warm start ends with (several parts hung from the root). But a cold start
    // grows with the cohort faster than the primal–dual core: when it has not finished within
    // a third of the time left, the run starts again from the core's optimum (when the model
    // is one the core solves; else it goes on from where it stopped), which leaves few pivots.
    var relaxed: NetworkSimplex.Outcome
    if let coreFlow {
      relaxed = coreFlow.finished ? .optimal : .stopped
    } else {
      relaxed = relaxation.run(deadline: relaxationStart + (deadline - relaxationStart) / 3)
      if relaxed == .stopped, ContinuousClock.now < deadline {
        relaxed = relaxation.run(
          warmStart: model.primalDualStart(deadline: deadline) ?? relaxation.finalBasis,
          deadline: deadline)
      }
    }
    if relaxed == .stopped {
      // Stopped by the deadline with a feasible flow, not an optimal one: no bound is known.
      if let repaired = repairedRelaxation(), instance.violations(in: repaired).isEmpty {
        let reached = modelValue(repaired)
        var solved = PlacementMIP(
          placement: repaired, objective: instance.objective(of: repaired, rankCost: rankCost),
          status: .feasible, gap: nil, levels: nil, nodes: 0, rows: 0, columns: 0)
        solved.branchAndCut = false
        solved.diagnostics.append(
          "the network relaxation was not solved within mip_time_limit_seconds "
            + "(\(limits.timeLimitSeconds) s): the placement is feasible (\(reached.placed) "
            + "placed) but may not be optimal, and no bound on how far from it was computed")
        return solved
      }
      // No placement is known yet: the relaxation goes on from where it stopped (the core's,
      // from the start, without a deadline).
      if coreFlow != nil {
        coreFlow = model.primalDualFlow()
        relaxed = .optimal
      } else {
        relaxed = relaxation.run(warmStart: relaxation.finalBasis)
      }
    }
    switch relaxed {
    case .optimal: break
    case .infeasible: return nil  // the MIP only adds rows: infeasible too
    case .unbounded: throw SolverError.backend("MIP: the network relaxation is unbounded")
    case .stopped:
      throw SolverError.backend("MIP: the network relaxation stopped without a deadline")
    }
    let relaxationTime = ContinuousClock.now - relaxationStart
    var (rows, columns) = (0, 0)  // the full model, before any fixing, once loaded

    // A feasible fallback, and the relaxation's value as a bound on every placement.
    let relaxationValue = net.tails.indices.reduce(0) { $0 + relaxationFlow($1) * net.costs[$1] }
    var repaired = repairedRelaxation()
    if repaired == nil, coreFlow != nil {
      // GLPK must find the placement after all (a pin the repair cannot keep): it starts from
      // the network simplex's basis, from the core's optimum.
      relaxation = net.network
      relaxation.run(warmStart: model.primalDualStart())
      coreFlow = nil
    }
    /// The best integral bound on `−M·placed + cost` known so far: the relaxation's exact
    /// value, then the LP's and branch-and-cut's (lowered by the simplex's tolerance, which at
    /// 250,000 students is hundreds of units: no reason to apply it to an exact value).
    var knownBound = relaxationValue
    /// Re-optimises the repaired placement (two network simplex runs, within the deadline),
    /// once: at once when a gap may stop the search on the relaxation's bound alone, else only
    /// when the LP-guided placement below is missing or the time limit needs an answer.
    var reoptimized = false
    /// Whether that re-optimisation started before the deadline (else it was skipped).
    var reoptimizedInTime = false
    func reoptimizeRepaired() {
      guard !reoptimized else { return }
      reoptimized = true
      reoptimizedInTime = ContinuousClock.now < deadline
      repaired = repaired.map {
        Self.reoptimize(
          $0, instance, rankCost: rankCost, reserves: reserves, forced: forced,
          disruption: disruption, deadline: deadline, largestLP: limits.largestLP)
      }
    }
    // (A model too large for GLPK re-optimises in the fallback below, once its own arcs are
    // freed.)
    if limits.relativeGap > 0, lpFits { reoptimizeRepaired() }
    /// When GLPK's stages stop: early enough that the fallback's re-optimisation of the repaired
    /// placement (two network simplex runs, each started from the primal–dual core's optimum:
    /// measured shorter than the relaxation's cold run) fits before the deadline — the
    /// relaxation's run time earlier, at most half the time left; the deadline itself once
    /// that re-optimisation is done.
    var reserve = min(relaxationTime, (deadline - ContinuousClock.now) / 2)
    func glpkDeadline() -> ContinuousClock.Instant {
      reoptimized ? deadline : deadline - max(.zero, reserve)
    }
    /// GLPK's time limit: the time left before ``glpkDeadline()`` (at least 1 ms) once a
    /// placement is known; none before.
    func glpkLimit() -> Int? {
      guard repaired != nil else { return nil }
      return max(1, Int((glpkDeadline() - ContinuousClock.now) / .milliseconds(1)))
    }
    func deadlinePassed() -> Bool { repaired != nil && ContinuousClock.now >= glpkDeadline() }
    /// The repaired placement as the answer, its gap measured against the best bound known,
    /// with the note `explain(levels, gap)` gives.
    func repairedResult(_ explain: (_ levels: LevelGap, _ gap: Int) -> String) -> PlacementMIP? {
      guard let repaired else { return nil }
      let objective = instance.objective(of: repaired, rankCost: rankCost)
      let model = modelValue(repaired)
      let value = value(of: model)
      let gap = max(0, value - knownBound)
      let levels = LevelGap(
        placed: model.placed, cost: model.cost, integralBound: knownBound, bigM: bigM)
      var solved = PlacementMIP(
        placement: repaired, objective: objective, status: .feasible, gap: gap, levels: levels,
        nodes: 0, rows: rows, columns: columns)
      solved.branchAndCut = false
      solved.reoptimized = reoptimizedInTime
      solved.diagnostics.append(explain(levels, gap))
      return solved
    }
    func fallback(_ why: String, atTheLimit: Bool = true) throws(SolverError) -> PlacementMIP {
      // Past this point the model and its relaxation are not read again: their arcs and flows
      // (about 500 MB at a million students) are freed before the re-optimisation builds its
      // own.
      relaxation = NetworkSimplex(nodeCount: 0)
      coreFlow = nil
      net = NetworkBuilder()
      model.builder = net
      model.choiceArcs = .init()
      reoptimizeRepaired()
      guard
        var solved = repairedResult({ levels, gap in
          Self.stoppedEarly(
            why, levels: levels, gap: gap, bigM: bigM,
            limit: atTheLimit ? limits.timeLimitSeconds : nil)
        })
      else {
        throw SolverError.timeLimit(
          "MIP: \(why) before any placement was found; raise mip_time_limit_seconds")
      }
      solved.tooLargeForGLPK = !lpFits
      return solved
    }

    // Too little time left for GLPK, whose LP is larger and slower than the network it relaxes
    // (and, at a million students, gigabytes): the repaired placement, re-optimised within the
    // deadline, is the answer.
    // Too large for GLPK within the memory bound: the same answer, whatever the time left.
    if repaired != nil, !lpFits {
      return try fallback(
        "GLPK was not started: the model's \(net.tails.count) arcs exceed the "
          + "\(limits.largestLP) its LP is given (memory)", atTheLimit: false)
    }
    if repaired != nil, deadline - ContinuousClock.now < relaxationTime {
      return try fallback("the LP relaxation was not started")
    }

    let lp = LinearProgram()
    let (nodeRows, arcColumns, groupColumns, extraRows) = Self.load(model, of: instance, into: lp)
    (rows, columns) = (lp.rowCount, lp.columnCount)
    let load = instance.worksites.indices.map { net.flow(model.loadArc[$0], in: relaxation) }

    // Warm start from the relaxation's spanning tree.
    guard let basis = relaxation.finalBasis else {
      throw SolverError.backend("MIP: the network relaxation left no basis")
    }
    for u in nodeRows { lp.setRowStatus(u, basis.treeArc[u] < 0 ? .basic : .fixed) }
    var basic = [Bool](repeating: false, count: net.tails.count)
    for u in nodeRows where basis.treeArc[u] >= 0 { basic[basis.treeArc[u]] = true }
    for e in arcColumns {
      lp.setColumnStatus(
        e,
        basic[e]
          ? .basic
          : net.lowers[e] == net.capacities[e]
            ? .fixed : basis.atUpperBound[e] ? .atUpper : .atLower)
    }
    for r in extraRows { lp.setRowStatus(r, .basic) }
    for (y, w) in groupColumns {
      lp.setColumnStatus(
        y, load[w] >= (instance.worksites[w].minimumGroupSize ?? 0) ? .atUpper : .atLower)
    }
    // Pricing (column generation; Chvátal, *Linear Programming*, 1983, ch. 26): the LP starts
    // without the choice columns the relaxation leaves at 0 with a positive reduced cost —
    // most of them — and takes back those whose reduced cost under the LP's duals turns
    // negative, until none does: then its optimum is the full LP's. Columns the extra rows
    // touch (linked students, school limits across seat types) always stay in.
    var map = ColumnMap(columns: columns)
    var pooled: [Int] = []
    if limits.reducedCostFixing {
      var linked = [Bool](repeating: false, count: instance.students.count)
      for (a, b) in instance.linkedPairs {
        for s in [a, b] { linked[s] = true }
      }
      var inRow = [Bool](repeating: false, count: net.tails.count)
      for limit in model.schoolLimits {
        for arc in limit.arcs { inRow[arc] = true }
      }
      for (arc, s, _) in model.choiceArcs
      where !linked[s] && !inRow[arc] && !basic[arc] && !basis.atUpperBound[arc]
        && net.lowers[arc] == 0
        && net.costs[arc] + relaxation.potential(net.tails[arc])
          - relaxation.potential(net.heads[arc]) > 0
      {
        pooled.append(arc)
      }
      let removed = pooled.map { (column: $0, value: 0.0) }
      lp.removeColumns(removed)
      map.remove(removed)
    }

    // Close enough already? The relaxation bounds every placement.
    if limits.relativeGap > 0,
      let solved = repairedResult({ _, _ in
        "the placement places every student who could be placed and its cost is within "
          + "mip_gap of the lowest possible, proven by the network relaxation; branch-and-cut "
          + "was not needed"
      }),
      solved.levels?.within(limits.relativeGap, cost: modelValue(solved.placement).cost) == true
    {
      return solved
    }
    // With seat types a student has several arcs to one worksite; the incumbent's column
    // values are then not determined by the placement alone, and GLPK is not offered one.
    let oneArcPerChoice = !(reserves && instance.worksites.contains { !$0.reserves.isEmpty })
    if deadlinePassed() { return try fallback("the LP relaxation was not solved") }
    let rootLP: LinearProgram.SolutionStatus
    do {
      rootLP = try lp.simplex(
        .init(method: .dualThenPrimal, timeLimitMilliseconds: glpkLimit()))
    } catch let error where error.isTimeLimit {
      return try fallback("the LP relaxation was not solved")
    } catch {
      throw SolverError.backend("MIP relaxation: \(error)")
    }
    switch rootLP {
    case .optimal: break
    case .noFeasibleSolution, .infeasible: return nil
    default: throw SolverError.backend("MIP relaxation: GLPK ended with status \(rootLP)")
    }
    /// The reduced cost of each column set aside, under the LP's current duals (a choice arc's
    /// column: +1 in its tail's row, −1 in its head's).
    func pooledReducedCosts() -> [Double] {
      let dual = nodeRows.map { lp.rowDual($0) }
      return pooled.map { Double(net.costs[$0]) - dual[net.tails[$0]] + dual[net.heads[$0]] }
    }
    /// Appends the column of each arc in `arcs` to the LP, non-basic at 0.
    func bringBack(_ arcs: [Int]) {
      for arc in arcs {
        lp.appendColumn(
          .range(0, 1), cost: Double(net.costs[arc]), integer: true,
          entries: [(net.tails[arc], 1), (net.heads[arc], -1)])
        map.append(arc)
      }
    }
    /// Re-solves after columns came or went; `false` when the time limit stopped it.
    func resolve(_ method: LinearProgram.SimplexOptions.Method) throws(SolverError) -> Bool {
      let status: LinearProgram.SolutionStatus
      do {
        status = try lp.simplex(.init(method: method, timeLimitMilliseconds: glpkLimit()))
      } catch let error where error.isTimeLimit {
        return false
      } catch {
        throw SolverError.backend("MIP relaxation: \(error)")
      }
      guard status == .optimal else {
        throw SolverError.backend("MIP: the priced relaxation ended with status \(status)")
      }
      return true
    }
    while true {
      if deadlinePassed() { return try fallback("the LP relaxation was not solved") }
      let reducedCosts = pooledReducedCosts()
      let entering = pooled.indices.filter { reducedCosts[$0] < -1e-9 }
      guard !entering.isEmpty else { break }
      bringBack(entering.map { pooled[$0] })
      var leaving = [Bool](repeating: false, count: pooled.count)
      for k in entering { leaving[k] = true }
      pooled = pooled.indices.filter { !leaving[$0] }.map { pooled[$0] }
      // The basis stays primal feasible: the primal simplex goes on from it.
      guard try resolve(.primal) else { return try fallback("the LP relaxation was not solved") }
    }

    let rootBound = lp.objectiveValue
    knownBound = max(knownBound, Self.integral(rootBound))
    // A second incumbent, guided by the LP optimum (usually far closer to the optimum than the
    // repair of the network relaxation, which ignores the extra rows); the better one is
    // GLPK's first incumbent and the time limit's answer (re-optimised first if it is the
    // repair).
    if floor == nil {
      let guidedStart = ContinuousClock.now
      let guided = Self.reoptimize(
        guidedBy: map.expand(lp.columnValues()), model: model, instance, rankCost: rankCost,
        reserves: reserves, forced: forced, deadline: deadline)
      // The same work as the fallback's re-optimisation, measured: reserve that much.
      let guidedTime = ContinuousClock.now - guidedStart
      reserve = max(reserve, min(guidedTime, (deadline - ContinuousClock.now) / 2))
      if guided == nil { reoptimizeRepaired() }
      if let guided, repaired.map({ modelValue(guided) < modelValue($0) }) ?? true {
        repaired = guided
      }
    }
    // Reduced-cost fixing against that incumbent: every column is integral in every integer
    // solution (choice columns and y_w are integer, every other arc's flow is a sum of choice
    // flows), so one whose reduced cost exceeds the gap keeps its bound in every placement at
    // least as good as the incumbent — the optimum and its ties included — and leaves the LP;
    // a column set aside by pricing comes back only if its reduced cost is within the gap.
    let cutoff = repaired.map { Double(value(of: modelValue($0))) }
    if limits.reducedCostFixing {
      let slack = cutoff.map { $0 - lp.objectiveValue + 0.5 } ?? .infinity
      let reducedCosts = pooledReducedCosts()
      let fixed =
        cutoff.map { lp.fixByReducedCost(columns: 0..<lp.columnCount, cutoff: $0, margin: 0.5) }
        ?? []
      map.remove(fixed)
      let needed = pooled.indices.filter { !(reducedCosts[$0] > slack) }.map { pooled[$0] }
      bringBack(needed)
      pooled = []
      // Only non-basic columns came and went: the basis is still optimal.
      if !fixed.isEmpty || !needed.isEmpty, try !resolve(.dualThenPrimal) {
        return try fallback("the LP relaxation was not solved")
      }
    }

    // GLPK's own gap is on −M·placed + cost; the stop rule applies mip_gap to the cost alone,
    // once the incumbent places the proven maximum (``LevelGap``).
    let share = limits.relativeGap
    let placedColumn = map.current[model.returnArc]
    let placedFixed = map.outValue[model.returnArc]
    // Once a placement is known GLPK stops itself at the deadline (its `tm_lim`, which also
    // bounds each node's simplex); before, the stop rule ends the search at its first integer
    // solution past the deadline.
    let unlimited = glpkLimit() == nil
    let stop: @Sendable (LinearProgram.Incumbent) -> Bool = { incumbent in
      if unlimited && ContinuousClock.now >= deadline { return true }
      guard share > 0 else { return false }
      let placed = Int(
        (placedColumn >= 0 ? incumbent.value(ofColumn: placedColumn) : placedFixed).rounded())
      let cost = Int(incumbent.objective.rounded()) + bigM * placed
      return LevelGap(
        placed: placed, cost: cost, bound: max(rootBound, incumbent.bound ?? rootBound),
        bigM: bigM
      ).within(share, cost: cost)
    }
    let incumbent =
      oneArcPerChoice
      ? repaired.flatMap { placement -> [Double]? in
        let values = Self.columnValues(
          of: placement, model: model, groups: groupColumns, in: instance)
        return map.restrict(values)
      } : nil
    let outcome: LinearProgram.BranchAndCutOutcome
    do {
      outcome = try lp.branchAndCut(
        .init(
          timeLimitMilliseconds: glpkLimit(),
          objectiveTolerance: 0.5 / (1 + abs(rootBound)),
          incumbent: incumbent,
          stop: share > 0 || unlimited ? stop : nil))
    } catch {
      throw SolverError.backend("MIP: \(error)")
    }
    switch outcome.status {
    case .infeasible: return nil
    case .noSolutionFound: return try fallback("branch-and-cut found no placement")
    case .optimal, .feasible: break
    }

    let values = map.expand(lp.mipColumnValues())
    var placement = Placement(studentCount: instance.students.count)
    var cost = 0
    for (arc, s, w) in model.choiceArcs where values[arc] > 0.5 {
      placement.assign(student: s, to: w)
      cost += net.costs[arc]
      if let previous = forced.previous, Int(previous[s]) != w { cost -= disruption }
    }
    let placed = Int(values[model.returnArc].rounded())
    let value = Int((outcome.objective ?? 0).rounded())
    let bound = max(rootBound, outcome.bound ?? Double(value))
    knownBound = max(knownBound, Self.integral(bound))
    let gap = max(0, value - Int(bound.rounded(.up)))
    // A proven optimum is its own bound, exactly (the LP tolerance would show a cost gap of
    // tens of units at 60,000 students).
    let levels =
      outcome.status == .optimal
      ? LevelGap(placed: placed, cost: value + bigM * placed, integralBound: value, bigM: bigM)
      : LevelGap(placed: placed, cost: value + bigM * placed, bound: bound, bigM: bigM)
    var solved = PlacementMIP(
      placement: placement, objective: PlacementObjective(placed: placed, cost: cost),
      status: outcome.status, gap: gap, levels: levels, nodes: outcome.nodes, rows: rows,
      columns: columns)
    solved.fixedColumns = columns - lp.columnCount
    let withinGap = share > 0 && levels.within(share, cost: value + bigM * placed)
    if outcome.stoppedByRule && withinGap {
      solved.diagnostics.append(
        "branch-and-cut stopped once the placement was proven to place every student who could "
          + "be placed with a cost within mip_gap of the lowest possible (cost gap "
          + "\(levels.costGap ?? 0))")
    } else if outcome.status == .feasible {
      // Without an incumbent given to GLPK (seat types), the repair may still be better.
      if let repairedSolved = try? fallback("branch-and-cut did not prove optimality"),
        modelValue(repairedSolved.placement) < modelValue(solved.placement)
      {
        return repairedSolved
      }
      solved.diagnostics.append(
        Self.stoppedEarly(
          "branch-and-cut did not prove optimality", levels: levels, gap: gap, bigM: bigM,
          limit: limits.timeLimitSeconds))
    }
    return solved
  }

  /// Writes the model of `model` into the empty `lp`: one column per arc of the circulation
  /// (choice arcs integer), one row per node, then the rows and columns that break the network
  /// (minimum groups, links, school limits across seat types), and the objective `−M·placed +
  /// cost`. The one builder of the model that ``solve`` branches on and `solve --export-lp`
  /// writes.
  ///
  /// - Complexity: O(arcs + extra rows' entries).
  static func load(
    _ model: ConstrainedNetworkModel, of instance: PlacementInstance, into lp: LinearProgram
  ) -> (
    nodeRows: Range<Int>, arcColumns: Range<Int>, groupColumns: [(column: Int, worksite: Int)],
    extraRows: [Int]
  ) {
    let net = model.builder
    let nodeRows = lp.addRows(net.nodeCount)
    for r in nodeRows { lp.setRowBounds(r, .fixed(0)) }
    let arcColumns = lp.addColumns(net.tails.count)
    var matrix = SparseMatrix()
    matrix.reserveCapacity(2 * net.tails.count)
    for e in arcColumns {
      lp.setColumnBounds(e, .range(Double(net.lowers[e]), Double(net.capacities[e])))
      matrix.append(row: net.tails[e], column: e, value: 1)
      matrix.append(row: net.heads[e], column: e, value: -1)
    }
    for (arc, _, _) in model.choiceArcs { lp.setColumnInteger(arc, true) }

    // Rows that break the network, with the columns they need.
    var groupColumns: [(column: Int, worksite: Int)] = []
    var extraRows: [Int] = []
    for (w, worksite) in instance.worksites.enumerated() {
      guard let m = worksite.minimumGroupSize, m > 1, worksite.capacity > 0 else { continue }
      let y = lp.addColumns(1).lowerBound
      lp.setColumnBounds(y, .range(0, 1))
      lp.setColumnInteger(y, true)
      groupColumns.append((y, w))
      let rows = lp.addRows(2)
      lp.setRowBounds(rows.lowerBound, .lower(0))  // load − m·y ≥ 0
      lp.setRowBounds(rows.lowerBound + 1, .upper(0))  // load − capacity·y ≤ 0
      for r in rows { matrix.append(row: r, column: model.loadArc[w], value: 1) }
      matrix.append(row: rows.lowerBound, column: y, value: -Double(m))
      matrix.append(row: rows.lowerBound + 1, column: y, value: -Double(worksite.capacity))
      extraRows += Array(rows)
    }
    var arcsOf: [Int: [(arc: Int, worksite: Int)]] = [:]
    for (arc, s, w) in model.choiceArcs { arcsOf[s, default: []].append((arc, w)) }
    for (a, b) in instance.linkedPairs {
      var coefficient: [Int: [Int: Double]] = [:]  // worksite → arc → ±1
      for (arc, w) in arcsOf[a] ?? [] { coefficient[w, default: [:]][arc] = 1 }
      for (arc, w) in arcsOf[b] ?? [] { coefficient[w, default: [:]][arc] = -1 }
      for (_, entries) in coefficient.sorted(by: { $0.key < $1.key }) {
        let r = lp.addRows(1).lowerBound
        lp.setRowBounds(r, .fixed(0))
        for (arc, value) in entries.sorted(by: { $0.key < $1.key }) {
          matrix.append(row: r, column: arc, value: value)
        }
        extraRows.append(r)
      }
    }
    for limit in model.schoolLimits {
      let r = lp.addRows(1).lowerBound
      lp.setRowBounds(r, .upper(Double(limit.limit)))
      for arc in limit.arcs { matrix.append(row: r, column: arc, value: 1) }
      extraRows.append(r)
    }
    lp.loadMatrix(matrix)
    var costs = net.costs.map(Double.init)
    costs += [Double](repeating: 0, count: groupColumns.count)
    lp.setObjective(.minimize, coefficients: costs)
    return (nodeRows, arcColumns, groupColumns, extraRows)
  }

  /// The integral bound `bound` (an LP value, possibly off by the simplex's tolerance) implies:
  /// lowered by that tolerance, never raised, then rounded up.
  static func integral(_ bound: Double) -> Int {
    Int((bound - 1e-9 * (1 + abs(bound))).rounded(.up))
  }

  /// The diagnosis of a search stopped by its time limit, with what the gap allows.
  private static func stoppedEarly(
    _ why: String, levels: LevelGap, gap: Int, bigM: Int, limit: Double?
  ) -> String {
    why + (limit.map { " within mip_time_limit_seconds (\($0) s)" } ?? "")
      + ": the placement is feasible but may not be optimal — at most \(levels.placedGap) more students could be placed"
      + (levels.costGap.map { ", and the rank cost lowered by at most \($0)" } ?? "")
      + " (gap \(gap) in the objective −M·placed + cost, M = \(bigM))"
  }
}
