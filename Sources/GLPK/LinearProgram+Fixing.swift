import CGLPK

extension LinearProgram {
  /// What ``fixByReducedCost(columns:cutoff:margin:)`` removed: the columns left, in order,
  /// and the value every removed column is held at.
  public struct ReducedCostFixing: Hashable, Sendable {
    /// For each column of the problem now, the column it was before (ascending).
    public var kept: [Int]
    /// For each column before, the value it is fixed at (`nil` for a column kept).
    public var fixedValue: [Double?]

    /// How many columns were removed.
    public var removed: Int { fixedValue.count - kept.count }

    /// The column now of column `original` before, `nil` when it was removed.
    public func column(of original: Int) -> Int? {
      fixedValue[original] != nil ? nil : kept.binarySearchIndex(of: original)
    }

    /// One value per column before, from one value per column now.
    public func expand(_ values: [Double]) -> [Double] {
      precondition(values.count == kept.count, "ReducedCostFixing: one value per column kept")
      var all = fixedValue.map { $0 ?? 0 }
      for (k, original) in kept.enumerated() { all[original] = values[k] }
      return all
    }

    /// One value per column now, from one value per column before; `nil` when a removed
    /// column's value is not the one it is fixed at.
    public func restrict(_ values: [Double]) -> [Double]? {
      precondition(values.count == fixedValue.count, "ReducedCostFixing: one value per column")
      for (original, fixed) in fixedValue.enumerated() {
        if let fixed, abs(values[original] - fixed) > 1e-9 { return nil }
      }
      return kept.map { values[$0] }
    }
  }

  /// Removes, at the bound where the current optimal basic solution holds them, the non-basic
  /// columns among `columns` that no solution with objective at most `cutoff` can move:
  /// reduced-cost fixing (Nemhauser & Wolsey, *Integer and Combinatorial Optimization*, 1988,
  /// II.5.1). Each removed column's contribution moves into its rows' bounds and the objective's
  /// constant term (so objective values are unchanged); the basis stays
  /// optimal (only non-basic columns go), so the next ``simplex(_:)`` only refactorises.
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
  /// let fixing = lp.fixByReducedCost(columns: 0..<3, cutoff: 3, margin: 0.5)
  /// fixing.kept                 // [0, 2]: x1 (reduced cost 4 > 2.5) removed at 0
  /// ```
  ///
  /// - Precondition: the last ``simplex(_:)`` ended optimal and the objective is minimised.
  /// - Complexity: O(columns + the removed columns' entries).
  public func fixByReducedCost(columns: some Sequence<Int>, cutoff: Double, margin: Double)
    -> ReducedCostFixing
  {
    precondition(glp_get_obj_dir(problem) == GLP_MIN, "LinearProgram: minimisation only")
    let count = columnCount
    var fixedValue = [Double?](repeating: nil, count: count)
    let slack = cutoff - objectiveValue + margin
    if slack.isFinite, slack >= 0 {
      for column in columns {
        let j = columnNumber(column)
        let reducedCost = glp_get_col_dual(problem, j)
        switch glp_get_col_stat(problem, j) {
        case GLP_NL where reducedCost > slack: fixedValue[column] = glp_get_col_lb(problem, j)
        case GLP_NU where -reducedCost > slack: fixedValue[column] = glp_get_col_ub(problem, j)
        default: continue
        }
      }
    }
    let kept = (0..<count).filter { fixedValue[$0] == nil }
    guard kept.count < count else { return ReducedCostFixing(kept: kept, fixedValue: fixedValue) }

    // Move each removed column's contribution into its rows' bounds and the objective's
    // constant term, so every objective value keeps its meaning (GLPK arrays: 1-based).
    var constant = glp_get_obj_coef(problem, 0)
    var shift = [Double](repeating: 0, count: rowCount + 1)
    var index = [Int32](repeating: 0, count: rowCount + 1)
    var value = [Double](repeating: 0, count: rowCount + 1)
    var removed: [Int32] = [0]
    removed.reserveCapacity(count - kept.count + 1)
    for (column, fixed) in fixedValue.enumerated() {
      guard let fixed else { continue }
      let j = Int32(column + 1)
      removed.append(j)
      guard fixed != 0 else { continue }
      constant += glp_get_obj_coef(problem, j) * fixed
      let length = Int(glp_get_mat_col(problem, j, &index, &value))
      for k in 1..<(length + 1) { shift[Int(index[k])] += value[k] * fixed }
    }
    for i in 1..<shift.count where shift[i] != 0 {
      let row = Int32(i)
      let kind = glp_get_row_type(problem, row)
      let lower = glp_get_row_lb(problem, row) - shift[i]
      let upper = glp_get_row_ub(problem, row) - shift[i]
      glp_set_row_bnds(problem, row, kind, lower, upper)
    }
    glp_set_obj_coef(problem, 0, constant)
    removed.withUnsafeBufferPointer {
      glp_del_cols(problem, Int32(removed.count - 1), $0.baseAddress)
    }
    return ReducedCostFixing(kept: kept, fixedValue: fixedValue)
  }
}

extension Array where Element == Int {
  /// The index of `value` in this ascending array, if present.
  fileprivate func binarySearchIndex(of value: Int) -> Int? {
    var (low, high) = (0, count)
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < count && self[low] == value ? low : nil
  }
}
