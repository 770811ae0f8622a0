import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchReport
import InternMatchSolvers

extension PlacementRun {
  /// What a run with a menu of activities (`activities.csv`) produced: the placement, the rows
  /// of `placements.csv` and the summary.
  public struct MenuRun: Sendable {
    /// The strategy's result, checked.
    public var result: MenuResult
    /// The rows of `placements.csv` (``/InternMatchModel/PlacementInstance/menuRows(of:)``).
    public var rows: [MenuRow]
    /// The summary written to `summary.json`.
    public var summary: MenuSummary
  }

  /// How a menu run ended: placed, or declined with a status and the reason.
  enum MenuOutcome {
    case placed(MenuRun)
    case declined(Status, String)
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
  /// verifies it independently and summarises it. Options that need one seat per
  /// person (re-match, cross-check, explanations, the HTML report) are declined, naming them.
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
    let options = [
      configuration.rematch == nil ? nil : "re-match",
      configuration.crossCheck ? "--cross-check" : nil,
      configuration.explain ? "explanations" : nil, configuration.report ? "the HTML report" : nil,
      configuration.rosters || configuration.letters ? "rosters and letters" : nil,
    ].compactMap { $0 }
    guard options.isEmpty else {
      return .declined(
        .refused,
        options.joined(separator: ", ")
          + " not yet available with a menu of activities (activities.csv)")
    }
    let clock = ContinuousClock()
    let start = clock.now
    configuration.progress?(.phase("solve"))
    let result: MenuResult
    do {
      result = try menuPlacer.placeMenu(instance)
    } catch {
      guard error.isDataError else { throw Failure(message: "\(error)", violations: []) }
      return .declined(error.kind == .infeasible ? .infeasible : .refused, error.message)
    }
    let afterSolve = clock.now
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
      "solve": milliseconds(start, afterSolve), "verify": milliseconds(afterSolve, clock.now),
    ]
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
    return .placed(MenuRun(result: result, rows: rows, summary: summary))
  }
}
