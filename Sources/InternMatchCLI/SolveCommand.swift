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

  @Flag(help: "Also solve with the other engine and fail unless both optima agree.")
  var crossCheck = false

  @Flag(help: "Also write explanations.csv, seat-values.csv and seat-values-by-area.csv.")
  var explain = false

  @Option(
    help: ArgumentHelp(
      "Hold every placed student of an earlier placements.csv at their worksite, as pins.",
      valueName: "placements.csv"))
  var pinFrom: String?

  func run() throws {
    var (dataset, read) = try options.read(self.dataset.directory)
    if let pinFrom {
      let file = try RunOptions.placementFile(pinFrom, instance: dataset.instance)
      for row in file.unknownStudents + file.unknownWorksites where !options.quiet {
        printError("\(pinFrom):\(row.line): warning: '\(row.id)' is not in the dataset; ignored")
      }
      do {
        dataset = try dataset.holding(file)
      } catch {
        throw ExitStatus.report(error, warnings: false)
      }
    }
    try options.perform(
      dataset, directory: self.dataset.directory, readMilliseconds: read,
      configuration: .init(
        strategy: options.strategy, rankCost: options.rankCost, backend: options.solver,
        crossCheck: crossCheck, seed: options.seed, explain: explain))
  }
}
