import ArgumentParser
import Foundation
import InternMatch

/// The options of every command that places students (`solve`, `rematch`).
struct RunOptions: ParsableArguments {
  @Option(help: "Strategy (default: policy.json's, else optimal).")
  var strategy: StrategyName?

  @Option(help: "Rank cost of the optimal objective (default: policy.json's, else linear).")
  var rankCost: RankCost?

  @Option(help: "Seed recorded with the run, for strategies that draw lotteries.")
  var seed: UInt64?

  @Option(help: "Directory for the output files.")
  var output: String = "out"

  @Option(help: "Printed summary: text, or json (the exact bytes of summary.json).")
  var format: OutputFormat = .text

  @Flag(help: "Also write report.html, a self-contained page of the run for a browser.")
  var report = false

  @Flag(
    help:
      "Also write rosters/: by-worksite.csv, by-school.csv and letters.csv (a mail merge's source)."
  )
  var rosters = false

  @Flag(help: "Also write rosters/letters/, one .txt letter per student (implies --rosters).")
  var letters = false

  @Flag(help: "Print only errors (and, with --format json, the summary).")
  var quiet = false

  /// Reads the dataset `argument` names, printing its errors (exit 65/66) or its warnings.
  func read(_ argument: DatasetArgument) throws -> (Dataset, milliseconds: Double) {
    let directory = argument.directory
    let clock = ContinuousClock()
    let start = clock.now
    if !quiet { ProgressLine.shared.start(at: start) }
    let dataset: Dataset
    do {
      dataset = try argument.read()
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
    if !quiet { reportWarnings(dataset.warnings, directory: directory) }
    return (dataset, milliseconds(start, clock.now))
  }

  /// Runs `configuration` on `dataset`, writes its files into ``output`` and prints the summary:
  /// exit 65 for a refusal or infeasible data, 70 for a backend failure, 73 when the files
  /// cannot be written — with nothing written in each case.
  func perform(
    _ dataset: Dataset, directory: String, readMilliseconds: Double,
    configuration: PlacementRun.Configuration,
    exports: [(format: OptimalStrategy.ModelFormat, path: String)] = []
  ) throws -> Never {
    let clock = ContinuousClock()
    let progress = ProgressLine.shared
    var configuration = configuration
    configuration.report = report
    configuration.rosters = rosters
    configuration.letters = letters
    configuration.progress = { progress.update($0) }
    var run: PlacementRun
    do {
      run = try PlacementRun(dataset, source: .directory(directory), configuration: configuration)
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
    progress.update(.phase("write"))
    var models: [(path: String, contents: Data)] = []
    var modelNotes: [String] = []
    for (format, path) in exports {
      let model: OptimalStrategy.Model?
      do {
        model = try run.model(format)
      } catch {
        printError("internal error: \(error); nothing was written.")
        throw ExitStatus.internalError
      }
      guard let model, let objective = run.result?.objective else { continue }
      models.append((path, Data(model.contents)))
      modelNotes.append(
        "note: wrote \(path), the \(model.isMIP ? "MIP" : "LP") of this run: minimise rank cost − "
          + "\(model.placedWeight)·placed; this run's value \(model.value(of: objective))")
    }
    // The files as written: their names and the summary.json bytes are taken from here, not
    // built a second time.
    let written: [(name: String, contents: Data)]
    do {
      written = try run.write(to: output, additional: models)
    } catch {
      printError("error: \(error); nothing was written.")
      throw ExitStatus.cannotCreateOutput
    }
    progress.finish()
    if !quiet { modelNotes.forEach(printError) }
    // The files cannot hold the time spent writing them: it is shown here only.
    run.record("write", milliseconds: milliseconds(beforeWrite, clock.now))
    switch format {
    case .json:
      // The bytes of the summary.json just written (without the write time).
      if let summary = written.first(where: { $0.name == "summary.json" }) {
        FileHandle.standardOutput.write(summary.contents)
      }
    case .text:
      if !quiet, let text = run.summary?.text ?? run.menu?.summary.text {
        print(text, terminator: "")
        // The letters are named as one directory, not one by one.
        let letters = PlacementRosters.lettersDirectory + "/"
        var names = written.filter { !$0.name.hasPrefix(letters) }.map {
          "\(output)/\($0.name)"
        }
        if run.writesLetterFiles, let count = run.rosters?.letters.count {
          names.append("\(output)/\(letters) (\(count) letter\(count == 1 ? "" : "s"))")
        }
        print("Wrote " + names.joined(separator: ", "))
      }
    }
    // Everything is written: end here rather than free the instance object by object (tens of
    // milliseconds for a large cohort) only for the process to exit. exit() flushes stdout.
    Foundation.exit(0)
  }

  private func reportWarnings(_ warnings: [DatasetIssue], directory: String) {
    for w in warnings.prefix(10) { printError(w.description) }
    if warnings.count > 10 {
      printError(
        "… and \(warnings.count - 10) more warnings (internmatch validate \(directory) lists all)")
    }
  }

  /// The earlier placements in `path`, read against `instance`; a file that cannot be read or
  /// parsed exits 66 or 65.
  static func placementFile(_ path: String, instance: PlacementInstance) throws -> PlacementFile {
    do {
      return try PlacementFile.read(path: path, instance: instance)
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
  }

  /// ``placementFile(_:instance:)`` for a dataset with a menu of activities.
  static func menuPlacementFile(_ path: String, instance: PlacementInstance) throws
    -> MenuPlacementFile
  {
    do {
      return try MenuPlacementFile.read(path: path, instance: instance)
    } catch {
      throw ExitStatus.report(error, warnings: false)
    }
  }
}

/// Milliseconds between two instants.
func milliseconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
  PlacementRun.milliseconds(from, to)
}

extension RankCost: ExpressibleByArgument {}

extension OptimalStrategy.Backend: ExpressibleByArgument {}
