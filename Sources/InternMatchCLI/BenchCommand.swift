import ArgumentParser
import Foundation
import InternMatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `internmatch bench`: how time grows with cohort size, end to end, for each strategy.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Print a scaling table: generated cohorts of growing size, read, placed and written.",
    discussion: """
      For each size, a seeded cohort is generated and written to a temporary dataset directory
      (not timed); then the table reports reading it (CSV to a validated instance), each
      strategy's placement, writing placements.csv, and the process's peak memory so far.
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

  @Option(help: "Output format.")
  var format: StrategyComparison.Format = .text

  func run() throws {
    let clock = ContinuousClock()
    var rows: [[String]] = []
    for size in sizes {
      let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("internmatch-bench-\(size)-\(seed)-\(getpid())").path
      defer { try? FileManager.default.removeItem(atPath: directory) }
      let cohort = CohortGenerator(.init(studentCount: size, seed: seed)).generate()
      let files = DatasetWriter.files(
        students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
      do {
        try AtomicWriter.write(files.map { (directory + "/" + $0.name, Data($0.contents.utf8)) })
      } catch {
        printError("error: \(error)")
        throw ExitStatus.cannotCreateOutput
      }
      let start = clock.now
      let instance: PlacementInstance
      do {
        instance = try DatasetReader.read(directory: directory).instance
      } catch {
        throw ExitStatus.report(error, warnings: false)
      }
      let read = milliseconds(start, clock.now)
      for name in strategies {
        let solveStart = clock.now
        let result: PlacementResult
        do {
          result = try name.make(seed: seed).place(instance)
        } catch {
          printError("internal error: \(name.rawValue) at \(size): \(error)")
          throw ExitStatus.internalError
        }
        let solve = milliseconds(solveStart, clock.now)
        let writeStart = clock.now
        let csv = PlacementWriter.csv(instance, outcomes: instance.outcomes(of: result.placement))
        do {
          try AtomicWriter.write([(directory + "/placements.csv", Data(csv.utf8))])
        } catch {
          printError("error: \(error)")
          throw ExitStatus.cannotCreateOutput
        }
        let write = milliseconds(writeStart, clock.now)
        rows.append([
          String(size), String(instance.worksites.count), String(instance.choices.count),
          name.rawValue, String(result.objective.placed), String(format: "%.0f", read),
          String(format: "%.0f", solve), String(format: "%.0f", write),
          String(format: "%.0f", read + solve + write), String(Self.peakMegabytes()),
        ])
      }
    }
    let header = [
      "students", "worksites", "choices", "strategy", "placed", "read ms", "solve ms", "write ms",
      "total ms", "peak MB",
    ]
    print(Self.render([header] + rows, format: format), terminator: "")
  }

  /// The process's peak resident memory so far, in MB.
  static func peakMegabytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Int(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Int(usage.ru_maxrss) / (1024 * 1024)  // bytes on Darwin
    #endif
  }

  static func render(_ table: [[String]], format: StrategyComparison.Format) -> String {
    switch format {
    case .csv:
      return table.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    case .json:
      let keys = table[0].map { $0.replacingOccurrences(of: " ", with: "_") }
      // Every cell but the strategy's name is a whole number, and is written as one.
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
