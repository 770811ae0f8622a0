import CGLPK

extension LinearProgram {
  /// Fixes, at the bound where the current optimal basic solution holds them, the non-basic
  /// columns among `columns` that no solution with objective at most `cutoff` can move, and
  /// removes them (``removeColumns(_:)``): reduced-cost fixing (Nemhauser & Wolsey, *Integer
  /// and Combinatorial Optimization*, 1988, II.5.1). Returns the columns removed, by their
  /// index before the removal, ascending, with their values.
  ///
  /// For a minimisation with optimal value `z` and reduced costs `d`, every feasible `x` has
  /// `c·x = z + Σ d_j (x_j − x*_j) + Σ λ_i (r_i − r*_i)` (rows' auxiliary variables `r` with
  /// their duals `λ`), and each term is ≥ 0 by dual feasibility. So a column that must move by
  /// at least 1 whenever it leaves its bound — an integer column, or one every integer solution
  /// holds integral — costs at least `z + |d_j|` off it: with `|d_j| > cutoff − z + margin` it
  /// keeps its bound in every solution of objective ≤ `cutoff`. `margin` absorbs the simplex's
  /// rounding; every solution at most `cutoff` survives, so the optimum (and every tie) does.
  ///
  /// ```swift
  /// try lp.simplex()            // min x0 + 5·x1 + 3·x2, x0 + x1 + x2 ≥ 1, binaries: z = 1
  /// lp.fixByReducedCost(columns: 0..<3, cutoff: 3, margin: 0.5)
  /// // [(column: 1, value: 0)]: x1's reduced cost 4 exceeds 3 − 1 + 0.5
  /// ```
  ///
  /// - Precondition: the last ``simplex(_:)`` ended optimal and the objective is minimised.
  /// - Complexity: O(columns + the removed columns' entries).
  @discardableResult
  public func fixByReducedCost(columns: some Sequence<Int>, cutoff: Double, margin: Double)
    -> [(column: Int, value: Double)]
  {
    precondition(glp_get_obj_dir(problem) == GLP_MIN, "LinearProgram: minimisation only")
    let slack = cutoff - objectiveValue + margin
    guard slack.isFinite, slack >= 0 else { return [] }
    var fixed: [(column: Int, value: Double)] = []
    for column in columns {
      let j = columnNumber(column)
      let reducedCost = glp_get_col_dual(problem, j)
      switch glp_get_col_stat(problem, j) {
      case GLP_NL where reducedCost > slack: fixed.append((column, glp_get_col_lb(problem, j)))
      case GLP_NU where -reducedCost > slack: fixed.append((column, glp_get_col_ub(problem, j)))
      default: continue
      }
    }
    fixed.sort { $0.column < $1.column }
    removeColumns(fixed)
    return fixed
  }

  /// Removes non-basic columns held at `value`: each one's contribution moves into its rows'
  /// bounds and the objective's constant term, so objective values keep their meaning and the
  /// basis stays valid (the next ``simplex(_:)`` refactorises it). The columns after a removed
  /// one move down, in order (GLPK's `glp_del_cols`).
  ///
  /// ```swift
  /// lp.removeColumns([(column: 1, value: 0)])  // x1 leaves; x2 is now column 1
  /// ```
  ///
  /// - Precondition: the columns are distinct, within range and non-basic.
  /// - Complexity: O(columns + the removed columns' entries).
  public func removeColumns(_ columns: [(column: Int, value: Double)]) {
    guard !columns.isEmpty else { return }
    // GLPK arrays are 1-based.
    var shift = [Double](repeating: 0, count: rowCount + 1)
    var index = [Int32](repeating: 0, count: rowCount + 1)
    var entry = [Double](repeating: 0, count: rowCount + 1)
    var constant = glp_get_obj_coef(problem, 0)
    var numbers: [Int32] = [0]
    numbers.reserveCapacity(columns.count + 1)
    for (column, value) in columns {
      let j = columnNumber(column)
      precondition(glp_get_col_stat(problem, j) != GLP_BS, "LinearProgram: removing a basic column")
      numbers.append(j)
      guard value != 0 else { continue }
      constant += glp_get_obj_coef(problem, j) * value
      let length = Int(glp_get_mat_col(problem, j, &index, &entry))
      for k in 1..<(length + 1) { shift[Int(index[k])] += entry[k] * value }
    }
    precondition(Set(numbers).count == numbers.count, "LinearProgram: a column removed twice")
    for i in 1..<shift.count where shift[i] != 0 {
      let row = Int32(i)
      glp_set_row_bnds(
        problem, row, glp_get_row_type(problem, row), glp_get_row_lb(problem, row) - shift[i],
        glp_get_row_ub(problem, row) - shift[i])
    }
    glp_set_obj_coef(problem, 0, constant)
    numbers.withUnsafeBufferPointer {
      glp_del_cols(problem, Int32(numbers.count - 1), $0.baseAddress)
    }
  }

  /// Appends one column non-basic at its lower bound (the basis stays valid): its bounds,
  /// objective coefficient, kind and entries `(row, value)`. Returns its index.
  ///
  /// ```swift
  /// lp.appendColumn(.range(0, 1), cost: 2, integer: true, entries: [(0, 1), (3, -1)])
  /// ```
  ///
  /// - Precondition: the rows are distinct and within range.
  /// - Complexity: O(entries).
  @discardableResult
  public func appendColumn(
    _ bounds: Bounds, cost: Double, integer: Bool, entries: [(row: Int, value: Double)]
  ) -> Int {
    let column = addColumns(1).lowerBound
    setColumnBounds(column, bounds)
    setColumnInteger(column, integer)
    let j = columnNumber(column)
    glp_set_obj_coef(problem, j, cost)
    var index: [Int32] = [0]
    var value: [Double] = [0]
    for (row, v) in entries {
      index.append(rowNumber(row))
      value.append(v)
    }
    precondition(Set(index).count == index.count, "LinearProgram: a row repeated in a column")
    glp_set_mat_col(problem, j, Int32(entries.count), index, value)
    glp_set_col_stat(problem, j, GLP_NL)
    return column
  }

  /// The reduced cost of `column` at the current basic solution (`glp_get_col_dual`): its
  /// objective coefficient minus its entries times the rows' duals.
  public func reducedCost(_ column: Int) -> Double {
    glp_get_col_dual(problem, columnNumber(column))
  }
}
