import ArgumentParser
import Foundation
import InternMatch

extension StrategyComparison.Format: ExpressibleByArgument {}

/// `internmatch compare DIR`: runs several strategies on one cohort and prints one table.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Run several strategies on one dataset and print their outcomes side by side."
  )

  @OptionGroup var dataset: DatasetArgument

  @Option(
    help: ArgumentHelp(
      "Comma-separated strategies (default: all).", valueName: "a,b,c"),
    transform: { text in
      try text.split(separator: ",").map { name in
        guard let strategy = StrategyName(rawValue: String(name)) else {
          throw ValidationError(
            "unknown strategy '\(name)' (available: "
              + StrategyName.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return strategy
      }
    })
  var strategies: [StrategyName] = StrategyName.allCases

  @Option(help: "Output format.")
  var format: StrategyComparison.Format = .text

  @Option(help: "Seed of every lottery (default: policy.json's, else 0).")
  var seed: UInt64?

  func run() throws {
    let instance: PlacementInstance
    do {
      instance = try DatasetReader.read(directory: dataset.directory).instance
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
    let runSeed = seed ?? instance.policy.seed ?? 0
    var table = StrategyComparison(students: instance.students.count, seed: runSeed)
    let clock = ContinuousClock()
    for name in strategies {
      let strategy = name.make(seed: runSeed)
      let missing = strategy.unsupportedRules(in: instance)
      guard missing.isEmpty else {
        printError(
          "note: \(name.rawValue) skipped: it cannot honour "
            + missing.map(\.rawValue).joined(separator: ", "))
        continue
      }
      let start = clock.now
      let result: PlacementResult
      do {
        result = try strategy.place(instance)
      } catch {
        printError("internal error: \(name.rawValue): \(error)")
        throw ExitStatus.internalError
      }
      let elapsed = milliseconds(start, clock.now)
      table.rows.append(
        StrategyComparison.Row(
          strategy: name.rawValue,
          metrics: OutcomeMetrics(instance: instance, placement: result.placement),
          rankCost: instance.objective(of: result.placement, rankCost: .linear).cost,
          blockingPairs: instance.blockingPairCount(result, seed: runSeed),
          milliseconds: elapsed))
    }
    print(table.rendered(as: format), terminator: "")
  }
}
