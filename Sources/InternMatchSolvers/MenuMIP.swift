import GLPK
import InternMatchModel

/// The menu of activities with time slots as a MIP, solved level by level with GLPK's
/// branch-and-cut: for each kind in priority order, the most placements, then the least rank
/// cost, each fixed before the next is optimised.
///
/// **Columns**: one binary `x(p, w, t)` per eligible choice `(p, w)` of a kind offered to the
/// person and, at a worksite with slots, per slot `t` (one column without slots).
///
/// **Rows**: per person and kind, `Σ x ≤ max_per_participant`; per person, kind and employer,
/// `Σ x ≤ max_per_employer` (when set); per person and worksite, `Σ_t x ≤ 1`; per person and slot
/// label used by two or more of their columns, `Σ x ≤ 1` (no two places at once, across kinds);
/// per worksite and slot, `Σ_p x ≤ capacity`; per worksite with `max_per_school` and school,
/// `Σ x ≤ max_per_school` (every slot); per employer of `employers.csv`, `Σ x ≤ capacity`
/// (every kind and slot).
///
/// **Why a MIP**: a person's sets "this worksite" and "this slot label" cross (neither contains
/// the other), so the rows are no longer two laminar families and the LP can be fractional (a
/// person with worksites `A`, `B` and labels `am`, `pm`: `x(A, am) = x(A, pm) = x(B, am) =
/// x(B, pm) = ½` meets every row). Without slots ``MenuNetwork`` is exact and faster.
///
/// **Lexicographic, exactly**: level ℓ (kind ℓ in service order) is solved twice — maximise
/// `placed_ℓ = Σ x` over the level's columns, then add `placed_ℓ ≥ P*` and minimise `cost_ℓ`,
/// then add `cost_ℓ ≤ C*` — before level ℓ + 1. Each added row keeps exactly the solutions
/// optimal for the levels before, so the last solve's solution is lexicographically optimal
/// when every solve is proven optimal. Coefficients stay small integers (1 and rank costs), so
/// no big-M weight strains GLPK's tolerances; the integral objectives are read rounded.
///
/// **Employers across kinds.** An employer of `employers.csv` with worksites of two or more
/// kinds puts those kinds in one row: its kinds are searched here as the kinds with slots are
/// (whether or not they have slots), and its worksites are joined into one set below. The
/// network solved each of its kinds with the employer's whole capacity — a relaxation — so the
/// start below drops what goes over it, and a set where nothing is dropped is optimal by the
/// same bound.
///
/// **Pins** (``/InternMatchModel/PlacementInstance/menuPins``): one column each, in its slot,
/// fixed at 1 (the greedy start holds them too). **Keeping** (a menu re-match, `keeping`: the
/// earlier placements that still exist): each level is solved three times — most placed, then
/// most kept columns (same worksite and slot), then least cost — each fixed before the next; the
/// caller lists among `start.dropped` also the placements whose earlier slot the start missed,
/// so that every set where the start may fall short of the relaxation is searched.
///
/// **Only where slots or shared employers bind.** A kind none of whose worksites has slots or
/// a shared employer shares no row with any other kind (its rows are per person and kind, per employer of the kind and per worksite), so
/// its network optimum is its part of the lexicographic optimum and is kept as it is. The kinds
/// with slots split further into sets of people and worksites that no column connects (the
/// connected components of the graph person — worksite over their columns): the rows are
/// block-diagonal by set, so a lexicographic optimum is one per set, put together. A set where
/// the greedy start (``slotted(_:in:repair:)``) dropped nothing has reached its relaxation's
/// value and is optimal. Of the others, a set of at most `searchedDirectly` columns is
/// searched from the greedy start (cheap, and the placements of earlier versions); a larger one
/// first gets slots with repairs, which is optimal in turn when it drops nothing there, and is
/// searched from it otherwise, each set its own MIP.
///
/// **One deadline.** `mip_time_limit_seconds` bounds the whole solve (``SolveDeadline``, set
/// before the network stage): each simplex and branch-and-cut gets the time left, and a set,
/// level or stage the deadline reaches first keeps the solution before it — the set's start
/// (the greedy or repaired placement, which honours every rule), or what the searches before
/// found. A stage a search stopped states its gap from GLPK's bound; one not searched states it
/// from the relaxation: the kind's network optimum for the set's people (kinds are independent
/// there, so it bounds each kind of any placement), `mip_placed_gap` its placed minus the
/// found, `mip_cost_gap` the found rank cost minus its rank cost — or, when the found places
/// fewer (or in a re-match), minus the least any placement of that many can cost (a pin its
/// own, every other placement at least a first choice's 1). The result is
/// then `feasible`, never `optimal` — unless every kind of every set not searched reaches the
/// relaxation's value, which proves it optimal (as a start that drops nothing is).
///
/// ```swift
/// let start = MenuMIP.slotted(network.placement, in: instance, repair: false)
/// let mip = try MenuMIP(instance, rankCost: .linear, deadline: SolveDeadline(seconds: 60),
///                       relaxed: network, start: start)
/// mip.searches.proven  // true when every level was proven optimal
/// ```
///
/// - Complexity: 2 branch-and-cut searches per kind with slots and searched set, all within the
///   one deadline, over O(L·t) columns and rows for the set's L eligible choices of t slots; the
///   rest O(L log L) over every choice.
struct MenuMIP {
  /// The placement found.
  var placement: MenuPlacement
  /// Its value per kind.
  var objective: MenuObjective
  /// What the searches proved and how large they were, summed over the sets.
  var searches = SearchTally()
  /// Sets searched.
  var searchedSets = 0
  /// Sets whose slots, given with repairs, reached the relaxation (optimal without a search).
  var repairedSets = 0
  /// Sets to search that the deadline reached first: they keep their start.
  var setsNotSearched = 0

