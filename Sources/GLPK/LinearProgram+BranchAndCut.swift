import CGLPK

extension LinearProgram {
  /// Settings of ``branchAndCut(_:)``.
  public struct BranchAndCutOptions: Sendable {
    /// Stop after this long and return the best integer solution found, if set.
    public var timeLimitMilliseconds: Int?
    /// Stop once the relative gap between the best solution and the best bound is at most this
    /// (0: prove optimality).
    public var relativeGap: Double
    /// Relative tolerance GLPK uses to decide that a subproblem cannot beat the incumbent
    /// (`tol_obj`). Keep it below 1 / |objective| when the objective is integral and large, so
    /// no better integer solution is pruned.
    public var objectiveTolerance: Double
    /// Whether to generate mixed-integer rounding, Gomory, cover and clique cuts.
    public var cuts: Bool
    /// An integer-feasible starting solution (one value per column), offered to GLPK as its
    /// first incumbent through the heuristic callback.
    public var incumbent: [Double]?
    /// A caller's stop rule, asked during the search whenever an incumbent exists; returning
    /// `true` ends the search with that incumbent (``BranchAndCutOutcome/stoppedByRule``).
    /// Use it for a gap GLPK's single relative gap cannot express, such as a gap on one level
    /// of a lexicographic objective.
    public var stop: (@Sendable (Incumbent) -> Bool)?

    /// Creates options.
    public init(
      timeLimitMilliseconds: Int? = nil, relativeGap: Double = 0,
      objectiveTolerance: Double = 1e-7, cuts: Bool = false, incumbent: [Double]? = nil,
      stop: (@Sendable (Incumbent) -> Bool)? = nil
    ) {
      self.timeLimitMilliseconds = timeLimitMilliseconds
      self.relativeGap = relativeGap
      self.objectiveTolerance = objectiveTolerance
      self.cuts = cuts
      self.incumbent = incumbent
      self.stop = stop
    }
  }

  /// What a stop rule (``BranchAndCutOptions/stop``) sees: the best integer solution so far
  /// and the best bound, valid only during the call.
  public struct Incumbent {
    /// The incumbent's objective.
    public var objective: Double
    /// The best bound on the optimum known so far (`nil` before the first subproblem is solved).
    public var bound: Double?
    fileprivate let problem: OpaquePointer

    /// The incumbent's value of column `column` (0-based).
    public func value(ofColumn column: Int) -> Double {
      glp_mip_col_val(problem, Int32(column + 1))
    }
  }

  /// What branch-and-cut ended with.
  public struct BranchAndCutOutcome: Hashable, Sendable {
    /// How the search ended.
    public enum Status: Hashable, Sendable {
      /// The best integer solution is proven optimal (within the gap tolerance).
      case optimal
      /// Stopped by the time limit with an integer solution that is not proven optimal.
      case feasible
      /// No integer solution exists.
      case infeasible
      /// Stopped by the time limit before finding any integer solution.
      case noSolutionFound
    }

    /// How the search ended.
    public var status: Status
    /// The objective of the best integer solution (when there is one).
    public var objective: Double?
    /// The best bound on the optimum known when the search stopped (the incumbent's objective
    /// when proven optimal).
    public var bound: Double?
    /// Subproblems (nodes) solved.
    public var nodes: Int
    /// Whether the caller's stop rule ended the search (status ``Status/feasible``).
    public var stoppedByRule = false
  }

