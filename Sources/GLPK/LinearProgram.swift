import CGLPK

/// One GLPK problem object (`glp_prob`), owned by this instance and freed in `deinit`.
///
/// Rows and columns are 0-based here; the 0↔1 translation GLPK needs happens only in this file.
/// Every index is checked before it reaches GLPK, which would otherwise `abort()` the process.
///
/// ```swift
/// let lp = LinearProgram()
/// let x = lp.addColumns(2)                  // 0..<2
/// lp.setColumnBounds(x[0], .range(0, 1)); lp.setColumnBounds(x[1], .range(0, 1))
/// let r = lp.addRows(1)                     // x0 + x1 ≤ 1
/// lp.setRowBounds(r.lowerBound, .upper(1))
/// lp.loadMatrix(SparseMatrix(rows: [0, 0], columns: [0, 1], values: [1, 1]))
/// lp.setObjective(.maximize, coefficients: [2, 3])
/// try lp.simplex()                          // .optimal, objective 3
/// ```
///
/// Threading: GLPK keeps its state per thread, so an instance must be created, used and freed on
/// one thread, inside one synchronous call. The type is not `Sendable` and its initializer is
/// unavailable from async contexts, so the compiler enforces that. The types that own one
/// (`AssignmentLP`, `PlacementMIP`) create, solve and free it within one synchronous
/// initializer, so they — and the strategies built on them — may be called from `async` code:
/// a synchronous call cannot be suspended and resumed on another thread.
public final class LinearProgram {
  let problem: OpaquePointer

  /// Creates an empty problem, with GLPK's terminal output routed away from stdout.
  @available(*, noasync, message: "GLPK state is thread-local; build and solve synchronously")
  public init() {
    GLPKEnvironment.routeTerminalOutput()
    problem = glp_create_prob()
  }

  deinit { glp_delete_prob(problem) }

  /// Number of rows.
  public var rowCount: Int { Int(glp_get_num_rows(problem)) }
  /// Number of columns.
  public var columnCount: Int { Int(glp_get_num_cols(problem)) }

  /// Appends `count` rows (constraints) and returns their 0-based indices.
  @discardableResult
  public func addRows(_ count: Int) -> Range<Int> {
    precondition(count >= 0 && count < Int(Int32.max) - rowCount, "LinearProgram: bad row count")
    let first = rowCount
    if count > 0 { glp_add_rows(problem, Int32(count)) }
    return first..<(first + count)
  }

  /// Appends `count` columns (variables) and returns their 0-based indices.
  @discardableResult
  public func addColumns(_ count: Int) -> Range<Int> {
    precondition(
      count >= 0 && count < Int(Int32.max) - columnCount, "LinearProgram: bad column count")
    let first = columnCount
    if count > 0 { glp_add_cols(problem, Int32(count)) }
    return first..<(first + count)
  }

  /// Sets the bounds of the auxiliary variable of `row`.
  public func setRowBounds(_ row: Int, _ bounds: Bounds) {
    let (kind, lower, upper) = bounds.glpk
    glp_set_row_bnds(problem, rowNumber(row), kind, lower, upper)
  }

  /// Sets the bounds of column `column`.
  public func setColumnBounds(_ column: Int, _ bounds: Bounds) {
    let (kind, lower, upper) = bounds.glpk
    glp_set_col_bnds(problem, columnNumber(column), kind, lower, upper)
  }

  /// Declares column `column` integer (for ``branchAndCut(_:)``) or continuous.
  public func setColumnInteger(_ column: Int, _ isInteger: Bool) {
    glp_set_col_kind(problem, columnNumber(column), isInteger ? GLP_IV : GLP_CV)
  }

  /// Sets the objective direction and one coefficient per column (the constant term is 0).
  public func setObjective(_ direction: Direction, coefficients: [Double]) {
    precondition(coefficients.count == columnCount, "LinearProgram: one coefficient per column")
    glp_set_obj_dir(problem, direction == .minimize ? GLP_MIN : GLP_MAX)
    for (j, c) in coefficients.enumerated() { glp_set_obj_coef(problem, Int32(j + 1), c) }
  }

  /// Replaces the whole constraint matrix.
  ///
  /// - Precondition: every index lies within the current rows and columns and no (row, column)
  ///   pair repeats.
  /// - Complexity: O(nnz) plus GLPK's own O(nnz) load.
  public func loadMatrix(_ matrix: SparseMatrix) {
    let rows = rowCount
    let columns = columnCount
    let n = matrix.count
    // GLPK's arrays are 1-based: element 0 is ignored.
    var ia = [Int32](repeating: 0, count: n + 1)
    var ja = [Int32](repeating: 0, count: n + 1)
    var ar = [Double](repeating: 0, count: n + 1)
    for k in 0..<n {
      let i = matrix.rows[k]
      let j = matrix.columns[k]
      precondition(i >= 0 && i < rows && j >= 0 && j < columns, "LinearProgram: index out of range")
      ia[k + 1] = Int32(i + 1)
      ja[k + 1] = Int32(j + 1)
      ar[k + 1] = matrix.values[k]
    }
    precondition(!matrix.hasDuplicates(columnCount: columns), "LinearProgram: duplicate entries")
    glp_load_matrix(problem, Int32(n), ia, ja, ar)
  }

  /// Runs the simplex method from the current basis (GLPK's standard basis on first use; the
  /// previous optimal basis after a change of bounds or objective: a warm start).
  ///
  /// - Returns: the status of the basic solution found.
  /// - Throws: ``GLPKError`` when GLPK reports a failure (singular basis, limits reached).
  @discardableResult
  public func simplex(_ options: SimplexOptions = SimplexOptions()) throws(GLPKError)
    -> SolutionStatus
  {
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLPKEnvironment.messageLevel
    parameters.meth = options.method == .primal ? GLP_PRIMAL : GLP_DUALP
    parameters.presolve = GLP_OFF
    if let limit = options.timeLimitMilliseconds { parameters.tm_lim = Int32(clamping: limit) }
    let code = glp_simplex(problem, &parameters)
    if code != 0 { throw GLPKError(routine: "glp_simplex", code: code) }
    return SolutionStatus(glpk: glp_get_status(problem))
  }

  /// Value of the objective at the current basic solution.
  public var objectiveValue: Double { glp_get_obj_val(problem) }

  /// Primal value of `column` at the current basic solution.
  public func columnValue(_ column: Int) -> Double {
    glp_get_col_prim(problem, columnNumber(column))
  }

  /// Primal values of all columns at the current basic solution.
  public func columnValues() -> [Double] {
    (0..<columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) }
  }

  /// Dual value (shadow price) of `row` at the current basic solution (`glp_get_row_dual`):
  /// GLPK's sign, the rate of change of the objective as the row's active bound grows (≤ 0 for
  /// an active upper bound when minimising); 0 for a basic row.
  public func rowDual(_ row: Int) -> Double { glp_get_row_dual(problem, rowNumber(row)) }

  func rowNumber(_ row: Int) -> Int32 {
    precondition(row >= 0 && row < rowCount, "LinearProgram: row \(row) out of range")
    return Int32(row + 1)
  }

  func columnNumber(_ column: Int) -> Int32 {
    precondition(
      column >= 0 && column < columnCount, "LinearProgram: column \(column) out of range")
    return Int32(column + 1)
  }
}
