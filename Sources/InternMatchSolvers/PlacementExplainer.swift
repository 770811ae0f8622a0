import Foundation
import InternMatchModel

/// The strategy a result came from, as explanations need it.
public enum ExplainedStrategy: Hashable, Sendable {
  /// `optimal` (linear) or `optimal-squared`: taken choices and seats carry exact prices.
  case optimal(RankCost)
  /// `stable`, with its lottery seed: taken choices carry the worksite's cutoff.
  case stable(seed: UInt64)
  /// `serial-dictatorship`: taken choices carry the lottery position that filled the worksite.
  case serialDictatorship(seed: UInt64)
  /// `greedy`: taken choices carry the round and lottery position that filled the worksite.
  case greedy(seed: UInt64)
  /// Any other strategy: outcomes and reasons only.
  case other(String)

  /// How the strategy seats students in reserve stages (``/InternMatchModel/SeatingOrder``): by turns for the
  /// sequential strategies, by priorities for `stable`, `nil` for the others.
  public func seating(for instance: PlacementInstance, result: PlacementResult) -> SeatingOrder? {
    switch self {
    case .stable(let seed):
      .priorities(
        result.priorities.flatMap { $0.seed == seed ? $0 : nil }
          ?? WorksitePriorities(instance: instance, seed: seed))
    case .serialDictatorship(let seed), .greedy(let seed):
      .turns(Turns.positions(instance, seed: seed))
    case .optimal, .other: nil
    }
  }

  /// The kind of `strategy`, read from its type.
  public init(_ strategy: any PlacementStrategy) {
    switch strategy {
    case let s as OptimalStrategy: self = .optimal(s.rankCost)
    case let s as StableStrategy: self = .stable(seed: s.seed)
    case let s as SerialDictatorshipStrategy: self = .serialDictatorship(seed: s.seed)
    case let s as GreedyStrategy: self = .greedy(seed: s.seed)
    default: self = .other(strategy.name)
    }
  }
}

/// Every student's ``/InternMatchModel/PlacementExplanation`` and every worksite's ``/InternMatchModel/SeatValue`` for one result,
/// computed from the result without solving again from scratch.
///
/// For `optimal` without side constraints other than pins, each `taken` entry's price and each
/// seat value is read exactly off the residual network of the result's optimum
/// (`ResidualPricing`: one Dijkstra per worksite that some taken entry names, and one from
/// the sink for every seat value, shared over the cores). With other side constraints the
/// residual argument needs the constrained network's structure, so each price is an exact
/// re-solve with the pair added as a pin (a seat added for seat values), at most
/// `resolveLimit` of them; a branch-and-cut run or re-solve not proven optimal gives no
/// value. Where no value is given, the detail says why — never an estimate. On the GLPK path
/// (a result carrying ``PlacementResult/glpkCapacityDuals``) each seat value also carries
/// GLPK's capacity-row dual and the exact interval of optimal duals
/// (``/InternMatchModel/SeatValue/CapacityDual``, from the same residual network).
///
/// ```swift
/// let explained = try PlacementExplainer(instance, result: result, strategy: .optimal(.linear))
/// explained.students[0].choices.first?.outcome  // .placed, .taken, .ineligible, …
/// ```
///
/// - Complexity: O(S + L) plus, for `optimal`, one O(A + W log W) search per worksite named by
///   a taken entry, A ≤ L.
public struct PlacementExplainer: Sendable {
  /// One explanation per student, in input order.
  public let students: [PlacementExplanation]
  /// One value per worksite, in input order.
  public let seatValues: [SeatValue]
  /// Re-solves used (side constraints other than pins).
  public let resolves: Int

  /// The default number of re-solves: about 200,000 students' worth, at most 400 (a tenth of
  /// that for a branch-and-cut problem).
  public static func defaultResolveLimit(for instance: PlacementInstance) -> Int {
    let students = max(instance.students.count, 1)
    let rules = instance.sideRules
    let mip = rules.contains(.minimumGroup) || rules.contains(.links)
    return min(400, 200_000 / students) / (mip ? 10 : 1)
  }

