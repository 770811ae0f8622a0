import ArgumentParser
import Foundation
import InternMatch

/// `internmatch bench`: how time grows with cohort size, end to end, for each strategy.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Print a scaling table: generated cohorts of growing size, read, placed and written.",
    discussion: """
      For each size, a seeded cohort is generated and written to a temporary dataset directory
      (not timed); then the table reports reading it (CSV to a validated instance), each
      strategy's placement and how it ended, writing placements.csv, and the process's peak
      memory so far. --min-group-share and --linked-pairs-per-1000 give the MIP shape.
      --activities adds the menu of work-based learning (as generate --activities does): the
      strategies that place a menu place it, the others are listed as refused, and a column
      gives the placements of each kind.
      """
  )

  @Option(
    help: ArgumentHelp("Comma-separated cohort sizes.", valueName: "n,n,…"),
    transform: { text in
      try text.split(separator: ",").map {
        guard let n = Int($0.replacingOccurrences(of: "_", with: "")), n > 0, n <= 1_000_000 else {
          throw ValidationError("sizes must be whole numbers from 1 to 1,000,000")
        }
        return n
      }
    })
  var sizes: [Int] = [1_000, 10_000, 60_000, 250_000, 1_000_000]

  @Option(
    help: ArgumentHelp("Comma-separated strategies.", valueName: "a,b,c"),
    transform: { text in
      try text.split(separator: ",").map {
        guard let s = StrategyName(rawValue: String($0)) else {
          throw ValidationError("unknown strategy '\($0)'")
        }
        return s
      }
    })
  var strategies: [StrategyName] = [.optimal]

  @Option(help: "Seed of the generated cohorts.")
  var seed: UInt64 = 1

  @Option(help: "Share (0–1) of worksites with a minimum group size (the MIP shape).")
  var minGroupShare: Double = 0

  @Option(
    name: .customLong("linked-pairs-per-1000"),
    help: "Linked student pairs per 1,000 students (the MIP shape; 5 gives 300 at 60,000).")
  var linkedPairsPerThousand: Double = 0

  @Flag(help: "Give every cohort the menu of work-based learning, as generate --activities does.")
  var activities = false

  @Option(help: "Output format.")
  var format: StrategyComparison.Format = .text

  func validate() throws {
    guard (0...1).contains(minGroupShare) else {
      throw ValidationError("--min-group-share must be from 0 to 1")
    }
    guard linkedPairsPerThousand >= 0, linkedPairsPerThousand <= 500 else {
      throw ValidationError("--linked-pairs-per-1000 must be from 0 to 500")
    }
  }

  func run() throws {
    let benchmark = ScalingBenchmark(
      sizes: sizes, strategies: strategies, seed: seed, minimumGroupShare: minGroupShare,
      linkedPairsPerThousand: linkedPairsPerThousand, activities: activities)
    let rows: [ScalingBenchmark.Row]
    do {
      rows = try benchmark.run { row in
        printError(
          "measured \(row.strategy.rawValue) at \(row.students): "
            + String(format: "%.0f ms", row.totalMilliseconds))
      }
    } catch {
      switch error {
      case .cannotWrite(let message):
        printError("error: \(message)")
        throw ExitStatus.cannotCreateOutput
      case .unreadable, .strategy:
        printError("internal error: \(error)")
        throw ExitStatus.internalError
      }
    }
    let header =
      [
        "students", "worksites", "choices", "strategy", "status", "placed", "read ms", "solve ms",
        "write ms", "total ms", "peak MB",
      ] + (activities ? ["placed by kind"] : [])
    let table = rows.map { row in
      [
        String(row.students), String(row.worksites), String(row.choices), row.strategy.rawValue,
        row.status?.rawValue ?? "refused", String(row.placed),
        String(format: "%.0f", row.readMilliseconds),
        String(format: "%.0f", row.solveMilliseconds),
        String(format: "%.0f", row.writeMilliseconds),
        String(format: "%.0f", row.totalMilliseconds), String(row.peakMegabytes),
      ] + (activities ? [Self.byKind(row.placedByKind)] : [])
    }
    print(Self.render([header] + table, format: format), terminator: "")
  }

  /// The placements of each kind as one cell, `kind=count` in the default order of the kinds
  /// (`internship=120 workplace-tour=40 …`; no commas, so CSV needs no quoting); `—` for a
  /// refused row.
  static func byKind(_ placed: [WorksiteKind: Int]) -> String {
    let cells = ActivityMenu.defaultOrder.compactMap { kind in
      placed[kind].map { "\(kind.rawValue)=\($0)" }
    }
    return cells.isEmpty ? "—" : cells.joined(separator: " ")
  }

  static func render(_ table: [[String]], format: StrategyComparison.Format) -> String {
    switch format {
    case .csv:
      return table.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    case .json:
      let keys = table[0].map { $0.replacingOccurrences(of: " ", with: "_") }
      // Every cell but the strategy's name and status is a whole number, and is written as one.
      let objects = table.dropFirst().map { row in
        Dictionary(
          uniqueKeysWithValues: zip(keys, row.map { cell -> Any in Int(cell) ?? cell }))
      }
      let data =
        (try? JSONSerialization.data(
          withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]))
        ?? Data("[]".utf8)
      return String(decoding: data, as: UTF8.self) + "\n"
    case .markdown:
      let rule = "|" + String(repeating: "---|", count: table[0].count)
      let lines = table.map { "| " + $0.joined(separator: " | ") + " |" }
      return ([lines[0], rule] + lines.dropFirst()).joined(separator: "\n") + "\n"
    case .text:
      let widths = table[0].indices.map { c in table.map { $0[c].count }.max() ?? 0 }
      return table.map { row in
        row.enumerated().map { c, text in
          String(repeating: " ", count: widths[c] - text.count) + text
        }.joined(separator: "  ")
      }.joined(separator: "\n") + "\n"
    }
  }
}
