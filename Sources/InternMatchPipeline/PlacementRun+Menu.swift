import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchReport
import InternMatchSolvers

extension PlacementRun {
  /// What a run with a menu of activities (`activities.csv`) produced: the placement, the rows
  /// of `placements.csv`, the summary and, when asked for, the explanations.
  public struct MenuRun: Sendable {
    /// The strategy's result, checked.
    public var result: MenuResult
    /// The rows of `placements.csv` (``/InternMatchModel/PlacementInstance/menuRows(of:)``).
    public var rows: [MenuRow]
    /// The summary written to `summary.json`.
    public var summary: MenuSummary
    /// The rosters and letters, when the configuration asks for them.
    public var rosters: PlacementRosters?
    /// Every person's explanation, kind by kind
    /// (``/InternMatchModel/PlacementInstance/menuExplanations(of:)``), when the configuration
    /// asks for explanations; `nil` otherwise.
    public var explanations: [MenuExplanation]?
    /// For a re-match (``Configuration/menuRematch``), what happened to every (person, kind)
    /// (`changes.csv`); empty otherwise.
    public var changes: [MenuRematch.Change] = []
  }

  /// How a menu run ended: placed, or declined with a status and the reason.
  enum MenuOutcome {
    case placed(MenuRun)
    case declined(Status, String)
  }

  /// Solves the menu again by `optimal`'s other backend (`network`: network simplex, GLPK only
  /// for slot conflicts; `glpk`: GLPK's branch-and-cut on every menu) and checks that both
  /// reach the same value, kind by kind. When either search stopped at its time limit the
  /// values may differ without a fault: the solver name says the check was inconclusive.
  ///
  /// - Throws: ``Failure`` when the second solve fails or the proven values differ.
  private static func crossCheck(
    _ result: inout MenuResult, solvedBy optimal: OptimalStrategy, in instance: PlacementInstance,
    rematch: MenuRematch?
  ) throws(Failure) {
    let backend: OptimalStrategy.Backend = optimal.backend == .network ? .glpk : .network
    var other = optimal
    other.backend = backend
    let second: MenuResult
    do {
      if let rematch {
        second = try rematch.place(instance, placer: other, seed: 0)
      } else {
        second = try other.placeMenu(instance)
      }
    } catch {
      throw Failure(message: "cross-check: \(error)", violations: [])
    }
    guard result.status == .optimal, second.status == .optimal else {
      result.solver += " (cross-check inconclusive: a search stopped at its time limit)"
      return
    }
    guard second.objective == result.objective else {
      throw Failure(
        message:
          "cross-check: \(optimal.backend) found \(result.objective), \(backend) found "
          + "\(second.objective)",
        violations: [])
    }
    result.solver += " (cross-checked by \(second.solver))"
  }

  /// Why `strategy` refuses a menu of activities, naming the strategies that place one.
  ///
  /// ```swift
  /// PlacementRun.menuRefusal(of: .rankMaximal)
  /// // "rank-maximal cannot place a menu of activities (activities.csv: several placements
  /// //  per person); strategies that do: optimal, optimal-squared, stable, …"
  /// ```
  static func menuRefusal(of strategy: StrategyName) -> String {
    "\(strategy.rawValue) cannot place a menu of activities (activities.csv: several placements "
      + "per person); strategies that do: "
      + StrategyName.menuPlacing.map(\.rawValue).joined(separator: ", ")
  }

