import CGLPK
import Foundation

/// Where a branch-and-cut search stands, as GLPK's callback sees it each time it selects a
/// subproblem (`glp_ios_best_node`, `glp_ios_node_bound`, `glp_ios_mip_gap`).
///
/// ```swift
/// try BranchAndCutProgress.observing({ print($0.relativeGap ?? .nan) }) {
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

  /// An observer, held in the thread's dictionary.
  private final class Observer: Sendable {
    let call: @Sendable (BranchAndCutProgress) -> Void
    init(_ call: @escaping @Sendable (BranchAndCutProgress) -> Void) { self.call = call }
  }
  private static let key = "InternMatch.BranchAndCutProgress.observer"

  /// Runs `body` with `observer` told of every search of ``LinearProgram/branchAndCut(_:)`` that
  /// `body` runs on this thread, synchronously from GLPK's callback (a search is confined to
  /// the thread that runs it): the observer must be cheap and must not call GLPK.
  ///
  /// A thread-local, not a `@TaskLocal`: the task-local's synchronous `withValue` crashed the
  /// optimised Linux build (Swift 6.3.1) when called outside a task.
  public static func observing<T>(
    _ observer: @escaping @Sendable (BranchAndCutProgress) -> Void, _ body: () throws -> T
  ) rethrows -> T {
    let dictionary = Thread.current.threadDictionary
    let previous = dictionary[key]
    dictionary[key] = Observer(observer)
    defer { dictionary[key] = previous }
    return try body()
  }

  /// The observer set by ``observing(_:_:)`` on this thread, if any.
  static var observer: (@Sendable (BranchAndCutProgress) -> Void)? {
    (Thread.current.threadDictionary[key] as? Observer)?.call
  }

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
