import CGLPK

extension LinearProgram {
  /// Optimisation direction.
  public enum Direction: Sendable { case minimize, maximize }

  /// Bounds of a row or column.
  public enum Bounds: Hashable, Sendable {
    /// −∞ < x < +∞.
    case free
    /// lower ≤ x.
    case lower(Double)
    /// x ≤ upper.
    case upper(Double)
    /// lower ≤ x ≤ upper.
    case range(Double, Double)
    /// x = value.
    case fixed(Double)

    var glpk: (Int32, Double, Double) {
      switch self {
      case .free: (GLP_FR, 0, 0)
      case .lower(let l): (GLP_LO, l, 0)
      case .upper(let u): (GLP_UP, 0, u)
      case .range(let l, let u) where l == u: (GLP_FX, l, u)
      case .range(let l, let u):
        {
          precondition(l < u, "LinearProgram: empty range \(l)...\(u)")
          return (GLP_DB, l, u)
        }()
      case .fixed(let v): (GLP_FX, v, v)
      }
    }
  }

  /// Status of a basic (simplex) solution.
  public enum SolutionStatus: Hashable, Sendable {
    case optimal, feasible, infeasible, noFeasibleSolution, unbounded, undefined

    init(glpk: Int32) {
      switch glpk {
      case GLP_OPT: self = .optimal
      case GLP_FEAS: self = .feasible
      case GLP_INFEAS: self = .infeasible
      case GLP_NOFEAS: self = .noFeasibleSolution
      case GLP_UNBND: self = .unbounded
      default: self = .undefined
      }
    }
  }

  /// Settings of ``simplex(_:)``.
  public struct SimplexOptions: Hashable, Sendable {
    /// Which simplex to run.
    public enum Method: Hashable, Sendable { case primal, dualThenPrimal }
    /// Which simplex to run; primal by default.
    public var method: Method
    /// Give up after this long, if set.
    public var timeLimitMilliseconds: Int?

    /// Creates options.
    public init(method: Method = .primal, timeLimitMilliseconds: Int? = nil) {
      self.method = method
      self.timeLimitMilliseconds = timeLimitMilliseconds
    }
  }
}

/// A failure reported by a GLPK routine, with the routine and its return code.
public struct GLPKError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The GLPK routine that failed, such as `glp_simplex`.
  public var routine: String
  /// GLPK's return code (`GLP_EBADB`, `GLP_ESING`, `GLP_ETMLIM`, …).
  public var code: Int32

  /// Whether the routine stopped at its time limit.
  public var isTimeLimit: Bool { code == GLP_ETMLIM }

  public var description: String {
    let meaning: String =
      switch code {
      case GLP_EBADB: "invalid initial basis"
      case GLP_ESING: "singular basis matrix"
      case GLP_ECOND: "ill-conditioned basis matrix"
      case GLP_EBOUND: "incorrect bounds"
      case GLP_EFAIL: "solver failure"
      case GLP_EOBJLL, GLP_EOBJUL: "objective limit reached"
      case GLP_EITLIM: "iteration limit exceeded"
      case GLP_ETMLIM: "time limit exceeded"
      case GLP_ENOPFS: "no primal feasible solution"
      case GLP_ENODFS: "no dual feasible solution"
      default: "error"
      }
    return "\(routine) failed: \(meaning) (code \(code))"
  }
}
