import GLPK
import InternMatchModel

/// The exact two-level assignment LP of one component, solved with GLPK's simplex method.
///
/// Variables: `x[c] ∈ [0, 1]` for every eligible choice `c = (s, w)` of the component's students.
/// Rows: `Σ_w x[s,w] ≤ 1` for every student, `Σ_s x[s,w] ≤ capacity(w)` for every worksite, and a
/// total row `t = Σ_c x[c]`.
///
/// 1. **Most placed.** Maximise `t` with `t` free: the maximum placed count `k*`.
/// 2. **Least cost at that count.** Fix `t = k*` and minimise `Σ_c cost(rank(c))·x[c]`, warm
///    started from the basis of step 1 (it stays primal feasible, so primal simplex resumes from
///    it). No big-M weight is involved, so both levels are exact.
///
/// ``capacityDuals`` are GLPK's duals of the worksite rows at level 2, negated: the rank cost
/// one more seat saves at the margin with the component's placed count held at `k*` (≥ 0).
/// The LP is degenerate, so each is one point of an interval of optimal duals
/// (``ResidualPricing/capacityIntervals(_:load:)`` computes the interval exactly).
///
/// Why the optimum is integral: without the total row the matrix is the incidence matrix of a
/// bipartite graph, which is totally unimodular; the total row equals the sum of the student rows,
/// i.e. the flow on a return arc sink→source of the network source→students→worksites→sink, so the
/// matrix with it is still a network matrix and totally unimodular (Hoffman & Kruskal 1956;
/// Schrijver, *Theory of Linear and Integer Programming*, §19). With integral bounds every basic
/// solution simplex returns is integral; the code still checks each value.
///
/// - Complexity: simplex is exponential in the worst case and fast in practice; memory is
///   O(rows + choices).
struct AssignmentLP {
  /// The optimum: each placed student with the worksite index they take.
  var assignments: [(student: Int, worksite: Int)]
  /// Optimal objective of both levels.
  var objective: PlacementObjective
  /// Minus GLPK's level-2 dual of each worksite's capacity row, in the order of `worksites`.
  var capacityDuals: [Double]
  /// Rows and columns of the LP.
  var rows: Int
  var columns: Int

  /// Builds and solves the LP of the component made of `students` and `worksites`.
  ///
  /// - Parameter localIndex: scratch array with one slot per worksite of the instance; the
  ///   component's worksites are written into it and reset before returning.
  init(
    students: [Int], worksites: [Int], instance: PlacementInstance, rankCost: RankCost,
    localIndex: inout [Int32]
  ) throws(SolverError) {
    let choices = instance.choices
    for (k, w) in worksites.enumerated() { localIndex[w] = Int32(k) }
    defer { for w in worksites { localIndex[w] = -1 } }

    let lp = LinearProgram()
    let studentRows = lp.addRows(students.count)
    let worksiteRows = lp.addRows(worksites.count)
    let totalRow = lp.addRows(1).lowerBound
    for r in studentRows { lp.setRowBounds(r, .upper(1)) }
    for (k, w) in worksites.enumerated() {
      lp.setRowBounds(worksiteRows.lowerBound + k, .upper(Double(instance.worksites[w].capacity)))
    }
    lp.setRowBounds(totalRow, .free)

    let columnCount = students.reduce(0) { $0 + choices.range(of: $1).count }
    lp.addColumns(columnCount)
    var columnStudent = [Int](repeating: 0, count: columnCount)
    var columnWorksite = [Int](repeating: 0, count: columnCount)
    var matrix = SparseMatrix()
    matrix.reserveCapacity(3 * columnCount)
    var costs = [Double](repeating: 0, count: columnCount)
    var column = 0
    for (k, s) in students.enumerated() {
      for c in choices.range(of: s) {
        lp.setColumnBounds(column, .range(0, 1))
        let w = Int(choices.worksite[c])
        columnStudent[column] = s
        columnWorksite[column] = w
        matrix.append(row: studentRows.lowerBound + k, column: column, value: 1)
        let local = Int(localIndex[w])
        matrix.append(row: worksiteRows.lowerBound + local, column: column, value: 1)
        matrix.append(row: totalRow, column: column, value: 1)
        costs[column] = Double(rankCost.cost(ofRank: Int(choices.rank[c])))
        column += 1
      }
    }
    lp.loadMatrix(matrix)

    // Level 1: as many students placed as possible.
    lp.setObjective(.maximize, coefficients: [Double](repeating: 1, count: columnCount))
    let placed = try Self.solve(lp, level: "maximum placement")
    let k = Int(placed.rounded())
    guard abs(placed - Double(k)) < 1e-6 else {
      throw SolverError.backend("GLPK's maximum placement \(placed) is not integral")
    }

    // Level 2: least rank cost among placements of exactly k students (warm start).
    lp.setRowBounds(totalRow, .fixed(Double(k)))
    lp.setObjective(.minimize, coefficients: costs)
    let cost = try Self.solve(lp, level: "minimum rank cost")

    var chosen: [(student: Int, worksite: Int)] = []
    chosen.reserveCapacity(k)
    for (j, x) in lp.columnValues().enumerated() {
      if abs(x - 1) < 1e-6 {
        chosen.append((columnStudent[j], columnWorksite[j]))
      } else if abs(x) >= 1e-6 {
        throw SolverError.backend(
          "GLPK returned a fractional value \(x) for an assignment variable")
      }
    }
    guard chosen.count == k else {
      throw SolverError.backend("GLPK placed \(chosen.count) students at level 2, expected \(k)")
    }
    self.assignments = chosen
    // GLPK's row dual is ∂cost/∂capacity (≤ 0 at a minimum); a seat's worth is its negation.
    self.capacityDuals = worksiteRows.map { r in
      let dual = lp.rowDual(r)
      return dual == 0 ? 0 : -dual
    }
    self.objective = PlacementObjective(placed: k, cost: Int(cost.rounded()))
    self.rows = lp.rowCount
    self.columns = lp.columnCount
  }

  private static func solve(_ lp: LinearProgram, level: String) throws(SolverError) -> Double {
    let status: LinearProgram.SolutionStatus
    do {
      status = try lp.simplex()
    } catch {
      throw SolverError.backend("\(level): \(error)")
    }
    guard status == .optimal else {
      throw SolverError.backend("\(level): GLPK ended with status \(status), expected optimal")
    }
    return lp.objectiveValue
  }
}
