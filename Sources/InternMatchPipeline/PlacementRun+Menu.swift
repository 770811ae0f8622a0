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
    /// The rosters and letters, when the configuration asks for them.
    public var rosters: PlacementRosters?
  }

  /// How a menu run ended: placed, or declined with a status and the reason.
  enum MenuOutcome {
    case placed(MenuRun)
    case declined(Status, String)
  }

  /// Places the menu of `dataset` with `placer` (a ``/InternMatchSolvers/MenuPlacing``
  /// strategy), verifies it independently and summarises it; the rosters and letters when the
  /// configuration asks for them (``/InternMatchPipeline/PlacementRosters/init(menu:rows:passThrough:)``).
  /// Options that need one seat per person (re-match, cross-check, explanations) are declined,
  /// naming them.
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
        "\(placer.name) cannot place a menu of activities (activities.csv); use optimal or "
          + "serial-dictatorship")
    }
    let options = [
      configuration.rematch == nil ? nil : "re-match",
      configuration.crossCheck ? "--cross-check" : nil,
      configuration.explain ? "explanations" : nil,
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
    var rosters: PlacementRosters?
    if configuration.rosters || configuration.letters {
      let beforeRosters = clock.now
      rosters = PlacementRosters(menu: instance, rows: rows, passThrough: dataset.passThrough)
      summary.timingsMilliseconds["rosters"] = milliseconds(beforeRosters, clock.now)
    }
    return .placed(MenuRun(result: result, rows: rows, summary: summary, rosters: rosters))
  }
}
