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
}
