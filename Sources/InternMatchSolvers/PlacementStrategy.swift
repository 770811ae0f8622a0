import InternMatchModel

/// A way of placing students: optimal, stable, lottery, … behind one interface.
///
/// ```swift
/// let result = try OptimalStrategy(rankCost: .linear).place(instance)
/// result.objective.placed  // how many students got a seat
/// ```
public protocol PlacementStrategy: Sendable {
  /// The strategy's name on the command line, such as `optimal`.
  var name: String { get }
  /// The side constraints the strategy honours; an instance with any other is refused.
  var supportedRules: Set<SideRule> { get }
  /// The seed of the lottery the strategy's result depends on, or `nil` when it draws none and
  /// places the same students for every seed. Lottery replications (`compare --seeds`) re-run a
  /// strategy once per seed only when this is set.
  var lotterySeed: UInt64? { get }
  /// The same strategy drawing its lotteries from `seed`; an unchanged copy when
  /// ``lotterySeed`` is `nil`.
  func reseeded(_ seed: UInt64) -> Self
  /// Places the students of `instance`.
  ///
  /// - Throws: ``SolverError`` when a backend fails; "some students unplaced" is a result.
  func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult
}

/// A strategy whose result depends on a lottery drawn from ``seed``: lottery replications
/// re-run it once per seed.
///
/// ```swift
/// StableStrategy(seed: 1).reseeded(7).lotterySeed  // 7
/// ```
public protocol LotteryStrategy: PlacementStrategy {
  /// The seed the strategy's lotteries are drawn from.
  var seed: UInt64 { get set }
}

extension LotteryStrategy {
  public var lotterySeed: UInt64? { seed }

  public func reseeded(_ seed: UInt64) -> Self {
    var copy = self
    copy.seed = seed
    return copy
  }
}

/// What a strategy produced, with how it got there.
public struct PlacementResult: Sendable {
  /// Who goes where.
  public var placement: Placement
  /// The objective value the strategy reports (placed, rank cost), recomputed from the lists.
  public var objective: PlacementObjective
  /// The strategy's name.
  public var strategy: String
  /// The backend that solved it, such as `glpk-simplex 5.0`.
  public var solver: String
  /// Counters that explain the run (components, LP sizes, iterations …), by name.
  public var statistics: [String: Int]
  /// What a coordinator must read about the run: school floors that could not be met and why,
  /// a branch-and-cut search stopped at its time limit with its gap. Empty for a clean run.
  public var diagnostics: [String]
  /// The worksite priorities the strategy placed by, when it drew any (`stable`): blocking
  /// pairs are measured against the same ones without drawing them again.
  public var priorities: WorksitePriorities?
  /// What is proven about the placement: ``PlacementStatus/optimal`` for an exact strategy that
  /// finished, ``PlacementStatus/feasible`` for one stopped early (its gap is in `statistics`),
  /// ``PlacementStatus/complete`` for a mechanism that ran to its end (stable, lotteries).
  public var status: PlacementStatus = .complete
  /// On the GLPK path of `optimal` without side constraints (``OptimalStrategy/Backend/glpk``):
  /// minus GLPK's level-2 dual of each worksite's capacity row — the rank cost one more seat
  /// saves at the margin with its component's placed count held at the level-1 optimum (≥ 0).
  /// `nil` entries for worksites no eligible choice names (they have no row); `nil` on every
  /// other path. One optimal dual of a degenerate LP: see ``/InternMatchModel/SeatValue/CapacityDual``.
  public var glpkCapacityDuals: [Double?]?

  /// Creates a result.
  public init(
    placement: Placement, objective: PlacementObjective, strategy: String, solver: String,
    statistics: [String: Int] = [:], diagnostics: [String] = []
  ) {
    self.placement = placement
    self.objective = objective
    self.strategy = strategy
    self.solver = solver
    self.statistics = statistics
    self.diagnostics = diagnostics
  }
}

/// What is proven about a strategy's placement, as OR-Tools reports a solve's status.
public enum PlacementStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// The strategy's objective is proven optimal.
  case optimal
  /// A valid placement whose optimality is not proven: a search stopped at its time limit or
  /// accepted gap (`statistics["mip_gap"]`, in the units of its objective).
  case feasible
  /// A mechanism that optimises nothing ran to its end (deferred acceptance, lotteries).
  case complete
}

/// Why a strategy produced no placement, as a value callers can switch on.
///
/// ```swift
/// do { _ = try strategy.place(instance) } catch {
///   switch error.kind {
///   case .infeasible, .unsupportedRule: exit(65)  // the user's own data
///   case .timeLimit, .backend: exit(70)
///   }
/// }
/// ```
///
/// The cases are kept in a nested enum (as swift-argument-parser's `CleanExit` does) so that the
/// message travels with the kind and new kinds can be added without breaking `switch`es over
/// a public enum's associated values.
public struct SolverError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
    /// The user's data admits no placement: pins, links, minimum groups and limits contradict
    /// each other. Bad data (exit 65), never an internal error.
    case infeasible
    /// The strategy cannot honour a side constraint, or a combination of them, in the data.
    /// Bad data for this strategy (exit 65).
    case unsupportedRule = "unsupported-rule"
    /// A time limit ran out before any placement was found.
    case timeLimit = "time-limit"
    /// The backend failed or returned a result that failed its checks: a bug (exit 70).
    case backend
  }

  /// What kind of failure this is.
  public var kind: Kind
  /// What went wrong, for a person.
  public var message: String

  /// Creates an error of `kind`.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The data admits no placement (see ``Kind/infeasible``).
  public static func infeasible(_ message: String) -> Self { Self(.infeasible, message) }
  /// The strategy cannot honour the data's rules (see ``Kind/unsupportedRule``).
  public static func unsupportedRule(_ message: String) -> Self { Self(.unsupportedRule, message) }
  /// A time limit ran out with no placement (see ``Kind/timeLimit``).
  public static func timeLimit(_ message: String) -> Self { Self(.timeLimit, message) }
  /// The backend failed (see ``Kind/backend``).
  public static func backend(_ message: String) -> Self { Self(.backend, message) }

  /// Whether the user's data, not the program, is the cause: infeasible or unsupported.
  public var isDataError: Bool { kind == .infeasible || kind == .unsupportedRule }

  public var description: String { message }
}