  /// Explains `result` of `strategy` on `instance`.
  ///
  /// - Parameters:
  ///   - instance: the instance that was placed.
  ///   - result: the strategy's result on it.
  ///   - strategy: the strategy that produced it, for what its explanations carry.
  ///   - resolveLimit: the most re-solves (only with side constraints beyond pins); `nil` uses
  ///     ``defaultResolveLimit(for:)``.
  /// - Throws: ``SolverError`` when an `optimal` result's residual network proves it is not
  ///   optimal, or a re-solve fails in the backend.
  public init(
    _ instance: PlacementInstance, result: PlacementResult, strategy: ExplainedStrategy,
    resolveLimit: Int? = nil
  ) throws(SolverError) {
    let seating = strategy.seating(for: instance, result: result)
    let outcomes = instance.outcomes(of: result.placement, seating: seating)
    var occupancy: SeatOccupancy?
    func blocker(_ s: Int, _ w: Int) -> SeatBlocker? {
      if occupancy == nil {
        occupancy = SeatOccupancy(instance, result.placement, seating: seating)
      }
      return occupancy?.blocker(student: s, worksite: w)
    }
    var ineligible: [Int: Ineligibility] = [:]
    for pair in instance.ineligibleChoices {
      ineligible[pair.student << 32 | pair.worksite] = pair.reasons
    }
    var rankingSite = [Bool](repeating: false, count: instance.worksites.count)
    var ranked: Set<Int> = []
    if case .stable = strategy {
      for r in instance.rankingIndices {
        rankingSite[Int(r.worksite)] = true
        ranked.insert(Int(r.worksite) << 32 | Int(r.student))
      }
    }

    // The rows, with the taken ones to price or annotate.
    var explanations: [PlacementExplanation] = []
    explanations.reserveCapacity(instance.students.count)
    var taken: [(student: Int, worksite: Int, row: Int)] = []
    for (s, student) in instance.students.enumerated() {
      var rows: [ChoiceExplanation] = []
      let (seat, rank, reason): (Int?, Int?, UnplacedReason?)
      switch outcomes[s] {
      case .placed(let w, let r): (seat, rank, reason) = (w, r, nil)
      case .unplaced(let why): (seat, rank, reason) = (nil, nil, why)
      }
      let last = rank.flatMap { $0 > 0 ? $0 : nil } ?? student.preferences.count
      var seen: Set<Int> = []
      for (i, id) in student.preferences.prefix(last).enumerated() {
        var row = ChoiceExplanation(rank: i + 1, worksite: id, outcome: .taken)
        if let w = instance.worksiteIndex[id] {
          if !seen.insert(w).inserted {
            row.outcome = .duplicate
          } else if let why = ineligible[s << 32 | w] {
            row.outcome = .ineligible
            row.detail = why.codes.joined(separator: ";")
          } else if rankingSite[w], !ranked.contains(w << 32 | s),
            instance.pinnedWorksite[s] != Int32(w)
          {
            row.outcome = .notRanked
          } else if instance.worksites[w].capacity == 0 {
            row.outcome = .noSeats
          } else if seat == w {
            row.outcome = .placed
          } else {
            taken.append((s, w, explanations.count << 17 | rows.count))
          }
        } else {
          row.outcome = .unknownWorksite
        }
        rows.append(row)
      }
      explanations.append(
        PlacementExplanation(
          student: student.id, worksite: seat.map { instance.worksites[$0].id }, rank: rank,
          unplacedReason: reason, choices: rows))
    }
    precondition(
      instance.students.allSatisfy { $0.preferences.count < 1 << 17 },
      "PlacementExplainer: lists longer than 131,071 entries (the format allows 100,000)")

    var values: [SeatValue] = []
    let load = SeatOccupancy(instance, result.placement).load
    var resolves = 0
    func seatValue(_ w: Int, _ change: (placed: Int, rankCost: Int)?, _ detail: String)
      -> SeatValue
    {
      let site = instance.worksites[w]
      return SeatValue(
        worksite: site.id, employer: site.employer, cluster: site.cluster, borough: site.borough,
        capacity: site.capacity, filled: load[w], placedChange: change?.placed,
        rankCostChange: change?.rankCost, detail: detail)
    }
    func annotate(_ k: Int, _ body: (inout ChoiceExplanation) -> Void) {
      let entry = taken[k]
      body(&explanations[entry.row >> 17].choices[entry.row & 0x1FFFF])
    }

    // A pinned student's seat was fixed in advance: no strategy weighed their other choices.
    for k in taken.indices where instance.pinnedWorksite[taken[k].student] >= 0 {
      annotate(k) { $0.detail = "pinned: the student's seat is fixed in advance" }
    }
    let movable = taken.indices.filter { instance.pinnedWorksite[taken[$0].student] < 0 }
    var built: ResidualPricing?
    switch strategy {
    case .optimal(let rankCost):
      if instance.sideRules.isSubset(of: [.pins]) {
        let pricing = try ResidualPricing(
          instance, placement: result.placement, rankCost: rankCost)
        built = pricing
        let prices = Self.prices(
          movable.map { taken[$0] }, pricing: pricing, instance: instance,
          placement: result.placement, rankCost: rankCost)
        for (k, price) in zip(movable, prices) {
          annotate(k) { row in
            if let price {
              (row.placedChange, row.rankCostChange) = (price.placed, price.rankCost)
            } else {
              row.detail = "infeasible: no placement seats the student here (pinned seats)"
            }
          }
        }
        let fromSink = pricing.distances(from: pricing.sink)
        for w in instance.worksites.indices {
          var change = (placed: 0, rankCost: 0)
          if load[w] >= instance.worksites[w].capacity, fromSink[w] != ResidualPricing.unreachable,
            fromSink[w] < 0
          {
            change = ResidualPricing.decode(fromSink[w])
          }
          values.append(seatValue(w, change, ""))
        }
      } else {
        var solver = Resolver(
          instance: instance, result: result, rankCost: rankCost,
          limit: resolveLimit ?? Self.defaultResolveLimit(for: instance))
        for k in movable {
          let entry = taken[k]
          let (change, detail) = try solver.forcing(entry.student, into: entry.worksite)
          annotate(k) { row in
            (row.placedChange, row.rankCostChange) = (change?.placed, change?.rankCost)
            row.detail = detail
          }
        }
        for w in instance.worksites.indices {
          let (change, detail) = try solver.addingSeat(at: w)
          values.append(seatValue(w, change, detail))
        }
        resolves = solver.used
      }
    case .stable(let seed):
      let priorities =
        result.priorities.flatMap { $0.seed == seed ? $0 : nil }
        ?? WorksitePriorities(instance: instance, seed: seed)
      let cutoffs = Cutoffs(instance, placement: result.placement, priorities: priorities)
      for k in movable {
        let (s, w, _) = taken[k]
        let extra = blocker(s, w).flatMap { $0 == .full ? nil : "; " + $0.rawValue } ?? ""
        annotate(k) { $0.detail = cutoffs.detail(student: s, worksite: w) + extra }
      }
    case .serialDictatorship(let seed), .greedy(let seed):
      var greedy = false
      if case .greedy = strategy { greedy = true }
      let turns = Turns(instance, placement: result.placement, seed: seed)
      for k in movable {
        let (s, w, _) = taken[k]
        let extra = blocker(s, w).flatMap { $0 == .full ? nil : "; " + $0.rawValue } ?? ""
        annotate(k) {
          $0.detail = turns.detail(student: s, worksite: w, rounds: greedy) + extra
        }
      }
    case .other: break
    }
    if values.isEmpty {
      let why: String
      switch strategy {
      case .optimal: why = ""
      case .stable: why = "seat values are computed for optimal and optimal-squared only"
      case .serialDictatorship, .greedy, .other:
        why = "seat values are computed for optimal and optimal-squared only"
      }
      values = instance.worksites.indices.map { seatValue($0, nil, why) }
    }
    // The GLPK path: GLPK's capacity-row duals beside the exact interval of optimal duals.
    if case .optimal(let rankCost) = strategy, let duals = result.glpkCapacityDuals,
      duals.count == values.count,
      instance.sideRules.subtracting(instance.policy.reservesRevert ? [.reserves] : [])
        .isEmpty
    {
      let pricing: ResidualPricing
      if let built {
        pricing = built
      } else {
        pricing = try ResidualPricing(instance, placement: result.placement, rankCost: rankCost)
      }
      let intervals = pricing.capacityIntervals(instance, load: load)
      for w in values.indices {
        guard let dual = duals[w], let interval = intervals[w] else { continue }
        values[w].capacityDual = SeatValue.CapacityDual(
          glpk: dual, low: interval.low, high: interval.high)
      }
    }
    students = explanations
    seatValues = values
    self.resolves = resolves
  }