  /// Runs GLPK's branch-and-cut (`glp_intopt`) on the integer columns, starting from the
  /// optimal basis of the LP relaxation, which ``simplex(_:)`` must have found first.
  ///
  /// ```swift
  /// try lp.simplex()
  /// let outcome = try lp.branchAndCut(.init(timeLimitMilliseconds: 30_000))
  /// outcome.status  // .optimal
  /// lp.mipColumnValues()
  /// ```
  ///
  /// The best bound is read in GLPK's callback (`glp_ios_best_node`, `glp_ios_node_bound`) each
  /// time it selects a subproblem, so a stopped search reports how far it is from proof.
  ///
  /// - Throws: ``GLPKError`` for failures other than the time limit (such as a relaxation that
  ///   is not optimal).
  public func branchAndCut(_ options: BranchAndCutOptions = .init()) throws(GLPKError)
    -> BranchAndCutOutcome
  {
    if let incumbent = options.incumbent {
      precondition(
        incumbent.count == columnCount, "LinearProgram: one incumbent value per column")
    }
    let search = SearchState(incumbent: options.incumbent, stop: options.stop)
    var parameters = glp_iocp()
    glp_init_iocp(&parameters)
    parameters.msg_lev = GLPKEnvironment.messageLevel
    parameters.presolve = GLP_OFF
    parameters.mip_gap = options.relativeGap
    parameters.tol_obj = options.objectiveTolerance
    parameters.br_tech = GLP_BR_DTH
    parameters.bt_tech = GLP_BT_BLB
    if let limit = options.timeLimitMilliseconds { parameters.tm_lim = Int32(clamping: limit) }
    let cuts = options.cuts ? GLP_ON : GLP_OFF
    parameters.mir_cuts = cuts
    parameters.gmi_cuts = cuts
    parameters.cov_cuts = cuts
    parameters.clq_cuts = cuts
    parameters.cb_func = { tree, info in
      guard let tree, let info else { return }
      let search = Unmanaged<SearchState>.fromOpaque(info).takeUnretainedValue()
      search.observe(tree)
      BranchAndCutProgress.report(tree, bound: search.bound, nodes: search.nodes)
    }
    let code = withExtendedLifetime(search) {
      parameters.cb_info = Unmanaged.passUnretained(search).toOpaque()
      return glp_intopt(problem, &parameters)
    }
    guard code == 0 || code == GLP_ETMLIM || code == GLP_EMIPGAP || code == GLP_ESTOP else {
      throw GLPKError(routine: "glp_intopt", code: code)
    }
    let objective = glp_mip_obj_val(problem)
    let status: BranchAndCutOutcome.Status
    switch glp_mip_status(problem) {
    case GLP_OPT: status = .optimal
    case GLP_FEAS: status = code == 0 ? .optimal : .feasible
    case GLP_NOFEAS: status = .infeasible
    default: status = .noSolutionFound
    }
    let hasSolution = status == .optimal || status == .feasible
    return BranchAndCutOutcome(
      status: status, objective: hasSolution ? objective : nil,
      bound: status == .optimal ? objective : search.bound, nodes: search.nodes,
      stoppedByRule: search.stopped)
  }

  /// Value of every column in the best integer solution.
  public func mipColumnValues() -> [Double] {
    (0..<columnCount).map { glp_mip_col_val(problem, Int32($0 + 1)) }
  }
}

/// What the branch-and-cut callback learns, the incumbent it offers once, and the caller's
/// stop rule it asks.
private final class SearchState {
  var incumbent: [Double]?
  let stop: ((LinearProgram.Incumbent) -> Bool)?
  var bound: Double?
  var nodes = 0
  var stopped = false

  init(incumbent: [Double]?, stop: ((LinearProgram.Incumbent) -> Bool)?) {
    self.incumbent = incumbent
    self.stop = stop
  }

  func observe(_ tree: OpaquePointer) {
    let best = glp_ios_best_node(tree)
    if best != 0 {
      let value = glp_ios_node_bound(tree, best)
      if abs(value) < Double.greatestFiniteMagnitude { bound = value }  // not yet solved: ±DBL_MAX
    }
    var total: Int32 = 0
    glp_ios_tree_size(tree, nil, nil, &total)
    nodes = Int(total)
    if glp_ios_reason(tree) == GLP_IHEUR, let values = incumbent {
      incumbent = nil
      _ = ([0] + values).withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
    }
    let problem = glp_ios_get_prob(tree)
    if let stop, !stopped, let problem, glp_mip_status(problem) == GLP_FEAS,
      stop(.init(objective: glp_mip_obj_val(problem), bound: bound, problem: problem))
    {
      stopped = true
      glp_ios_terminate(tree)
    }
  }
}
