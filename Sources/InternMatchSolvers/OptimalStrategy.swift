import GLPK
import InternMatchModel

/// Exact optimal placement: place as many students as possible, then minimise the total rank
/// cost of the placed students, using only eligible choices on each student's own list.
///
/// The problem splits into the connected components of the choice graph (``ChoiceComponents``);
/// each is solved as the two-level LP of ``AssignmentLP`` with GLPK's simplex method. The result
/// is checked before it is returned: every value integral, the placement valid for the instance,
/// and the objective recomputed from the students' lists equal to the LP optimum.
///
/// ```swift
/// let result = try OptimalStrategy(rankCost: .linear).place(instance)
/// result.objective  // PlacementObjective(placed: 3, cost: 4)
/// ```
///
/// - Complexity: one LP per component with one column per eligible choice.
public struct OptimalStrategy: PlacementStrategy {
  /// How ranks become costs at level 2.
  public var rankCost: RankCost

  /// Creates the strategy.
  public init(rankCost: RankCost = .linear) { self.rankCost = rankCost }

  public var name: String { "optimal" }

  @available(*, noasync, message: "GLPK state is thread-local; solve synchronously")
  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    let components = ChoiceComponents(instance.choices, worksiteCount: instance.worksites.count)
    var placement = Placement(studentCount: instance.students.count)
    var expected = PlacementObjective(placed: 0, cost: 0)
    var localIndex = [Int32](repeating: -1, count: instance.worksites.count)
    var largest = 0
    var rows = 0
    var columns = 0
    for (students, worksites) in zip(components.students, components.worksites) {
      let lp = try AssignmentLP(
        students: students, worksites: worksites, instance: instance, rankCost: rankCost,
        localIndex: &localIndex)
      for (s, w) in lp.assignments { placement.assign(student: s, to: w) }
      expected.placed += lp.objective.placed
      expected.cost += lp.objective.cost
      largest = max(largest, students.count)
      rows += lp.rows
      columns += lp.columns
    }

    let violations = instance.violations(in: placement)
    guard violations.isEmpty else {
      throw SolverError(
        "optimal placement failed its checks: "
          + violations.prefix(5).map(\.description).joined(separator: "; "))
    }
    let objective = instance.objective(of: placement, rankCost: rankCost)
    guard objective == expected else {
      throw SolverError(
        "recomputed objective \(objective) differs from GLPK's optimum \(expected)")
    }
    return PlacementResult(
      placement: placement, objective: objective, strategy: name,
      solver: "glpk-simplex \(GLPKEnvironment.version)",
      statistics: [
        "components": components.students.count, "largest_component_students": largest,
        "lp_rows": rows, "lp_columns": columns,
      ])
  }
}