  /// The exact price of each request, `nil` when the pair cannot be placed at all: one
  /// Dijkstra per distinct worksite, the worksites shared over two threads.
  static func prices(
    _ requests: [(student: Int, worksite: Int, row: Int)], pricing: ResidualPricing,
    instance: PlacementInstance, placement: Placement, rankCost: RankCost
  ) -> [(placed: Int, rankCost: Int)?] {
    var byWorksite: [Int: [Int]] = [:]
    for (k, r) in requests.enumerated() { byWorksite[r.worksite, default: []].append(k) }
    let sites = byWorksite.keys.sorted()
    let shares = sites.count >= 8 ? 2 : 1
    let parts = concurrentMap(shares) { part in
      var found: [(Int, (placed: Int, rankCost: Int)?)] = []
      for i in stride(from: part, to: sites.count, by: shares) {
        let w = sites[i]
        let targets = byWorksite[w, default: []].map {
          placement.worksite(of: requests[$0].student) ?? pricing.source
        }
        let d = pricing.distances(from: w, to: targets)
        for k in byWorksite[w, default: []] {
          let s = requests[k].student
          let cost = rankCost.cost(ofRank: instance.choices.rank(of: s, for: w) ?? 0)
          let back: Int
          let here: Int
          if let at = placement.worksite(of: s) {
            back = d[at]
            here = rankCost.cost(ofRank: instance.choices.rank(of: s, for: at) ?? 0)
          } else {
            back = d[pricing.source]
            here = 0
          }
          found.append(
            (
              k,
              back == ResidualPricing.unreachable
                ? nil : ResidualPricing.decode(cost - here + back)
            ))
        }
      }
      return found
    }
    var prices = [(placed: Int, rankCost: Int)?](repeating: nil, count: requests.count)
    for part in parts { for (k, p) in part { prices[k] = p } }
    return prices
  }
}

