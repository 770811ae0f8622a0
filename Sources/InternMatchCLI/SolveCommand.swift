import ArgumentParser
import Foundation
import InternMatch

/// `internmatch solve DIR`: places students and writes `placements.csv` and `summary.json`.
struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Place the students of a dataset and write placements.csv and summary.json.",
    discussion: """
      optimal: place as many students as possible, then minimise the sum of rank costs of the \
      placed students (exact, through GLPK). Outputs are written atomically: a failed run \
      writes nothing.
      """
  )

  @OptionGroup var dataset: DatasetArgument
  @OptionGroup var options: RunOptions

  @Option(
    help:
      "Engine for optimal and optimal-squared only: network (Swift network-flow core) or glpk.")
  var solver: OptimalStrategy.Backend?

  @Flag(
    help:
      "optimal and optimal-squared only: also solve with the other engine; fail unless both optima agree."
  )
  var crossCheck = false

  @Flag(
    help:
      "Also write explanations.csv, seat-values.csv and seat-values-by-area.csv (with a menu: explanations.csv)."
  )
  var explain = false

  @Option(
    help: ArgumentHelp(
      "Hold every placed student of an earlier placements.csv at their worksite, as pins (with a menu: every placement, in its slot).",
      valueName: "placements.csv"))
  var pinFrom: String?

  @Option(
    help: ArgumentHelp(
      "Also write the run's LP/MIP model in CPLEX LP format (GLPK's writer), for glpsol or any solver.",
      valueName: "file.lp"))
  var exportLp: String?

  @Option(
    help: ArgumentHelp(
      "Also write the run's LP/MIP model in free MPS format (GLPK's writer).",
      valueName: "file.mps"))
  var exportMps: String?

  /// The model files asked for, by format.
  var exports: [(format: OptimalStrategy.ModelFormat, path: String)] {
    [(.lp, exportLp), (.mps, exportMps)].compactMap { format, path in path.map { (format, $0) } }
  }

  func validate() throws {
    if let strategy = options.strategy { try checkEngineOptions(for: strategy) }
  }

  /// A usage error (exit 64) when `--solver`, `--cross-check` or a model export is given for a strategy that
  /// ignores them (``StrategyName/takesBackend``), naming the strategies that take them.
  func checkEngineOptions(for strategy: StrategyName) throws {
    guard !strategy.takesBackend else { return }
    let given =
      [solver.map { "--solver \($0.rawValue)" }, crossCheck ? "--cross-check" : nil]
      .compactMap { $0 } + exports.map { "--export-\($0.format.rawValue)" }
    guard !given.isEmpty else { return }
    throw ValidationError(
      "\(given.joined(separator: " and ")) applies only to "
        + StrategyName.takingBackend.map(\.rawValue).joined(separator: ", ")
        + "; \(strategy.rawValue) has one engine of its own")
  }

  func run() throws {
    var (dataset, read) = try options.read(self.dataset)
    // The strategy policy.json names (an unknown name is the run's refusal, below).
    if options.strategy == nil {
      try checkEngineOptions(
        for: dataset.instance.policy.strategy.map { StrategyName(rawValue: $0) ?? .optimal }
          ?? .optimal)
    }
    if let pinFrom {
      // With a menu, every placement of the file is a pin (in its slot); else one seat each.
      let isMenu = dataset.instance.activities != nil
      let menuFile =
        isMenu ? try RunOptions.menuPlacementFile(pinFrom, instance: dataset.instance) : nil
      let file = isMenu ? nil : try RunOptions.placementFile(pinFrom, instance: dataset.instance)
      let unknown =
        (menuFile?.unknownStudents ?? file?.unknownStudents ?? [])
        + (menuFile?.unknownWorksites ?? file?.unknownWorksites ?? [])
      for row in unknown where !options.quiet {
        printError("\(pinFrom):\(row.line): warning: '\(row.id)' is not in the dataset; ignored")
      }
      do {
        if let menuFile { dataset = try dataset.holding(menuFile) }
        if let file { dataset = try dataset.holding(file) }
      } catch {
        throw ExitStatus.report(error, warnings: false)
      }
    }
    try options.perform(
      dataset, directory: self.dataset.directory, readMilliseconds: read,
      configuration: .init(
        strategy: options.strategy, rankCost: options.rankCost, backend: solver ?? .network,
        crossCheck: crossCheck, seed: options.seed, explain: explain),
      exports: exports)
  }
}