  /// The most columns of a set searched from the greedy start without trying repairs first.
  static let searchedDirectly = 20_000

  /// Places the menu with slots, from `relaxed` (the network without labels) and `start` (its
  /// placement with slots given greedily, ``slotted(_:in:repair:)``); `searchEverySet` searches
  /// every set with slots from the greedy start, even those where nothing was dropped, and a set
  /// of more than `searchedDirectly` columns gets slots with repairs first (both for tests that
  /// compare the paths).
  ///
  /// - Precondition: the instance has a menu.
  @available(*, noasync, message: "GLPK state is thread-local; build and solve synchronously")
  init(
    _ instance: PlacementInstance, rankCost: RankCost, deadline: SolveDeadline,
    relaxed: MenuNetwork, start: (placement: MenuPlacement, dropped: [MenuPlacement.Entry]),
    searchEverySet: Bool = false, searchedDirectly: Int = MenuMIP.searchedDirectly,
    keeping: Set<MenuPlacement.Entry>? = nil
  ) throws(SolverError) {
    guard let menu = instance.activities else { preconditionFailure("no menu") }
    let sites = instance.worksites
    let people = instance.students.count
    var withSlots = [Bool](repeating: false, count: menu.served.count)
    for site in sites where !site.slots.isEmpty { withSlots[menu.level(of: site.kind)] = true }
    for level in Self.levelsSharingEmployers(instance) { withSlots[level] = true }
    // Searching every set (`--solver glpk`, tests) searches every kind, with slots or not.
    for (level, rule) in menu.served.enumerated() {
      withSlots[level] = rule.maxPerParticipant > 0 && (withSlots[level] || searchEverySet)
    }
    // The sets: people and worksites joined by a choice of a kind with slots.
    var sets = DisjointSets(count: people + sites.count)
    let choices = instance.choices
    for s in 0..<people {
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        if withSlots[menu.level(of: sites[w].kind)] { sets.union(s, people + w) }
      }
    }
    // An employer's worksites of the searched kinds: one set (its row spans them).
    var firstOfEmployer: [Int32: Int] = [:]
    for (w, site) in sites.enumerated()
    where instance.employerLimit[w] >= 0 && withSlots[menu.level(of: site.kind)] {
      let e = instance.employerLimit[w]
      sets.union(people + w, people + (firstOfEmployer[e] ?? w))
      if firstOfEmployer[e] == nil { firstOfEmployer[e] = w }
    }
    let pins = instance.menuPins.filter { withSlots[menu.level(of: sites[$0.worksite].kind)] }
    for e in pins { sets.union(e.student, people + e.worksite) }
    var columnsOfSet: [Int: Int] = [:]
    for e in pins { columnsOfSet[sets.find(e.student), default: 0] += 1 }
    for s in 0..<people {
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        if withSlots[menu.level(of: sites[w].kind)] {
          columnsOfSet[sets.find(s), default: 0] += max(1, sites[w].slots.count)
        }
      }
    }
    // The sets to look at again: where the greedy start dropped something (or every one).
    var open = Set<Int>()
    if searchEverySet {
      open = Set(columnsOfSet.keys)
    } else {
      for e in start.dropped { open.insert(sets.find(e.student)) }
    }
    // Large sets get slots with repairs first; searched only where those still drop.
    var repaired: (placement: MenuPlacement, dropped: [MenuPlacement.Entry])?
    var fromRepair = Set<Int>()
    var searchFromRepair = Set<Int>()
    for root in open.sorted()
    where !searchEverySet && keeping == nil && columnsOfSet[root, default: 0] > searchedDirectly {
      let slotted = repaired ?? MenuMIP.slotted(relaxed.placement, in: instance, repair: true)
      repaired = slotted
      if slotted.dropped.contains(where: { sets.find($0.student) == root }) {
        searchFromRepair.insert(root)
      } else {
        fromRepair.insert(root)
      }
    }
    let searched = open.subtracting(fromRepair)
    var members: [Int: [Int]] = [:]
    var order: [Int] = []
    for s in 0..<people {
      let root = sets.find(s)
      guard searched.contains(root) else { continue }
      if members[root] == nil { order.append(root) }
      members[root, default: []].append(s)
    }
    func inSets(_ e: MenuPlacement.Entry, _ roots: Set<Int>) -> Bool {
      !roots.isEmpty && withSlots[menu.level(of: sites[e.worksite].kind)]
        && roots.contains(sets.find(e.student))
    }
    let repairedStart = (repaired?.placement.entries ?? []).filter { inSets($0, open) }
    // Kept: everything outside the sets looked at again, and the kinds without slots everywhere;
    // the sets the repairs solved take their slots from them.
    var entries =
      start.placement.entries.filter { !inSets($0, open) }
      + repairedStart.filter { inSets($0, fromRepair) }
    var levels = relaxed.objective.levels
    for e in relaxed.placement.entries where inSets(e, searched) {
      let level = menu.level(of: sites[e.worksite].kind)
      let rank = instance.menuRank(of: e.student, at: e.worksite) ?? 0
      levels[level].placed -= 1
      levels[level].cost -= rankCost.cost(ofRank: rank)
    }
    for root in order {
      let set = try SetSearch(
        instance, people: members[root] ?? [], levels: withSlots, rankCost: rankCost,
        deadline: deadline, keeping: keeping,
        start: searchFromRepair.contains(root)
          ? repairedStart.filter { sets.find($0.student) == root }
          : start.placement.entries.filter { inSets($0, [root]) },
        relaxed: relaxed.placement.entries.filter { inSets($0, [root]) })
      if !set.searched { setsNotSearched += 1 }
      entries += set.entries
      for (level, value) in set.levels {
        levels[level].placed += value.placed
        levels[level].cost += value.cost
      }
      searches.add(set.tally)
    }
    searchedSets = order.count - setsNotSearched
    repairedSets = fromRepair.count
    placement = MenuPlacement(entries)
    objective = MenuObjective(levels: levels)
  }
}

