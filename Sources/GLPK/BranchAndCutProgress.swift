import CGLPK

/// Where a branch-and-cut search stands, as GLPK's callback sees it each time it selects a
/// subproblem (`glp_ios_best_node`, `glp_ios_node_bound`, `glp_ios_mip_gap`).
///
/// ```swift
/// BranchAndCutProgress.$observer.withValue({ print($0.relativeGap ?? .nan) }) {
///   try lp.branchAndCut()
/// }
/// ```
public struct BranchAndCutProgress: Hashable, Sendable {
  /// The objective of the best integer solution so far, if any.
  public var incumbent: Double?
  /// The best bound on the optimum over the open subproblems, once one is solved.
  public var bound: Double?
  /// GLPK's relative gap `|incumbent − bound| / (|incumbent| + DBL_EPSILON)`, with an incumbent.
  public var relativeGap: Double?
  /// Subproblems (nodes) in the tree so far.
  public var nodes: Int

  /// Told of every search of ``LinearProgram/branchAndCut(_:)`` run inside `withValue` on this
  /// task (or thread), synchronously from GLPK's callback: it must be cheap and must not call
  /// GLPK.
  @TaskLocal public static var observer: (@Sendable (BranchAndCutProgress) -> Void)?

  /// Tells ``observer``, if one is set, where the search of `tree` stands (from GLPK's
  /// branch-and-cut callback, with the `bound` and `nodes` the search state has just read).
  static func report(_ tree: OpaquePointer, bound: Double?, nodes: Int) {
    guard let observer else { return }
    let problem = glp_ios_get_prob(tree)
    let found = glp_mip_status(problem) == GLP_FEAS
    observer(
      BranchAndCutProgress(
        incumbent: found ? glp_mip_obj_val(problem) : nil, bound: bound,
        relativeGap: found ? glp_ios_mip_gap(tree) : nil, nodes: nodes))
  }
}
