import ArgumentParser
import Foundation
import InternMatch

extension StrategyComparison.Format: ExpressibleByArgument {}

/// `internmatch compare DIR`: runs several strategies on one cohort, under one or many lottery
/// seeds, and prints one table.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Run several strategies on one dataset and print their outcomes side by side.",
    discussion: """
      With --seeds the dataset is read once; every strategy that draws a lottery is run once \
      per seed, the others once (their blocking pairs are still counted against each seed's \
      worksite priorities). Each strategy gets a row per seed, then rows whose seed is mean, \
      sd (sample standard deviation, n - 1), min and max. Strategies that cannot honour the \
      dataset's side constraints are listed as skipped with the reason; when every strategy is \
      skipped the command exits 65. --report FILE also writes the comparison as an HTML page \
      (placed, rank profile, blocking pairs and equity gaps as charts; the lottery spread with \
      --seeds). With a menu of activities (activities.csv) the rows are per kind, then all \
      kinds: placed, mean rank, rank cost, rows left short, unfilled seats and slots, and \
      with_k, the people holding k placements of the kind.
      """
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

  @Option(
    help: ArgumentHelp(
      "Also write the comparison as one self-contained HTML page (charts, lottery spread) to "
        + "this file, atomically.", valueName: "file"))
  var report: String?

  @Option(help: "Seed of every lottery (default: policy.json's, else 0).")
  var seed: UInt64?

  @Option(
    help: ArgumentHelp(
      "Lottery seeds to replicate over: a number, a range a-b, or a comma list of both "
        + "(such as 1-100 or 1,5,9).", valueName: "seeds"),
    transform: { try CompareCommand.parseSeeds($0) })
  var seeds: [UInt64]?

  /// The seeds of `text`: comma-separated numbers and inclusive ranges `a-b`, each seed once.
  static func parseSeeds(_ text: String) throws -> [UInt64] {
    var seeds: [UInt64] = []
    var seen: Set<UInt64> = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
      guard (1...2).contains(bounds.count), let low = UInt64(bounds[0]),
        let high = UInt64(bounds[bounds.count - 1]), low <= high
      else {
        throw ValidationError(
          "seeds must be numbers or ranges a-b with a <= b, separated by commas (got '\(item)')")
      }
      guard high - low < 100_000, seeds.count + Int(high - low) < 100_000 else {
        throw ValidationError("at most 100,000 seeds")
      }
      for s in low...high {
        guard seen.insert(s).inserted else { throw ValidationError("seed \(s) is given twice") }
        seeds.append(s)
      }
    }
    return seeds
  }

  func validate() throws {
    if seed != nil, seeds != nil { throw ValidationError("give either --seed or --seeds") }
    if Set(strategies).count != strategies.count {
      throw ValidationError("a strategy is named twice in --strategies")
    }
  }

  func run() throws {
    let instance: PlacementInstance
    do {
      instance = try dataset.read().instance
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
    let runSeeds = seeds ?? [seed ?? instance.policy.seed ?? 0]
    let plan = LotteryReplications(
      strategies.map { ($0.rawValue, $0.make(seed: runSeeds[0])) }, seeds: runSeeds)
    // A menu of activities is compared kind by kind.
    let rendered: (text: String, html: String, ran: Bool, skipped: [StrategyComparison.Skipped])
    do {
      if instance.activities != nil {
        let table = try plan.runMenu(instance)
        rendered = (
          table.rendered(as: format), MenuComparisonReport(table).html, !table.rows.isEmpty,
          table.skipped
        )
      } else {
        let table = try plan.run(instance)
        rendered = (
          table.rendered(as: format), ComparisonReport(table).html, !table.rows.isEmpty,
          table.skipped
        )
      }
    } catch {
      printError("\(error.isDataError ? "error" : "internal error"): \(error)")
      throw error.isDataError ? ExitStatus.badData : ExitStatus.internalError
    }
    for skip in rendered.skipped {
      printError("note: \(skip.strategy) skipped: it \(skip.reason)")
    }
    print(rendered.text, terminator: "")
    if !rendered.ran, !rendered.skipped.isEmpty {
      printError("error: every strategy was skipped")
      throw ExitStatus.badData
    }
    if let report {
      do {
        try AtomicWriter.write([(report, Data(rendered.html.utf8))])
      } catch {
        printError("error: \(error)")
        throw ExitStatus.cannotCreateOutput
      }
      printError("Wrote \(report)")
    }
  }
}