/// One set's MIP (``MenuMIP``): the columns of its people at the kinds with slots, solved level
/// by level until `deadline`; a level or stage it does not reach keeps the solution before it
/// (from `start`, always feasible), its gap measured against `relaxed` (the set's part of the
/// network relaxation, whose value per kind bounds the level's).
private struct SetSearch {
  var entries: [MenuPlacement.Entry] = []
  var levels: [(level: Int, value: PlacementObjective)] = []
  var tally = SearchTally()
  /// Whether a search ran (false: the deadline came first and the set keeps `start`).
  var searched = false

  @available(*, noasync, message: "GLPK state is thread-local; build and solve synchronously")
  init(
    _ instance: PlacementInstance, people: [Int], levels withSlots: [Bool], rankCost: RankCost,
    deadline: SolveDeadline, keeping: Set<MenuPlacement.Entry>?, start: [MenuPlacement.Entry],
    relaxed: [MenuPlacement.Entry]
  ) throws(SolverError) {
    guard let menu = instance.activities else { preconditionFailure("no menu") }
    let choices = instance.choices
    let sites = instance.worksites
    /// Placed and rank cost of `found` at each searched level, and the gap to the relaxation
    /// for the stages no search stated (`stated[level]`: 0 none, 1 placed, 2 placed and cost).
    func settle(_ found: [MenuPlacement.Entry], stated: [Int: Int]) -> (
      [(level: Int, value: PlacementObjective)], SearchTally
    ) {
      func value(_ list: [MenuPlacement.Entry]) -> [Int: PlacementObjective] {
        list.reduce(into: [:]) { sum, e in
          let rank = instance.menuRank(of: e.student, at: e.worksite) ?? 0
          let level = menu.level(of: sites[e.worksite].kind)
          let before = sum[level] ?? PlacementObjective(placed: 0, cost: 0)
          sum[level] = PlacementObjective(
            placed: before.placed + 1, cost: before.cost + rankCost.cost(ofRank: rank))
        }
      }
      let mine = value(found)
      let bound = value(relaxed)
      let floors = found.reduce(into: [Int: Int]()) { sum, e in
        let pinned = instance.menuPin(of: e.student, at: e.worksite) != nil
        let rank = pinned ? instance.menuRank(of: e.student, at: e.worksite) ?? 0 : 1
        sum[menu.level(of: sites[e.worksite].kind), default: 0] += rankCost.cost(ofRank: rank)
      }
      var gaps = SearchTally()
      let settled = menu.served.indices.filter { withSlots[$0] }.map { level in
        let got = mine[level] ?? PlacementObjective(placed: 0, cost: 0)
        let best = bound[level] ?? PlacementObjective(placed: 0, cost: 0)
        // A kind that reaches the relaxation's value is optimal without a search (not in a
        // re-match, whose kept stage the relaxation's value does not settle).
        let done = got == best && keeping == nil ? 2 : stated[level, default: 0]
        if done < 2 { gaps.proven = false }
        if done < 1 { gaps.placedGap += max(0, best.placed - got.placed) }
        // The relaxation's cost bounds the cost at its own number placed (not in a re-match,
        // whose relaxation minimises cost only among the placements keeping the most); else
        // only the pins' own cost and a first choice (rank cost 1) for each other placement.
        let costBound =
          got.placed >= best.placed && keeping == nil ? best.cost : floors[level] ?? 0
        if done < 2 { gaps.costGap += max(0, got.cost - costBound) }
        return (level: level, value: got)
      }
      return (settled, gaps)
    }
    guard !deadline.passed else {
      entries = start
      let (settled, gaps) = settle(start, stated: [:])
      levels = settled
      tally.add(gaps)
      return
    }
    // Columns.
    var column: [(student: Int, worksite: Int, slot: Int?, level: Int, cost: Int)] = []
    // Pins: one column each, in its slot, fixed at 1.
    var pinColumns: [Int] = []
    let pinsOf = instance.menuPinsByPerson
    for s in people {
      for e in pinsOf[s] where withSlots[menu.level(of: sites[e.worksite].kind)] {
        pinColumns.append(column.count)
        column.append(
          (
            s, e.worksite, e.slot, menu.level(of: sites[e.worksite].kind),
            rankCost.cost(ofRank: instance.menuRank(of: s, at: e.worksite) ?? 0)
          ))
      }
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        let level = menu.level(of: sites[w].kind)
        guard withSlots[level], instance.menuPin(of: s, at: w) == nil else { continue }
        let cost = rankCost.cost(ofRank: Int(choices.rank[c]))
        if sites[w].slots.isEmpty {
          column.append((s, w, nil, level, cost))
        } else {
          for t in sites[w].slots.indices { column.append((s, w, t, level, cost)) }
        }
      }
    }
    // Rows: every group of columns with its upper bound, found by key.
    var matrix = SparseMatrix()
    var bounds: [Double] = []
    var rowOf: [RowKey: Int] = [:]
    func add(_ key: RowKey, _ bound: Int, column j: Int) {
      let row: Int
      if let known = rowOf[key] {
        row = known
      } else {
        row = bounds.count
        rowOf[key] = row
        bounds.append(Double(bound))
      }
      matrix.append(row: row, column: j, value: 1)
    }
    let schools =
      sites.contains { $0.maxPerSchool != nil } ? instance.schoolIndices : []
    var labelsUsed: [RowKey: Int] = [:]
    for x in column {
      if let t = x.slot {
        labelsUsed[.label(x.student, sites[x.worksite].slots[t]), default: 0] += 1
      }
    }
    for (j, x) in column.enumerated() {
      let rule = menu.served[x.level]
      add(.kind(x.student, x.level), rule.maxPerParticipant, column: j)
      if let limit = rule.maxPerEmployer {
        add(.employer(x.student, EmployerOfKind(sites[x.worksite])), limit, column: j)
      }
      if x.slot != nil { add(.worksite(x.student, x.worksite), 1, column: j) }
      if let t = x.slot {
        let label = RowKey.label(x.student, sites[x.worksite].slots[t])
        if labelsUsed[label, default: 0] > 1 { add(label, 1, column: j) }
      }
      add(.seat(x.worksite, x.slot ?? -1), sites[x.worksite].capacity, column: j)
      if let limit = sites[x.worksite].maxPerSchool {
        add(.school(x.worksite, schools[x.student]), limit, column: j)
      }
      let e = instance.employerLimit[x.worksite]
      if e >= 0 {
        add(.employerSeats(e), instance.rules.employerCapacity[Int(e)].capacity, column: j)
      }
    }
    let lp = LinearProgram()
    lp.addColumns(column.count)
    for j in column.indices {
      lp.setColumnBounds(j, .range(0, 1))
      lp.setColumnInteger(j, true)
    }
    for j in pinColumns { lp.setColumnBounds(j, .fixed(1)) }
    // A re-match's kept columns: the previous placement, same worksite and slot.
    let isKept = column.map { x in
      keeping?.contains(MenuPlacement.Entry(student: x.student, worksite: x.worksite, slot: x.slot))
        ?? false
    }
    lp.addRows(bounds.count)
    for (i, b) in bounds.enumerated() { lp.setRowBounds(i, .upper(b)) }
    // The first incumbent: the network's placement with slots given greedily (see
    // ``slotted(_:in:repair:)``); every later search starts from the one before.
    var solution = [Double](repeating: 0, count: column.count)
    var columnOf: [MenuPlacement.Entry: Int] = [:]
    for (j, x) in column.enumerated() {
      columnOf[MenuPlacement.Entry(student: x.student, worksite: x.worksite, slot: x.slot)] = j
    }
    for e in start { if let j = columnOf[e] { solution[j] = 1 } }
    // Each search gets the time left; once the deadline has come, no more searches.
    var stated: [Int: Int] = [:]
    search: for level in menu.served.indices where withSlots[level] {
      let mine = column.indices.filter { column[$0].level == level }
      guard !mine.isEmpty else {
        stated[level] = 2  // nothing of the kind here: 0 placed is its optimum
        continue
      }
      // Most placed, (a re-match: most kept,) then least rank cost.
      let stages: [Stage] = keeping == nil ? [.placed, .cost] : [.placed, .kept, .cost]
      for stage in stages {
        guard !deadline.passed else { break search }
        var objective = [Double](repeating: 0, count: column.count)
        for j in mine { objective[j] = stage.coefficient(cost: column[j].cost, kept: isKept[j]) }
        lp.loadMatrix(matrix)
        lp.setObjective(stage == .cost ? .minimize : .maximize, coefficients: objective)
        let outcome: LinearProgram.BranchAndCutOutcome
        do {
          guard
            try lp.simplex(.init(timeLimitMilliseconds: deadline.remainingMilliseconds))
              == .optimal
          else {
            throw SolverError.backend("glpk (menu): the relaxation is not optimal")
          }
          outcome = try lp.branchAndCut(
            .init(timeLimitMilliseconds: deadline.remainingMilliseconds, incumbent: solution))
        } catch let error as GLPKError where error.isTimeLimit {
          break search  // the relaxation was not solved in time: keep the solution before
        } catch let error as SolverError {
          throw error
        } catch {
          throw SolverError.backend("glpk (menu): \(error)")
        }
        searched = true
        tally.nodes += outcome.nodes
        // Stopped before GLPK took the incumbent: the solution before stands.
        if outcome.status == .noSolutionFound { break search }
        guard outcome.status == .optimal || outcome.status == .feasible else {
          throw SolverError.backend(
            "glpk (menu): no placement found for \(menu.served[level].kind.rawValue)")
        }
        solution = lp.mipColumnValues().map { $0.rounded() }
        let value = Int((outcome.objective ?? 0).rounded())
        if outcome.status == .feasible {
          // Stopped: how far the bound is, at the number placed for the cost stage (with no
          // bound known yet, the relaxation's gap stands, and nothing more is searched).
          guard let bound = outcome.bound else { break search }
          tally.proven = false
          if stage == .placed {
            tally.placedGap += max(0, Int(bound.rounded(.down)) - value)
          } else if stage == .cost {
            tally.costGap += max(0, value - Int(bound.rounded(.up)))
          }
        }
        if stage != .kept { stated[level] = stage == .placed ? 1 : 2 }
        // Fix this stage's value for every later solve.
        let row = lp.addRows(1).lowerBound
        bounds.append(Double(value))
        for j in mine where objective[j] != 0 {
          matrix.append(row: row, column: j, value: objective[j])
        }
        lp.setRowBounds(row, stage == .cost ? .upper(Double(value)) : .lower(Double(value)))
      }
    }
    for (j, x) in column.enumerated() where solution[j] == 1 {
      entries.append(MenuPlacement.Entry(student: x.student, worksite: x.worksite, slot: x.slot))
    }
    // The levels' values from the solution itself (a stopped stage may place more than the
    // value it fixed), with the relaxation's gap where no search stated one.
    let (settled, gaps) = settle(entries, stated: stated)
    levels = settled
    tally.add(gaps)
    tally.rows = lp.rowCount
    tally.columns = lp.columnCount
  }
}

