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
/// per worksite and slot, `Σ_p x ≤ capacity`.
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
/// ```swift
/// let mip = try MenuMIP(instance, rankCost: .linear, timeLimitSeconds: 60)
/// mip.proven  // true when every level was proven optimal
/// ```
///
/// - Complexity: 2 branch-and-cut searches per kind with columns, each within the time limit,
///   over O(L·t) columns and rows for L eligible choices of t slots.
struct MenuMIP {
  /// The placement found.
  var placement: MenuPlacement
  /// Its value per kind, read from the solves.
  var objective: MenuObjective
  /// Whether every solve was proven optimal (else a search stopped at its time limit).
  var proven = true
  /// Rows, columns and branch-and-cut nodes over the solves.
  var rows = 0
  var columns = 0
  var nodes = 0

  /// - Precondition: the instance has a menu.
  @available(*, noasync, message: "GLPK state is thread-local; build and solve synchronously")
  init(
    _ instance: PlacementInstance, rankCost: RankCost, timeLimitSeconds: Double,
    start: MenuPlacement
  ) throws(SolverError) {
    guard let menu = instance.activities else { preconditionFailure("no menu") }
    let choices = instance.choices
    let sites = instance.worksites
    // Columns.
    var column: [(student: Int, worksite: Int, slot: Int?, level: Int, cost: Int)] = []
    for s in instance.students.indices {
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        let level = menu.level(of: sites[w].kind)
        guard menu.served[level].maxPerParticipant > 0 else { continue }
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
    }
    let lp = LinearProgram()
    lp.addColumns(column.count)
    for j in column.indices {
      lp.setColumnBounds(j, .range(0, 1))
      lp.setColumnInteger(j, true)
    }
    lp.addRows(bounds.count)
    for (i, b) in bounds.enumerated() { lp.setRowBounds(i, .upper(b)) }
    // The first incumbent: the network's placement with slots given greedily (see
    // ``slotted(_:in:)``); every later search starts from the one before.
    var solution = [Double](repeating: 0, count: column.count)
    var columnOf: [MenuPlacement.Entry: Int] = [:]
    for (j, x) in column.enumerated() {
      columnOf[MenuPlacement.Entry(student: x.student, worksite: x.worksite, slot: x.slot)] = j
    }
    for e in start.entries { if let j = columnOf[e] { solution[j] = 1 } }
    var levels: [PlacementObjective] = []
    let limit = Int((timeLimitSeconds * 1000).rounded(.up))
    for level in menu.served.indices {
      let mine = column.indices.filter { column[$0].level == level }
      guard !mine.isEmpty else {
        levels.append(PlacementObjective(placed: 0, cost: 0))
        continue
      }
      var placed = 0
      var cost = 0
      for stage in 0..<2 {
        var objective = [Double](repeating: 0, count: column.count)
        for j in mine { objective[j] = stage == 0 ? 1 : Double(column[j].cost) }
        lp.loadMatrix(matrix)
        lp.setObjective(stage == 0 ? .maximize : .minimize, coefficients: objective)
        let outcome: LinearProgram.BranchAndCutOutcome
        do {
          guard try lp.simplex() == .optimal else {
            throw SolverError.backend("glpk (menu): the relaxation is not optimal")
          }
          outcome = try lp.branchAndCut(
            .init(timeLimitMilliseconds: limit, incumbent: solution))
        } catch let error as SolverError {
          throw error
        } catch {
          throw SolverError.backend("glpk (menu): \(error)")
        }
        nodes += outcome.nodes
        guard outcome.status == .optimal || outcome.status == .feasible else {
          throw SolverError.timeLimit(
            "glpk (menu): no placement found for \(menu.served[level].kind.rawValue) in time")
        }
        if outcome.status == .feasible { proven = false }
        solution = lp.mipColumnValues().map { $0.rounded() }
        let value = Int((outcome.objective ?? 0).rounded())
        // Fix this stage's value for every later solve.
        let row = lp.addRows(1).lowerBound
        bounds.append(Double(value))
        for j in mine {
          matrix.append(row: row, column: j, value: stage == 0 ? 1 : Double(column[j].cost))
        }
        lp.setRowBounds(row, stage == 0 ? .lower(Double(value)) : .upper(Double(value)))
        if stage == 0 { placed = value } else { cost = value }
      }
      levels.append(PlacementObjective(placed: placed, cost: cost))
    }
    var entries: [MenuPlacement.Entry] = []
    for (j, x) in column.enumerated() where solution[j] == 1 {
      entries.append(MenuPlacement.Entry(student: x.student, worksite: x.worksite, slot: x.slot))
    }
    placement = MenuPlacement(entries)
    objective = MenuObjective(levels: levels)
    rows = lp.rowCount
    columns = lp.columnCount
  }
}

extension MenuMIP {
  /// `relaxed` (a placement that honours every rule but the slots, such as ``MenuNetwork``'s)
  /// with a slot given to each placement, person by person, kind by kind in service order,
  /// by rank: the first slot of the worksite with a seat free whose label the person does not
  /// hold yet; a placement that finds none is dropped. The result honours every rule, slots
  /// included; `dropped` counts what was left out.
  ///
  /// When nothing is dropped the result is optimal: ``MenuNetwork`` on an instance with slots
  /// solves the relaxation without labels, whose lexicographic optimum bounds every placement
  /// with slots, and the result reaches it.
  ///
  /// - Complexity: O(n·t) for n placements of t slots each, plus sorting.
  static func slotted(_ relaxed: MenuPlacement, in instance: PlacementInstance) -> (
    placement: MenuPlacement, dropped: Int
  ) {
    guard let menu = instance.activities else { preconditionFailure("no menu") }
    let sites = instance.worksites
    var load = sites.map { [Int](repeating: 0, count: max(1, $0.slots.count)) }
    var kept: [MenuPlacement.Entry] = []
    var dropped = 0
    var labels: Set<String> = []
    var person = -1
    let order = relaxed.entries.sorted {
      let a = (
        menu.level(of: sites[$0.worksite].kind),
        instance.choices.rank(of: $0.student, for: $0.worksite) ?? 0
      )
      let b = (
        menu.level(of: sites[$1.worksite].kind),
        instance.choices.rank(of: $1.student, for: $1.worksite) ?? 0
      )
      return ($0.student, a.0, a.1, $0.worksite) < ($1.student, b.0, b.1, $1.worksite)
    }
    for e in order {
      if e.student != person { (person, labels) = (e.student, []) }
      let site = sites[e.worksite]
      guard !site.slots.isEmpty else {
        kept.append(e)
        continue
      }
      if let t = site.slots.indices.first(where: {
        load[e.worksite][$0] < site.capacity && !labels.contains(site.slots[$0])
      }) {
        load[e.worksite][t] += 1
        labels.insert(site.slots[t])
        kept.append(MenuPlacement.Entry(student: e.student, worksite: e.worksite, slot: t))
      } else {
        dropped += 1
      }
    }
    return (MenuPlacement(kept), dropped)
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
}
