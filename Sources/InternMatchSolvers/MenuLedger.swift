import InternMatchModel

/// The seats, slots and per-person limits of a menu of activities as a sequential strategy
/// (`serial-dictatorship`, `greedy`) fills it, one request at a time.
///
/// ```swift
/// var ledger = MenuLedger(instance)
/// ledger.take(student: 0, at: 3, rule: menu.rule(for: .mockInterview))  // true: placed
/// ```
///
/// - Complexity: ``take(student:at:rule:)`` O(t) for t slots of the worksite.
struct MenuLedger {
  private let sites: [Worksite]
  /// Seats taken at each worksite, in each slot (index 0 without slots).
  private var load: [[Int]]
  /// Slot labels each person holds.
  private var labels: [Set<String>]
  /// Placements of each (person, kind) and of each (person, kind, employer).
  private var ofKind: [Int: Int] = [:]
  private var withEmployer: [Int: [EmployerOfKind: Int]] = [:]
  /// Placements per (worksite, school) and per employer of `employers.csv`.
  private var capacities: MenuCapacities
  /// Every placement made.
  private(set) var entries: [MenuPlacement.Entry] = []
  /// The (person, worksite) pairs held, by `student << 32 | worksite` (a pin may be on the list).
  private var held: Set<Int> = []

  init(_ instance: PlacementInstance) {
    sites = instance.worksites
    load = sites.map { [Int](repeating: 0, count: max(1, $0.slots.count)) }
    labels = [Set<String>](repeating: [], count: instance.students.count)
    capacities = MenuCapacities(instance)
  }

  /// Placements `student` holds of `kind`.
  func count(of student: Int, _ kind: WorksiteKind) -> Int {
    ofKind[student << 3 | ActivityMenu.ordinal(kind), default: 0]
  }

  /// Places `student` at worksite `w` (of `rule`'s kind) when it is open to them: under
  /// `max_per_participant` and `max_per_employer`, `w` below `max_per_school` for their
  /// school, `w`'s employer below its `employers.csv` capacity, a seat free and, at a worksite with slots,
  /// the first slot (in the row's order) with a seat free whose label they do not hold yet.
  /// A worksite the person already holds (a pin) is refused.
  mutating func take(student s: Int, at w: Int, rule: ActivityRule) -> Bool {
    guard !held.contains(s << 32 | w) else { return false }
    let key = s << 3 | ActivityMenu.ordinal(rule.kind)
    guard ofKind[key, default: 0] < rule.maxPerParticipant else { return false }
    let group = EmployerOfKind(sites[w])
    if let limit = rule.maxPerEmployer, withEmployer[key]?[group] ?? 0 >= limit { return false }
    guard capacities.admits(student: s, at: w) else { return false }
    let slot: Int?
    if sites[w].slots.isEmpty {
      guard load[w][0] < sites[w].capacity else { return false }
      slot = nil
    } else {
      guard
        let t = sites[w].slots.indices.first(where: {
          load[w][$0] < sites[w].capacity && !labels[s].contains(sites[w].slots[$0])
        })
      else { return false }
      labels[s].insert(sites[w].slots[t])
      slot = t
    }
    record(MenuPlacement.Entry(student: s, worksite: w, slot: slot), kind: rule.kind)
    return true
  }

  /// Holds the pins of the instance (``/InternMatchModel/PlacementInstance/menuPins``), each in
  /// its slot, before any request: the instance has checked that they fit every rule together.
  mutating func pin(_ pins: [MenuPlacement.Entry]) {
    for e in pins {
      if let t = e.slot { labels[e.student].insert(sites[e.worksite].slots[t]) }
      record(e, kind: sites[e.worksite].kind)
    }
  }

  private mutating func record(_ e: MenuPlacement.Entry, kind: WorksiteKind) {
    let key = e.student << 3 | ActivityMenu.ordinal(kind)
    load[e.worksite][e.slot ?? 0] += 1
    ofKind[key, default: 0] += 1
    withEmployer[key, default: [:]][EmployerOfKind(sites[e.worksite]), default: 0] += 1
    capacities.add(student: e.student, at: e.worksite)
    held.insert(e.student << 32 | e.worksite)
    entries.append(e)
  }

  /// The frame both sequential strategies share: for each kind of `menu` in service order
  /// (those offered to someone), `turns` with the people the kind is offered to in lottery
  /// order (tier first) drawn from `seed`, after the pins, which go first; then the result of
  /// strategy `name`, checked.
  static func place(
    _ instance: PlacementInstance, menu: ActivityMenu, seed: UInt64, strategy name: String,
    turns: (_ rule: ActivityRule, _ order: [Int], _ ledger: inout MenuLedger) -> Void
  ) throws(SolverError) -> MenuResult {
    let order = WorksitePriorities(instance: instance, seed: seed).sequence
    var ledger = MenuLedger(instance)
    ledger.pin(instance.menuPins)
    for rule in menu.served where rule.maxPerParticipant > 0 {
      turns(rule, order.filter { instance.students[$0].role == rule.participants }, &ledger)
    }
    return try ledger.result(of: name, in: instance)
  }

  /// The result of strategy `name`, once the placement passes its checks.
  private func result(of name: String, in instance: PlacementInstance) throws(SolverError)
    -> MenuResult
  {
    try MenuResult(
      kindByKind: entries, in: instance, strategy: name, solver: "\(name) (menu, kind by kind)")
  }
}

extension MenuResult {
  /// The result of a strategy that places the menu kind by kind (status `complete`, value by
  /// linear rank cost), once the placement of `entries` passes its checks.
  ///
  /// - Throws: ``SolverError/Kind/backend`` naming the first violations (a bug).
  init(
    kindByKind entries: [MenuPlacement.Entry], in instance: PlacementInstance, strategy: String,
    solver: String, statistics: [String: Int] = [:]
  ) throws(SolverError) {
    let placement = MenuPlacement(entries)
    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError.backend(
        "\(strategy) (menu): the placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    self.init(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: strategy, solver: solver, statistics: statistics, status: .complete)
  }
}