  /// Places the menu of `dataset` with `placer` (``StrategyName/menuPlacing`` place one),
  /// verifies it independently and summarises it; the rosters and letters when the
  /// configuration asks for them (``/InternMatchPipeline/PlacementRosters/init(menu:rows:passThrough:)``).
  /// With `crossCheck`, `optimal` solves it a second time by its other backend; with
  /// ``Configuration/explain`` every (person, kind) is explained (priced for `optimal`:
  /// ``/InternMatchSolvers/OptimalStrategy/pricing(_:of:in:limit:)``). With
  /// ``Configuration/menuRematch`` the menu is re-matched (``MenuRematch``), the changes
  /// computed, and nothing explained; a single-seat ``Configuration/rematch`` is declined.
  ///
  /// - Throws: ``Failure`` when the backend fails or the placement breaks a rule (a bug).
  static func placeMenu(
    _ dataset: Dataset, placer: any PlacementStrategy, configuration: Configuration,
    rankCost: RankCost, seed: UInt64
  ) throws(Failure) -> MenuOutcome {
    let instance = dataset.instance
    guard let menuPlacer = placer as? any MenuPlacing else {
      return .declined(
        .refused,
        StrategyName(rawValue: placer.name).map(menuRefusal(of:))
          ?? "\(placer.name) cannot place a menu of activities (activities.csv)")
    }
    guard configuration.rematch == nil else {
      return .declined(
        .refused,
        "a menu of activities (activities.csv) is re-matched from its placements read by "
          + "MenuPlacementFile (Configuration.menuRematch)")
    }
    let rematch = configuration.menuRematch
    let clock = ContinuousClock()
    let start = clock.now
    configuration.progress?(.phase("solve"))
    var result: MenuResult
    do {
      if let rematch {
        result = try rematch.place(instance, placer: menuPlacer, seed: seed)
      } else {
        result = try menuPlacer.placeMenu(instance)
      }
    } catch {
      guard error.isDataError else { throw Failure(message: "\(error)", violations: []) }
      return .declined(error.kind == .infeasible ? .infeasible : .refused, error.message)
    }
    let afterSolve = clock.now
    var crossCheckMilliseconds: Double?
    if configuration.crossCheck, let optimal = placer as? OptimalStrategy {
      configuration.progress?(.phase("cross-check"))
      try crossCheck(&result, solvedBy: optimal, in: instance, rematch: rematch)
      crossCheckMilliseconds = milliseconds(afterSolve, clock.now)
    }
    let beforeVerify = clock.now
    configuration.progress?(.phase("verify"))
    let violations = instance.violations(in: result.placement)
    guard violations.isEmpty else {
      throw Failure(message: "the placement failed verification", violations: violations)
    }
    let rows = instance.menuRows(of: result.placement)
    var summary = MenuSummary(
      instance: instance, placement: result.placement, rows: rows, rankCost: rankCost,
      strategy: result.strategy, solver: result.solver, seed: seed,
      statistics: result.statistics, warnings: dataset.warnings.count)
    summary.status = Status(result.status).rawValue
    summary.timingsMilliseconds = [
      "solve": milliseconds(start, afterSolve), "verify": milliseconds(beforeVerify, clock.now),
    ]
    summary.timingsMilliseconds["cross_check"] = crossCheckMilliseconds
    // Blocking pairs per kind, for every strategy, by the priorities of the run's seed.
    var blocking: [WorksiteKind: Int] = [:]
    for pair in instance.menuBlockingPairs(
      in: result.placement, priorities: WorksitePriorities(instance: instance, seed: seed))
    {
      blocking[instance.worksites[pair.worksite].kind, default: 0] += 1
    }
    for k in summary.kinds.indices {
      summary.kinds[k].blockingPairs = blocking[summary.kinds[k].kind, default: 0]
    }
    var explanations: [MenuExplanation]?
    // A re-match weighs keeping: its explanations and prices would be a fresh run's.
    if configuration.explain, rematch == nil {
      let beforeExplain = clock.now
      configuration.progress?(.phase("explain"))
      explanations = instance.menuExplanations(of: result.placement)
      if let optimal = placer as? OptimalStrategy, let explained = explanations {
        do {
          explanations = try optimal.pricing(explained, of: result, in: instance)
        } catch {
          throw Failure(message: "explanations: \(error)", violations: [])
        }
      }
      summary.timingsMilliseconds["explain"] = milliseconds(beforeExplain, clock.now)
    }
    var changes: [MenuRematch.Change] = []
    if let rematch {
      changes = rematch.changes(to: result.placement, in: instance)
      summary.changes = Dictionary(changes.map { ($0.change.rawValue, 1) }, uniquingKeysWith: +)
    }
    var rosters: PlacementRosters?
    if configuration.rosters || configuration.letters {
      let beforeRosters = clock.now
      rosters = PlacementRosters(menu: instance, rows: rows, passThrough: dataset.passThrough)
      summary.timingsMilliseconds["rosters"] = milliseconds(beforeRosters, clock.now)
    }
    return .placed(
      MenuRun(
        result: result, rows: rows, summary: summary, rosters: rosters,
        explanations: explanations, changes: changes))
  }
}
