import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchReport
import InternMatchSolvers

/// One placement run, as `internmatch solve` performs it: the strategy chosen by name, a refusal
/// when it cannot honour the data, the optional cross-check, an independent verification, the
/// summary with its run manifest, and the bytes of `placements.csv` and `summary.json`.
///
/// ```swift
/// let dataset = try DatasetReader.read(directory: "Datasets/tiny")
/// let run = try PlacementRun(dataset, configuration: .init(strategy: .stable, seed: 7))
/// run.status                    // .complete
/// try run.write(to: "out/tiny") // placements.csv and summary.json, atomically
/// ```
///
/// Outcomes are values: a strategy that cannot honour the data's rules gives status
/// ``Status/refused`` and data that admit no placement ``Status/infeasible``, each with the
/// reason in ``problem`` and no placement. Only a backend failure, or a result that fails its
/// independent checks, throws. The run is synchronous and may be called from `async` code (a
/// district service): GLPK's thread confinement stays inside the types that own its problems.
///
/// - Complexity: that of the strategy, plus O(S·k + W) for verification, outcomes and summary.
public struct PlacementRun: Sendable {
  /// What to run.
  public struct Configuration: Sendable {
    /// The strategy; `nil` takes `policy.json`'s, else `optimal`.
    public var strategy: StrategyName?
    /// The rank cost of the optimal objective; `nil` takes `policy.json`'s.
    public var rankCost: RankCost?
    /// The engine for the optimal strategies.
    public var backend: OptimalStrategy.Backend
    /// Also solve with the other engine and fail unless both optima agree.
    public var crossCheck: Bool
    /// The seed of every lottery; `nil` takes `policy.json`'s, else 0.
    public var seed: UInt64?
    /// The command line recorded in the manifest (default: this process's).
    public var commandLine: [String]
    /// Also explain every outcome (``/InternMatchSolvers/PlacementExplainer``): explanations.csv, seat-values.csv
    /// and seat-values-by-area.csv join the outputs. Ignored for a re-match.
    public var explain: Bool
    /// Also write `report.html` (``/InternMatchReport/PlacementReport``) with the other outputs.
    /// A fresh run then also explains its outcomes (for the report's lookup and seat values),
    /// without writing the explanation files unless ``explain`` asks for them.
    public var report: Bool
    /// Also write `rosters/` (``PlacementRosters``): by-worksite and by-school rosters with the
    /// students' pass-through columns, and the mail-merge `letters.csv`. Every outcome is
    /// explained for the letters (for a re-match, outcomes and reasons only: its objective
    /// weighs moves).
    public var rosters: Bool
    /// Also write `rosters/letters/`, one `.txt` letter per student (implies ``rosters``).
    public var letters: Bool
    /// An earlier run's placements to re-match from (see ``Rematch``); `nil` for a fresh run.
    public var rematch: Rematch?
    /// With a menu of activities, an earlier run's menu placements to re-match from (see
    /// ``MenuRematch``); `nil` for a fresh run.
    public var menuRematch: MenuRematch?
    /// Told of each phase and of every branch-and-cut search's bound and gap as the run goes
    /// (synchronously, on the run's threads: keep it cheap); `nil` for none.
    public var progress: (@Sendable (Progress) -> Void)?

    /// Creates a configuration.
    public init(
      strategy: StrategyName? = nil, rankCost: RankCost? = nil,
      backend: OptimalStrategy.Backend = .network, crossCheck: Bool = false, seed: UInt64? = nil,
      commandLine: [String] = CommandLine.arguments, rematch: Rematch? = nil,
      explain: Bool = false, report: Bool = false, rosters: Bool = false, letters: Bool = false,
      menuRematch: MenuRematch? = nil, progress: (@Sendable (Progress) -> Void)? = nil
    ) {
      self.menuRematch = menuRematch
      self.rosters = rosters
      self.letters = letters
      self.progress = progress
      self.rematch = rematch
      self.strategy = strategy
      self.rankCost = rankCost
      self.backend = backend
      self.crossCheck = crossCheck
      self.seed = seed
      self.commandLine = commandLine
      self.explain = explain
      self.report = report
    }
  }

