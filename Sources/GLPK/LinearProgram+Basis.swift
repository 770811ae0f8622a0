import CGLPK

extension LinearProgram {
  /// The status of a row's auxiliary variable or of a column in a simplex basis.
  public enum BasisStatus: Hashable, Sendable {
    /// Basic.
    case basic
    /// Non-basic at its lower bound.
    case atLower
    /// Non-basic at its upper bound.
    case atUpper
    /// Non-basic free (unbounded) variable.
    case free
    /// Non-basic fixed variable.
    case fixed

    var glpk: Int32 {
      switch self {
      case .basic: GLP_BS
      case .atLower: GLP_NL
      case .atUpper: GLP_NU
      case .free: GLP_NF
      case .fixed: GLP_NS
      }
    }
  }

  /// Sets the basis status of `row`'s auxiliary variable, for a warm start (`glp_set_row_stat`).
  /// GLPK adjusts a non-basic status that does not match the bounds (such as `atUpper` for a
  /// row with no upper bound).
  public func setRowStatus(_ row: Int, _ status: BasisStatus) {
    glp_set_row_stat(problem, rowNumber(row), status.glpk)
  }

  /// Sets the basis status of `column`, for a warm start (`glp_set_col_stat`).
  public func setColumnStatus(_ column: Int, _ status: BasisStatus) {
    glp_set_col_stat(problem, columnNumber(column), status.glpk)
  }
}
