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
      placements.csv, changes.csv (student,before,after,change) and summary.json. With a menu \
      of activities: per kind in priority order, most placed, most placements kept (same \
      worksite and slot), least rank cost (optimal); stable, serial-dictatorship and greedy \
      hold the placements that still exist; changes.csv has one row per (person, kind) \
      (student,kind,before,after,kept,change).
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
    let configuration: PlacementRun.Configuration
    if dataset.instance.activities != nil {
      // A menu of activities: placements kept per (person, kind), same worksite and slot.
      let file = try RunOptions.menuPlacementFile(previous, instance: dataset.instance)
      note(unknownStudents: file.unknownStudents, unknownWorksites: file.unknownWorksites)
      configuration = .init(
        strategy: options.strategy, rankCost: options.rankCost, seed: options.seed,
        menuRematch: MenuRematch(previous: file, keepPlaced: keepPlaced))
    } else {
      let file = try RunOptions.placementFile(previous, instance: dataset.instance)
      note(unknownStudents: file.unknownStudents, unknownWorksites: file.unknownWorksites)
      configuration = .init(
        strategy: options.strategy, rankCost: options.rankCost, seed: options.seed,
        rematch: Rematch(previous: file, keepPlaced: keepPlaced))
    }
    try options.perform(
      dataset, directory: self.dataset.directory, readMilliseconds: read,
      configuration: configuration)
  }

  /// Notes on standard error the earlier file's rows whose ids the dataset no longer has.
  private func note(
    unknownStudents: [PlacementFile.UnknownRow], unknownWorksites: [PlacementFile.UnknownRow]
  ) {
    if !options.quiet {
      for row in unknownStudents {
        printError("\(previous):\(row.line): note: student '\(row.id)' is no longer in the dataset")
      }
      for row in unknownWorksites {
        printError(
          "\(previous):\(row.line): note: worksite '\(row.id)' is no longer in the dataset")
      }
    }
  }
}