/// One solve of a level in ``SetSearch``: what it optimises.
private enum Stage {
  case placed, kept, cost

  /// A column's objective coefficient: 1 per placement, 1 per kept placement, its rank cost.
  func coefficient(cost: Int, kept: Bool) -> Double {
    switch self {
    case .placed: 1
    case .kept: kept ? 1 : 0
    case .cost: Double(cost)
    }
  }
}

/// What branch-and-cut searches proved and how large they were.
struct SearchTally {
  /// Whether every solve was proven optimal (else a search stopped at its time limit).
  var proven = true
  /// When a search stopped: placements of a kind that may still be missing (bound − found), and
  /// rank cost above the bound at the number placed (0 when proven).
  var placedGap = 0
  var costGap = 0
  /// Rows, columns and branch-and-cut nodes.
  var rows = 0
  var columns = 0
  var nodes = 0

  /// Adds another search's.
  mutating func add(_ other: SearchTally) {
    proven = proven && other.proven
    placedGap += other.placedGap
    costGap += other.costGap
    rows += other.rows
    columns += other.columns
    nodes += other.nodes
  }
}

/// A row of ``MenuMIP``, by what it limits.
private enum RowKey: Hashable {
  /// A person's placements of one kind (by level).
  case kind(Int, Int)
  /// A person's placements of one kind with one employer (or one worksite without employer).
  case employer(Int, EmployerOfKind)
  /// A person's slots at one worksite.
  case worksite(Int, Int)
  /// A person's placements in one slot label.
  case label(Int, String)
  /// A worksite's seats in one slot (-1: a worksite without slots).
  case seat(Int, Int)
  /// A worksite's people of one school (`max_per_school`), over its slots.
  case school(Int, Int32)
  /// An employer's placements (`employers.csv`), over its worksites, kinds and slots.
  case employerSeats(Int32)
}

extension MenuMIP {
  /// The levels (kinds, by position in service order) with a worksite of an employer of
  /// `employers.csv` whose worksites are of two or more kinds offered to someone: the kinds
  /// that employer's capacity ties together.
  ///
  /// - Complexity: O(W).
  static func levelsSharingEmployers(_ instance: PlacementInstance) -> Set<Int> {
    guard let menu = instance.activities else { return [] }
    var levelsOf: [Int32: Set<Int>] = [:]
    for (w, site) in instance.worksites.enumerated()
    where instance.employerLimit[w] >= 0 && menu.rule(for: site.kind).maxPerParticipant > 0 {
      levelsOf[instance.employerLimit[w], default: []].insert(menu.level(of: site.kind))
    }
    return levelsOf.values.filter { $0.count > 1 }.reduce(into: []) { $0.formUnion($1) }
  }
}