  /// How the run ended, as `summary.json`'s `status` says it.
  public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    /// The strategy's objective is proven optimal.
    case optimal
    /// A valid placement whose optimality is not proven (a search stopped early; see the gap).
    case feasible
    /// A mechanism that optimises nothing (deferred acceptance, lotteries) ran to its end.
    case complete
    /// The data admit no placement under their own rules (pins, links, groups, limits).
    case infeasible
    /// The strategy cannot honour a rule of the data, or policy.json names no known strategy.
    case refused

    /// Whether the run produced a placement.
    public var hasPlacement: Bool { self == .optimal || self == .feasible || self == .complete }

    /// The status of a run whose strategy ended with `status`.
    init(_ status: PlacementStatus) {
      switch status {
      case .optimal: self = .optimal
      case .feasible: self = .feasible
      case .complete: self = .complete
      }
    }
  }

  /// A failure that is not the data's fault: a backend error, or a result that failed its checks.
  public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed, for a person.
    public var message: String
    /// The placement's broken rules when verification failed (empty otherwise).
    public var violations: [PlacementViolation]
    public var description: String { message }
  }

  /// The instance that was placed.
  public let instance: PlacementInstance
  /// The strategy that ran, as named.
  public let strategy: StrategyName
  /// The rank cost of the objective.
  public let rankCost: RankCost
  /// The seed of the run's lotteries.
  public let seed: UInt64
  /// How the run ended.
  public let status: Status
  /// Why there is no placement, for ``Status/refused`` and ``Status/infeasible``.
  public let problem: String?
  /// The strategy's result, with a placement that passed its checks; `nil` without placement.
  public let result: PlacementResult?
  /// Each student's outcome, in input order (empty without placement).
  public let outcomes: [StudentOutcome]
  /// Each student's outcome by ids, in input order (empty without placement): `placements.csv`
  /// as values, `Codable` as `{"student", "worksite", "rank"}` or `{"student",
  /// "unplaced_reason"}` (see ``/InternMatchModel/PlacementRecord``).
  ///
  /// - Complexity: O(S).
  public var records: [PlacementRecord] { outcomes.isEmpty ? [] : instance.records(of: outcomes) }
  /// The summary written to `summary.json`, manifest included; `nil` without placement.
  public private(set) var summary: PlacementSummary?
  /// The record of what went in: version, inputs with their digests, effective policy, …
  public let manifest: RunManifest
  /// Every student's explanation and every worksite's seat value, when the configuration asks
  /// for them or for the report, the run has a placement and is not a re-match.
  public let explanation: PlacementExplainer?
  /// Whether ``outputs()`` includes the explanation files (``explanationNames``).
  public let writesExplanations: Bool
  /// For a re-match, what happened to every student of either placement (`changes.csv`).
  public private(set) var changes: [Rematch.Change]
  /// Whether the run re-matched from an earlier placement.
  public let isRematch: Bool
  /// Whether ``outputs()`` includes `report.html`.
  public let writesReport: Bool
  /// With a menu of activities (`activities.csv`): the placement, its rows and summary, which
  /// take the place of ``result``, ``outcomes`` and ``summary``; `nil` otherwise.
  public private(set) var menu: MenuRun?
  /// The rosters and letters, when the configuration asks for them and the run has a placement.
  public private(set) var rosters: PlacementRosters?
  /// Whether ``outputs()`` includes one letter file per student (`rosters/letters/`).
  public let writesLetterFiles: Bool

  /// Runs `configuration` on `dataset`.
  ///
  /// - Throws: ``Failure`` when a backend fails or the result breaks a rule (a bug).
  public init(
    _ dataset: Dataset, source: DatasetSource? = nil, configuration: Configuration = .init()
  ) throws(Failure) {
    let clock = ContinuousClock()
    let start = clock.now
    let startDate = Date()
    let instance = dataset.instance
    self.instance = instance
    let named = configuration.strategy ?? instance.policy.strategy.flatMap(StrategyName.init)
    let strategy = named ?? .optimal
    self.strategy = strategy
    let cost = strategy.rankCost(requested: configuration.rankCost ?? instance.policy.rankCost)
    rankCost = cost
    let seed = configuration.seed ?? instance.policy.seed ?? 0
    self.seed = seed
    func manifest(status: Status, solver: String?) -> RunManifest {
      var record = RunManifest(
        commandLine: configuration.commandLine, dataset: source?.description,
        inputs: dataset.inputs,
        policy: instance.policy, strategy: strategy.rawValue, rankCost: cost, seed: seed,
        solver: solver, status: status.rawValue, started: startDate)
      record.placementInput =
        configuration.rematch?.previous.input ?? configuration.menuRematch?.previous.input
      return record
    }
    changes = []
    isRematch = configuration.rematch != nil || configuration.menuRematch != nil
    writesReport = configuration.report
    writesLetterFiles = configuration.letters
    writesExplanations = configuration.explain && !isRematch

    // A strategy policy.json names but nobody knows is the data's error.
    if configuration.strategy == nil, let name = instance.policy.strategy, named == nil {
      let problem =
        "policy.json names strategy '\(name)', which is not available (available: "
        + StrategyName.allCases.map(\.rawValue).joined(separator: ", ") + ")"
      (status, self.problem, result, outcomes) = (.refused, problem, nil, [])
      self.manifest = manifest(status: .refused, solver: nil)
      explanation = nil
      return
    }
    let placer = strategy.make(seed: seed, rankCost: cost, backend: configuration.backend)
    let missing = placer.unsupportedRules(in: instance)
    let placesMenu = instance.activities == nil || strategy.placesMenu
    guard missing.isEmpty, placesMenu else {
      let problem =
        placesMenu
        ? "\(strategy.rawValue) cannot honour this dataset's "
          + missing.map(\.rawValue).joined(separator: ", ")
          + "; use optimal, which honours every side constraint"
        : Self.menuRefusal(of: strategy)
      (status, self.problem, result, outcomes) = (.refused, problem, nil, [])
      self.manifest = manifest(status: .refused, solver: nil)
      explanation = nil
      return
    }

    if instance.activities != nil {
      switch try Self.placeMenu(
        dataset, placer: placer, configuration: configuration, rankCost: cost, seed: seed)
      {
      case .declined(let status, let problem):
        (self.status, self.problem, result, outcomes) = (status, problem, nil, [])
        self.manifest = manifest(status: status, solver: nil)
      case .placed(var menu):
        menu.summary.timingsMilliseconds["total"] = Self.milliseconds(start, clock.now)
        let status = Status(menu.result.status)
        (self.status, problem, result, outcomes) = (status, nil, nil, [])
        self.manifest = manifest(status: status, solver: menu.result.solver)
        self.menu = menu
        rosters = menu.rosters
      }
      explanation = nil
      return
    }

    let progress = configuration.progress
    progress?(.phase("solve"))
    let solved = Self.reportingSearches(to: progress) {
      Result { () throws(SolverError) -> PlacementResult in
        if let rematch = configuration.rematch {
          return try rematch.place(instance, strategy: strategy, rankCost: cost, seed: seed)
        }
        return try placer.place(instance)
      }
    }
    var result: PlacementResult
    do {
      result = try solved.get()
    } catch {
      guard error.isDataError else { throw Failure(message: "\(error)", violations: []) }
      let status: Status = error.kind == .infeasible ? .infeasible : .refused
      (self.status, self.problem, self.result, outcomes) = (status, error.message, nil, [])
      self.manifest = manifest(status: status, solver: nil)
      explanation = nil
      return
    }
    let afterSolve = clock.now
    var crossCheckMilliseconds: Double?
    if configuration.crossCheck, strategy.isOptimal {
      progress?(.phase("cross-check"))
      let other =
        OptimalStrategy.Backend.allCases.first { $0 != configuration.backend }
        ?? configuration.backend
      let second: PlacementResult
      do {
        second = try OptimalStrategy(rankCost: cost, backend: other).place(instance)
      } catch {
        throw Failure(message: "cross-check: \(error)", violations: [])
      }
      guard second.objective == result.objective else {
        throw Failure(
          message:
            "\(configuration.backend) found \(result.objective), \(other) found \(second.objective)",
          violations: [])
      }
      result.solver += " (cross-checked by \(second.solver))"
      crossCheckMilliseconds = Self.milliseconds(afterSolve, clock.now)
    }
    let beforeVerify = clock.now
    progress?(.phase("verify"))
    let violations = instance.violations(in: result.placement)
    guard violations.isEmpty else {
      throw Failure(message: "the placement failed verification", violations: violations)
    }
    // Reasons as the strategy seats students (reserve stages in its own order).
    let outcomes = instance.outcomes(
      of: result.placement,
      seating: configuration.rematch == nil
        ? ExplainedStrategy(placer).seating(for: instance, result: result) : nil)
    let afterVerify = clock.now
    let status = Status(result.status)
    let runManifest = manifest(status: status, solver: result.solver)
    progress?(.phase("summary"))
    // Blocking pairs on one core; the summary on the other.
    let placed = result
    let (blockingPairs, summaryWithoutPairs) = concurrently(
      { instance.blockingPairCount(placed, seed: seed) },
      {
        PlacementSummary(
          instance: instance, placement: placed.placement, outcomes: outcomes, rankCost: cost,
          strategy: placed.strategy, solver: placed.solver, seed: seed,
          statistics: placed.statistics, warnings: dataset.warnings.count,
          timingsMilliseconds: [
            "solve": Self.milliseconds(start, afterSolve),
            "verify": Self.milliseconds(beforeVerify, afterVerify),
          ])
      })
    var explainMilliseconds: Double?
    // A re-match optimises another objective (moves weighed in): explanations are a fresh run's;
    // its letters tell outcomes and reasons only (no prices, cutoffs or turns).
    var explained: PlacementExplainer?
    let writesRosters = configuration.rosters || configuration.letters
    if (configuration.explain || configuration.report) && configuration.rematch == nil
      || writesRosters
    {
      let beforeExplain = clock.now
      progress?(.phase("explain"))
      let kind =
        configuration.rematch == nil ? ExplainedStrategy(placer) : .other(strategy.rawValue)
      do {
        explained = try PlacementExplainer(instance, result: placed, strategy: kind)
      } catch {
        throw Failure(message: "explanations: \(error)", violations: [])
      }
      explainMilliseconds = Self.milliseconds(beforeExplain, clock.now)
    }
    // The report and explanations.csv show a fresh run's explanations only.
    explanation = configuration.rematch == nil ? explained : nil
    var summary = summaryWithoutPairs
    summary.blockingPairs = blockingPairs
    summary.diagnostics = result.diagnostics
    summary.status = status.rawValue
    summary.gap = status == .feasible ? result.statistics["mip_gap"] : nil
    summary.statusNote = summary.statusSentence(policy: instance.policy)
    summary.timingsMilliseconds["cross_check"] = crossCheckMilliseconds
    summary.timingsMilliseconds["explain"] = explainMilliseconds
    if let rematch = configuration.rematch {
      changes = rematch.changes(to: result.placement, in: instance)
      summary.changes = Dictionary(changes.map { ($0.change.rawValue, 1) }, uniquingKeysWith: +)
    }
    if writesRosters, let explained {
      let beforeRosters = clock.now
      rosters = PlacementRosters(
        instance: instance, outcomes: outcomes, passThrough: dataset.passThrough,
        explanations: explained.students, rankCost: cost,
        changes: configuration.rematch == nil ? nil : changes)
      summary.timingsMilliseconds["rosters"] = Self.milliseconds(beforeRosters, clock.now)
    }
    summary.timingsMilliseconds["total"] = Self.milliseconds(start, clock.now)
    self.status = status
    self.problem = nil
    self.result = result
    self.outcomes = outcomes
    self.summary = summary
    self.manifest = runManifest
  }

  /// Adds a stage's time (`read`, `write`, …) to the summary's timings, and to its total.
  public mutating func record(_ stage: String, milliseconds: Double) {
    summary?.timingsMilliseconds[stage] = milliseconds
    summary?.timingsMilliseconds["total", default: 0] += milliseconds
    menu?.summary.timingsMilliseconds[stage] = milliseconds
    menu?.summary.timingsMilliseconds["total", default: 0] += milliseconds
  }

  /// Milliseconds between two instants.
  package static func milliseconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant)
    -> Double
  {
    let d = to - from
    return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }
}
