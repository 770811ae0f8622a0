import InternMatchModel

/// The school-floor rule every engine follows: place with the floors when the policy sets them
/// and they can be met; otherwise place without them and say which schools fall short, and by
/// how much.
///
/// ```swift
/// let (network, unmet) = try SchoolFloors.place(instance, rankCost: .linear, reserves: false) {
///   floor in try solve(floor: floor)
/// }!
/// unmet.isEmpty  // true when every floor holds
/// ```
///
/// - Complexity: one or two solves; with unmet floors, one more network solve per school for
///   the diagnosis.
enum SchoolFloors {
  /// `solve(floor)`, then `solve(nil)` when the floor is infeasible; `nil` when even that is.
  /// `unmet` is empty when the floors hold (or none is set), else the diagnosis.
  static func place<T>(
    _ instance: PlacementInstance, rankCost: RankCost, reserves: Bool,
    _ solve: (Double?) throws(SolverError) -> T?
  ) throws(SolverError) -> (result: T, unmet: [String])? {
    guard let floor = instance.rules.schoolFloor else { return try solve(nil).map { ($0, []) } }
    if let met = try solve(floor) { return (met, []) }
    guard let without = try solve(nil) else { return nil }
    let diagnosis = try ConstrainedAssignmentNetwork.diagnoseFloors(
      instance, rankCost: rankCost, floor: floor, reserves: reserves)
    return (without, ["school floors cannot all be met; placed without them"] + diagnosis)
  }
}
