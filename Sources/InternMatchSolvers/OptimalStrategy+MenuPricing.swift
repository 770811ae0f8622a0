import InternMatchModel

extension OptimalStrategy {
  /// `explanations` of an `optimal` menu `result` with the exact price of honouring each
  /// eligible choice a person does not hold (outcomes `full`, `employer-full`,
  /// `max-per-school`, `slot-conflict`, `max-per-employer`, `at-cap`): the kind's optimum with the person held at the worksite,
  /// minus the run's (``/InternMatchModel/MenuChoiceExplanation/placedChange`` ≤ 0, then
  /// ``/InternMatchModel/MenuChoiceExplanation/rankCostChange`` in the run's units). Without
  /// slots every kind is its own network and no rule ties two kinds (see `MenuNetwork`), so
  /// the other kinds keep their optima and each price is one re-solve of the kind's network
  /// with the pair held (its arc removed, one unit off every limit it counts in).
  ///
  /// On a menu without `max_per_school` and `employers.csv`, a kind of one placement per person
  /// is the single-seat problem on its own choices: every
  /// row of it is priced at once off the certified residual network of its placement
  /// (`ResidualPricing`, as single-seat `optimal` explanations are). A kind of several
  /// placements per person, or with pins (held in every re-solve), or every kind with those
  /// seat limits, takes one re-solve per row, for at most `limit` rows over those kinds, in
  /// service order then person order (default
  /// ``PlacementExplainer/defaultResolveLimit(for:)``). Prices are given only for a run proven
  /// optimal on a menu without slots and without an employer of `employers.csv` whose worksites
  /// span kinds (either ties the kinds, and a price would be a branch-and-cut search per pair);
  /// every other row keeps empty changes.
  ///
  /// ```swift
  /// let priced = try OptimalStrategy().pricing(explanations, of: result, in: instance)
  /// priced[0].kinds[1].choices[0].rankCostChange  // 1: everyone kept, one rank point more
  /// ```
  ///
  /// - Throws: ``SolverError/Kind/backend`` when a re-solve fails, or a kind's residual network
  ///   proves its placement is not optimal.
  /// - Complexity: per kind of one placement per person, one Bellman–Ford and one Dijkstra per
  ///   worksite a row names; otherwise one network simplex solve of the kind per priced row.
  public func pricing(
    _ explanations: [MenuExplanation], of result: MenuResult, in instance: PlacementInstance,
    limit: Int? = nil
  ) throws(SolverError) -> [MenuExplanation] {
    guard let menu = instance.activities, result.status == .optimal,
      !instance.sideRules.contains(.slots), MenuMIP.levelsSharingEmployers(instance).isEmpty
    else { return explanations }
    let priced: Set<MenuChoiceOutcome> = [
      .full, .employerFull, .maxPerSchool, .slotConflict, .maxPerEmployer, .atCap,
    ]
    // With a seat limit beyond the worksites' own, every kind is re-solved per row (the
    // single-seat residual pricing does not model them).
    let limited = !instance.sideRules.isDisjoint(with: [.maxPerSchool, .employerCapacity])
    // The rows to price, by kind: (person, kind's position in their explanation, row).
    var rows: [WorksiteKind: [(student: Int, kind: Int, row: Int, worksite: Int)]] = [:]
    for (s, e) in explanations.enumerated() {
      for (k, kind) in e.kinds.enumerated() {
        for (r, row) in kind.choices.enumerated() where priced.contains(row.outcome) {
          guard let w = instance.worksiteIndex[row.worksite] else { continue }
          rows[kind.kind, default: []].append((s, k, r, w))
        }
      }
    }
    var explanations = explanations
    func set(_ at: (student: Int, kind: Int, row: Int, worksite: Int), _ change: PlacementObjective)
    {
      explanations[at.student].kinds[at.kind].choices[at.row].placedChange = change.placed
      explanations[at.student].kinds[at.kind].choices[at.row].rankCostChange = change.cost
    }
    var budget = limit ?? PlacementExplainer.defaultResolveLimit(for: instance)
    for rule in menu.served {
      guard let requests = rows[rule.kind] else { continue }
      let base = result.objective.levels[menu.level(of: rule.kind)]
      let pinned = instance.menuPins.contains { instance.worksites[$0.worksite].kind == rule.kind }
      if rule.isSingleSeat, !limited, !pinned {
        // One placement per person: the kind is the single-seat problem on its own choices,
        // and its certified residual network prices every row at once (no budget).
        let single = instance.keepingChoices(ofKind: rule.kind)
        var placement = Placement(studentCount: instance.students.count)
        for e in result.placement.entries where instance.worksites[e.worksite].kind == rule.kind {
          placement.assign(student: e.student, to: e.worksite)
        }
        let pricing = try ResidualPricing(single, placement: placement, rankCost: rankCost)
        let prices = PlacementExplainer.prices(
          requests.enumerated().map { ($1.student, $1.worksite, $0) }, pricing: pricing,
          instance: single, placement: placement, rankCost: rankCost)
        for (at, price) in zip(requests, prices) {
          if let price { set(at, PlacementObjective(placed: price.placed, cost: price.rankCost)) }
        }
        continue
      }
      for at in requests where budget > 0 {
        budget -= 1
        guard
          let best = try MenuNetwork.forcing(
            student: at.student, into: at.worksite, instance: instance, rankCost: rankCost)
        else { continue }
        set(at, PlacementObjective(placed: best.placed - base.placed, cost: best.cost - base.cost))
      }
    }
    return explanations
  }
}
