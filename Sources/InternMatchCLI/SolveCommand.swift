import ArgumentParser
import Foundation
import InternMatch
import InternMatchModel

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

  @Option(help: "Strategy (default: policy.json's, else optimal).")
  var strategy: StrategyName?

  @Option(help: "Rank cost of the optimal objective (default: policy.json's, else linear).")
  var rankCost: RankCost?

  @Option(help: "Engine for optimal: network (Swift network-flow core) or glpk (GLPK simplex).")
  var solver: OptimalStrategy.Backend = .network

  @Flag(help: "Also solve with the other engine and fail unless both optima agree.")
  var crossCheck = false

  @Option(help: "Seed recorded with the run, for strategies that draw lotteries.")
  var seed: UInt64?

  @Option(help: "Directory for placements.csv and summary.json.")
  var output: String = "out"

  @Flag(help: "Print only errors.")
  var quiet = false

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let dataset: Dataset
    do {
      dataset = try DatasetReader.read(directory: self.dataset.directory)
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
    let afterRead = clock.now
    let instance = dataset.instance
    if !quiet { reportWarnings(dataset.warnings) }

    let strategyName: StrategyName
    if let strategy {
      strategyName = strategy
    } else if let named = instance.policy.strategy {
      guard let known = StrategyName(rawValue: named) else {
        printError(
          "policy.json: error: strategy '\(named)' is not available (available: "
            + StrategyName.allCases.map(\.rawValue).joined(separator: ", ")
            + "); nothing was written.")
        throw ExitStatus.badData
      }
      strategyName = known
    } else {
      strategyName = .optimal
    }
    let cost = strategyName.rankCost(requested: rankCost ?? instance.policy.rankCost)
    let runSeed = seed ?? instance.policy.seed
    let placer = strategyName.make(seed: runSeed ?? 0, rankCost: cost, backend: solver)
    let missing = placer.unsupportedRules(in: instance)
    guard missing.isEmpty else {
      printError(
        "error: \(strategyName.rawValue) cannot honour this dataset's "
          + missing.map(\.rawValue).joined(separator: ", ")
          + "; use --strategy optimal, which honours every side constraint. Nothing was written.")
      throw ExitStatus.badData
    }

    var result: PlacementResult
    do {
      result = try placer.place(instance)
    } catch {
      guard error.isDataError else {
        printError("internal error: \(error); nothing was written.")
        throw ExitStatus.internalError
      }
      printError("error: \(error); nothing was written.")
      throw ExitStatus.badData
    }
    let afterSolve = clock.now
    var crossCheckMilliseconds: Double?
    if crossCheck, strategyName.isOptimal {
      let other = OptimalStrategy.Backend.allCases.first { $0 != solver } ?? solver
      do {
        let second = try OptimalStrategy(rankCost: cost, backend: other).place(instance)
        guard second.objective == result.objective else {
          printError(
            "internal error: \(solver) found \(result.objective), \(other) found "
              + "\(second.objective); nothing was written.")
          throw ExitStatus.internalError
        }
        result.solver += " (cross-checked by \(second.solver))"
      } catch let error as SolverError {
        printError("internal error: cross-check: \(error); nothing was written.")
        throw ExitStatus.internalError
      }
      crossCheckMilliseconds = milliseconds(afterSolve, clock.now)
    }
    let beforeVerify = clock.now
    let violations = instance.violations(in: result.placement)
    guard violations.isEmpty else {
      for v in violations.prefix(20) { printError("internal error: \(v)") }
      printError("the placement failed verification; nothing was written.")
      throw ExitStatus.internalError
    }
    let outcomes = instance.outcomes(of: result.placement)
    let afterVerify = clock.now

    // Blocking pairs on one core; the summary and the CSV bytes on the other.
    let (blockingPairs, (summaryWithoutPairs, csv)) = concurrently(
      { instance.blockingPairCount(result, seed: runSeed ?? 0) },
      {
        (
          PlacementSummary(
            instance: instance, placement: result.placement, outcomes: outcomes,
            rankCost: cost, strategy: result.strategy, solver: result.solver, seed: runSeed,
            statistics: result.statistics, warnings: dataset.warnings.count,
            timingsMilliseconds: [
              "read": milliseconds(start, afterRead),
              "solve": milliseconds(afterRead, afterSolve),
              "verify": milliseconds(beforeVerify, afterVerify),
            ]),
          PlacementWriter.csvBytes(instance, outcomes: outcomes)
        )
      })
    var summary = summaryWithoutPairs
    summary.blockingPairs = blockingPairs
    summary.diagnostics = result.diagnostics
    for note in result.diagnostics { printError("note: \(note)") }
    summary.timingsMilliseconds["cross_check"] = crossCheckMilliseconds
    summary.timingsMilliseconds["total"] = milliseconds(start, afterVerify)
    let directory = output
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let json = try encoder.encode(summary)
      try AtomicWriter.write([
        ((directory as NSString).appendingPathComponent("placements.csv"), Data(csv)),
        ((directory as NSString).appendingPathComponent("summary.json"), json + Data("\n".utf8)),
      ])
    } catch {
      printError("error: \(error); nothing was written.")
      throw ExitStatus.cannotCreateOutput
    }
    // The files cannot hold the time spent writing them: it is shown here only.
    summary.timingsMilliseconds["write"] = milliseconds(afterVerify, clock.now)
    summary.timingsMilliseconds["total"] = milliseconds(start, clock.now)
    if !quiet {
      print(summary.text, terminator: "")
      print("Wrote \(directory)/placements.csv and \(directory)/summary.json")
    }
    // Everything is written: end here rather than free the instance object by object (tens of
    // milliseconds for a large cohort) only for the process to exit. exit() flushes stdout.
    Foundation.exit(0)
  }

  private func reportWarnings(_ warnings: [DatasetIssue]) {
    for w in warnings.prefix(10) { printError(w.description) }
    if warnings.count > 10 {
      printError(
        "… and \(warnings.count - 10) more warnings (internmatch validate \(dataset.directory) lists all)"
      )
    }
  }
}

/// Milliseconds between two instants.
func milliseconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
  let d = to - from
  return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

extension RankCost: ExpressibleByArgument {}

extension OptimalStrategy.Backend: ExpressibleByArgument {}
