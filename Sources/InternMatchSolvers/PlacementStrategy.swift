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
  /// Places the students of `instance`.
  ///
  /// - Throws: ``SolverError`` when a backend fails; "some students unplaced" is a result.
  func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult
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

/// A failure of a solver backend, with the context that caused it.
public struct SolverError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, for a person.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
