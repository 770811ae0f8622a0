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

  @Flag(help: "Also write explanations.csv, seat-values.csv and seat-values-by-area.csv.")
  var explain = false

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
    let readMilliseconds = PlacementRun.milliseconds(start, clock.now)
    if !quiet { reportWarnings(dataset.warnings) }
    var run: PlacementRun
    do {
      run = try PlacementRun(
        dataset, source: .directory(self.dataset.directory),
        configuration: .init(
          strategy: strategy, rankCost: rankCost, backend: solver, crossCheck: crossCheck,
          seed: seed, explain: explain))
    } catch {
      for v in error.violations.prefix(20) { printError("internal error: \(v)") }
      printError("internal error: \(error); nothing was written.")
      throw ExitStatus.internalError
    }
    guard run.status.hasPlacement else {
      printError("error: \(run.problem ?? run.status.rawValue); nothing was written.")
      throw ExitStatus.badData
    }
    run.record("read", milliseconds: readMilliseconds)
    for note in run.result?.diagnostics ?? [] { printError("note: \(note)") }
    let beforeWrite = clock.now
    do {
      try run.write(to: output)
    } catch {
      printError("error: \(error); nothing was written.")
      throw ExitStatus.cannotCreateOutput
    }
    // The files cannot hold the time spent writing them: it is shown here only.
    run.record("write", milliseconds: PlacementRun.milliseconds(beforeWrite, clock.now))
    if !quiet, let summary = run.summary {
      print(summary.text, terminator: "")
      print("Wrote \(output)/placements.csv and \(output)/summary.json")
      if explain {
        print(
          "Wrote " + PlacementRun.explanationNames.map { "\(output)/\($0)" }.joined(separator: ", ")
        )
      }
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

extension RankCost: ExpressibleByArgument {}

extension OptimalStrategy.Backend: ExpressibleByArgument {}

/// Milliseconds between two instants.
func milliseconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
  PlacementRun.milliseconds(from, to)
}
