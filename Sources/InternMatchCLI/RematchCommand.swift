import ArgumentParser
import Foundation
import InternMatch

/// `internmatch rematch DIR --previous FILE`: places an updated dataset again, moving as few of
/// an earlier run's students as possible.
struct RematchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rematch",
    abstract:
      "Place an updated dataset again from an earlier placements.csv, moving as few as possible.",
    discussion: """
      optimal: most students placed, then the fewest previously placed students moved, then \
      the least rank cost (exact). stable: incumbency priority at each student's earlier seat. \
      serial-dictatorship, greedy, stable-worksite-proposing, top-trading-cycles: earlier seats \
      held, the rest placed by the strategy. Writes \
      placements.csv, changes.csv (student,before,after,change) and summary.json.
      """
  )

  @OptionGroup var dataset: DatasetArgument
  @OptionGroup var options: RunOptions

  @Option(
    help: ArgumentHelp("The earlier run's placements.csv.", valueName: "placements.csv"))
  var previous: String

  @Flag(
    help:
      "Nobody whose seat still exists is moved; only as many leave a cut worksite as seats were cut."
  )
  var keepPlaced = false

  func run() throws {
    let (dataset, read) = try options.read(self.dataset)
    let file = try RunOptions.placementFile(previous, instance: dataset.instance)
    if !options.quiet {
      for row in file.unknownStudents {
        printError("\(previous):\(row.line): note: student '\(row.id)' is no longer in the dataset")
      }
      for row in file.unknownWorksites {
        printError(
          "\(previous):\(row.line): note: worksite '\(row.id)' is no longer in the dataset")
      }
    }
    try options.perform(
      dataset, directory: self.dataset.directory, readMilliseconds: read,
      configuration: .init(
        strategy: options.strategy, rankCost: options.rankCost,
        seed: options.seed, rematch: Rematch(previous: file, keepPlaced: keepPlaced)))
  }
}
