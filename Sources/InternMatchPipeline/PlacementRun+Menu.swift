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
    /// Every person's explanation, kind by kind
    /// (``/InternMatchModel/PlacementInstance/menuExplanations(of:)``), when the configuration
    /// asks for explanations; `nil` otherwise.
    public var explanations: [MenuExplanation]?
  }

  /// How a menu run ended: placed, or declined with a status and the reason.
  enum MenuOutcome {
    case placed(MenuRun)
    case declined(Status, String)
  }

  /// Places the menu of `dataset` with `placer` (only `optimal` and `optimal-squared` place
  /// one so far), verifies it independently, summarises it and, with ``Configuration/explain``,
  /// explains every (person, kind) (priced for `optimal`: ``/InternMatchSolvers/OptimalStrategy/pricing(_:of:in:limit:)``). Options that need one seat per person (re-match,
  /// cross-check, the HTML report, rosters) are declined, naming them.
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
      configuration.report ? "the HTML report" : nil,
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
    let afterVerify = clock.now
    summary.timingsMilliseconds = [
      "solve": milliseconds(start, afterSolve), "verify": milliseconds(afterSolve, afterVerify),
    ]
    var explanations: [MenuExplanation]?
    if configuration.explain {
      configuration.progress?(.phase("explain"))
      explanations = instance.menuExplanations(of: result.placement)
      if let optimal = placer as? OptimalStrategy, let explained = explanations {
        do {
          explanations = try optimal.pricing(explained, of: result, in: instance)
        } catch {
          throw Failure(message: "explanations: \(error)", violations: [])
        }
      }
      summary.timingsMilliseconds["explain"] = milliseconds(afterVerify, clock.now)
    }
    return .placed(
      MenuRun(result: result, rows: rows, summary: summary, explanations: explanations))
  }
}
