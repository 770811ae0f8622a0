import InternMatchSolvers

extension PlacementRun {
  /// The LP/MIP model of the run in `format`, as GLPK writes it (`solve --export-lp`,
  /// `--export-mps`; see ``/InternMatchSolvers/OptimalStrategy/model(of:format:schoolFloorsMet:)``): for the
  /// strategies that take a backend (``StrategyName/takesBackend``), with their rank cost and
  /// the school floors as the run applied them; `nil` for any other strategy, a re-match or a
  /// run without placement.
  ///
  /// - Throws: ``Failure`` when GLPK cannot write the model.
  /// - Complexity: O(arcs + extra rows' entries).
  public func model(_ format: OptimalStrategy.ModelFormat) throws(Failure)
    -> OptimalStrategy.Model?
  {
    guard strategy.takesBackend, status.hasPlacement, !isRematch else { return nil }
    do {
      return try OptimalStrategy(rankCost: rankCost).model(
        of: instance, format: format,
        schoolFloorsMet: result?.statistics["school_floors_met"] != 0)
    } catch {
      throw Failure(message: "\(error)", violations: [])
    }
  }
}