/// Exact prices by solving again with one change, within a budget.
private struct Resolver {
  let instance: PlacementInstance
  let result: PlacementResult
  let rankCost: RankCost
  let limit: Int
  private(set) var used = 0

  init(instance: PlacementInstance, result: PlacementResult, rankCost: RankCost, limit: Int) {
    self.instance = instance
    self.result = result
    self.rankCost = rankCost
    self.limit = limit
  }

  /// Why no value can be exact, if the run itself is not a proven optimum.
  private var unproven: String? {
    result.status == .feasible || result.statistics["mip_proven_optimal"] == 0
      ? "not computed: the run is not proven optimal (branch-and-cut stopped at its gap or time "
        + "limit)" : nil
  }

  mutating func forcing(_ s: Int, into w: Int) throws(SolverError) -> (
    (placed: Int, rankCost: Int)?, String
  ) {
    var rules = instance.rules
    rules.pins.append(Pin(student: instance.students[s].id, worksite: instance.worksites[w].id))
    return try solve(worksites: instance.worksites, rules: rules)
  }

  mutating func addingSeat(at w: Int) throws(SolverError) -> ((placed: Int, rankCost: Int)?, String)
  {
    var worksites = instance.worksites
    let capacity = max(worksites[w].capacity, 0)
    // One more open seat: shares of reserves become the seat counts they had.
    worksites[w].reserves = worksites[w].reserves.map {
      SeatReserve(group: $0.group, seats: .seats($0.count(ofCapacity: capacity)))
    }
    worksites[w].capacity = capacity + 1
    return try solve(worksites: worksites, rules: instance.rules)
  }

  private mutating func solve(worksites: [Worksite], rules: PlacementRules) throws(SolverError)
    -> ((placed: Int, rankCost: Int)?, String)
  {
    if let unproven { return (nil, unproven) }
    guard used < limit else {
      return (
        nil,
        "not computed: side constraints need a re-solve per value, and the \(limit) allowed "
          + "were used"
      )
    }
    used += 1
    let changed: PlacementInstance
    do {
      changed = try PlacementInstance(
        students: instance.students, worksites: worksites, clusters: instance.clusters,
        rankings: instance.rankings, policy: instance.policy, rules: rules)
    } catch {
      let first = error.issues.first { $0.severity == .error }
      return (nil, "infeasible: " + (first.map { "\($0.message)" } ?? "the change breaks a rule"))
    }
    let again: PlacementResult
    do {
      again = try OptimalStrategy(rankCost: rankCost).place(changed)
    } catch  where error.kind == .infeasible {
      return (nil, "infeasible: " + error.message)
    }
    if again.status == .feasible || again.statistics["mip_proven_optimal"] == 0 {
      return (nil, "not computed: the re-solve was not proven optimal")
    }
    return (
      (
        again.objective.placed - result.objective.placed,
        again.objective.cost - result.objective.cost
      ),
      "exact: re-solved with the change"
    )
  }
}
