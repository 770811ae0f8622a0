import InternMatchModel

extension OptimalStrategy {
  /// `explanations` of an `optimal` menu `result` with the exact price of honouring each
  /// eligible choice a person does not hold (outcomes `full`, `slot-conflict`,
  /// `max-per-employer`, `at-cap`): the kind's optimum with the person held at the worksite,
  /// minus the run's (``/InternMatchModel/MenuChoiceExplanation/placedChange`` ≤ 0, then
  /// ``/InternMatchModel/MenuChoiceExplanation/rankCostChange`` in the run's units). Without
  /// slots every kind is its own network and no rule ties two kinds (see `MenuNetwork`), so
  /// the other kinds keep their optima and each price is one re-solve of the kind's network
  /// with the pair held (its arc removed, one unit off every limit it counts in).
  ///
  /// Prices are given only for a run proven optimal on a menu without slots (with slots the
  /// kinds are tied and a price would be a branch-and-cut search per pair), for at most
  /// `limit` pairs in person order (default ``PlacementExplainer/defaultResolveLimit(for:)``);
  /// every other row keeps empty changes.
  ///
  /// ```swift
  /// let priced = try OptimalStrategy().pricing(explanations, of: result, in: instance)
  /// priced[0].kinds[1].choices[0].rankCostChange  // 1: everyone kept, one rank point more
  /// ```
  ///
  /// - Throws: ``SolverError/Kind/backend`` when a re-solve fails.
  /// - Complexity: one network simplex solve of one kind per priced row.
  public func pricing(
    _ explanations: [MenuExplanation], of result: MenuResult, in instance: PlacementInstance,
    limit: Int? = nil
  ) throws(SolverError) -> [MenuExplanation] {
    guard let menu = instance.activities, result.status == .optimal,
      !instance.sideRules.contains(.slots)
    else { return explanations }
    let priced: Set<MenuChoiceOutcome> = [.full, .slotConflict, .maxPerEmployer, .atCap]
    var budget = limit ?? PlacementExplainer.defaultResolveLimit(for: instance)
    var explanations = explanations
    for (s, e) in explanations.enumerated() where budget > 0 {
      for (k, kind) in e.kinds.enumerated() where budget > 0 {
        let base = result.objective.levels[menu.level(of: kind.kind)]
        for (r, row) in kind.choices.enumerated() where budget > 0 && priced.contains(row.outcome) {
          guard let w = instance.worksiteIndex[row.worksite] else { continue }
          budget -= 1
          guard
            let best = try MenuNetwork.forcing(
              student: s, into: w, instance: instance, rankCost: rankCost)
          else { continue }
          explanations[s].kinds[k].choices[r].placedChange = best.placed - base.placed
          explanations[s].kinds[k].choices[r].rankCostChange = best.cost - base.cost
        }
      }
    }
    return explanations
  }
}
