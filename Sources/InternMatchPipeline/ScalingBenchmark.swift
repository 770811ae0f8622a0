import Foundation
import InternMatchGenerator
import InternMatchIO
import InternMatchModel
import InternMatchSolvers

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A scaling table: seeded cohorts of growing size, each generated and written to a temporary
/// dataset directory (not timed), then read, placed by each strategy and written, timed stage by
/// stage — what `internmatch bench` prints.
///
/// ```swift
/// let rows = try ScalingBenchmark(sizes: [1_000, 10_000], strategies: [.optimal, .stable]).run()
/// rows[0].solveMilliseconds
/// ```
///
/// The shape of the cohorts is `CohortGenerator`'s; ``minimumGroupShare`` and
/// ``linkedPairsPerThousand`` give the MIP shape (minimum groups on a share of the worksites,
/// linked pairs in proportion to the cohort), so that one table covers it from 1,000 students
/// to 1,000,000. With ``activities`` each cohort carries the menu of work-based learning
/// (`generate --activities`: `activities.csv`, tours and mock interviews with slots, teachers
/// with externships); each strategy that places a menu (``StrategyName/menuPlacing``) places it
/// and writes the menu's `placements.csv` (a row per placement and per short (person, kind)),
/// and every other strategy gets a row with no status (refused), never silently skipped.
///
/// - Complexity: each size's generation, reading and writing are linear in its choices; each
///   placement is its strategy's.
public struct ScalingBenchmark: Sendable {
  /// The cohort sizes, in order.
  public var sizes: [Int]
  /// The strategies placed at each size, in order.
  public var strategies: [StrategyName]
  /// The seed of every generated cohort (and of the strategies' lotteries).
  public var seed: UInt64
  /// Share (0–1) of worksites given a minimum group size (the MIP shape; 0: none).
  public var minimumGroupShare: Double
  /// Linked student pairs per 1,000 students, rounded down (the MIP shape; 0: none). At 5, a
  /// 60,000-student cohort has 300 pairs.
  public var linkedPairsPerThousand: Double
  /// Whether each cohort carries the menu of work-based learning (`generate --activities`).
  public var activities: Bool

  /// One strategy at one size.
  public struct Row: Sendable, Hashable {
    public var students: Int
    public var worksites: Int
    public var choices: Int
    public var strategy: StrategyName
    /// How the placement ended (`optimal`, `feasible` at a time limit, `complete`, …); `nil`
    /// when the strategy refused the cohort (a menu it cannot place), which then has no
    /// placements and no solve or write time.
    public var status: PlacementStatus?
    /// Placements (on a menu, one person may hold several).
    public var placed: Int
    /// On a menu, the placements of each kind (every kind of the menu, 0 included); empty
    /// otherwise.
    public var placedByKind: [WorksiteKind: Int] = [:]
    public var readMilliseconds: Double
    public var solveMilliseconds: Double
    public var writeMilliseconds: Double
    /// Reading, placing and writing.
    public var totalMilliseconds: Double {
      readMilliseconds + solveMilliseconds + writeMilliseconds
    }
    /// The process's peak resident memory so far, in MB (it only grows along a table).
    public var peakMegabytes: Int
  }

  /// What stopped a table.
  public enum Failure: Error, Sendable, CustomStringConvertible {
    /// The temporary dataset or placements.csv could not be written.
    case cannotWrite(String)
    /// The generated dataset did not read (a bug: the generator writes valid data).
    case unreadable(DatasetError)
    /// A strategy failed on a generated cohort.
    case strategy(StrategyName, size: Int, SolverError)

    public var description: String {
      switch self {
      case .cannotWrite(let message): message
      case .unreadable(let error): "the generated dataset did not read: \(error)"
      case .strategy(let name, let size, let error): "\(name.rawValue) at \(size): \(error)"
      }
    }
  }

  /// A table of `sizes` × `strategies`.
  public init(
    sizes: [Int], strategies: [StrategyName], seed: UInt64 = 1, minimumGroupShare: Double = 0,
    linkedPairsPerThousand: Double = 0, activities: Bool = false
  ) {
    self.sizes = sizes
    self.strategies = strategies
    self.seed = seed
    self.minimumGroupShare = minimumGroupShare
    self.linkedPairsPerThousand = linkedPairsPerThousand
    self.activities = activities
  }

  /// The generator's configuration at `size`.
  public func cohortConfiguration(size: Int) -> CohortGenerator.Configuration {
    CohortGenerator.Configuration(
      studentCount: size, seed: seed, minimumGroupShare: minimumGroupShare,
      linkedPairs: Int((Double(size) * linkedPairsPerThousand / 1000).rounded(.down)),
      activities: activities)
  }

  /// Runs the table; `progress` hears each row as it is measured.
  ///
  /// - Throws: ``Failure``.
  public func run(progress: (Row) -> Void = { _ in }) throws(Failure) -> [Row] {
    var rows: [Row] = []
    let clock = ContinuousClock()
    for size in sizes {
      let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("internmatch-bench-\(size)-\(seed)-\(getpid())").path
      defer { try? FileManager.default.removeItem(atPath: directory) }
      let cohort = CohortGenerator(cohortConfiguration(size: size)).generate()
      let files = DatasetWriter.files(
        students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
        rules: cohort.rules)
      do {
        try AtomicWriter.write(files.map { (directory + "/" + $0.name, Data($0.contents.utf8)) })
      } catch {
        throw .cannotWrite("\(error)")
      }
      let start = clock.now
      let instance: PlacementInstance
      do {
        instance = try DatasetReader.read(directory: directory).instance
      } catch {
        throw .unreadable(error)
      }
      let read = PlacementRun.milliseconds(start, clock.now)
      for name in strategies where instance.activities != nil {
        let row = try menuRow(
          name, size: size, instance: instance, directory: directory, read: read)
        progress(row)
        rows.append(row)
      }
      for name in strategies where instance.activities == nil {
        let solveStart = clock.now
        let result: PlacementResult
        do {
          result = try name.make(seed: seed).place(instance)
        } catch {
          throw .strategy(name, size: size, error)
        }
        let solve = PlacementRun.milliseconds(solveStart, clock.now)
        let writeStart = clock.now
        let csv = PlacementWriter.csv(instance, outcomes: instance.outcomes(of: result.placement))
        do {
          try AtomicWriter.write([(directory + "/placements.csv", Data(csv.utf8))])
        } catch {
          throw .cannotWrite("\(error)")
        }
        let row = Row(
          students: size, worksites: instance.worksites.count, choices: instance.choices.count,
          strategy: name, status: result.status, placed: result.objective.placed,
          readMilliseconds: read, solveMilliseconds: solve,
          writeMilliseconds: PlacementRun.milliseconds(writeStart, clock.now),
          peakMegabytes: Self.peakMegabytes())
        progress(row)
        rows.append(row)
      }
    }
    return rows
  }

  /// One strategy on a cohort with a menu: placed by ``/InternMatchSolvers/MenuPlacing`` and
  /// written as the menu's `placements.csv`, or a refused row (no status) for a strategy that
  /// places no menu or declines this one (a rule it does not take with a menu).
  private func menuRow(
    _ name: StrategyName, size: Int, instance: PlacementInstance, directory: String,
    read: Double
  ) throws(Failure) -> Row {
    let clock = ContinuousClock()
    var row = Row(
      students: size, worksites: instance.worksites.count,
      choices: instance.choices.count, strategy: name, status: nil, placed: 0,
      readMilliseconds: read, solveMilliseconds: 0, writeMilliseconds: 0,
      peakMegabytes: Self.peakMegabytes())
    guard let placer = name.make(seed: seed) as? any MenuPlacing,
      let menu = instance.activities
    else { return row }
    let solveStart = clock.now
    let result: MenuResult
    do {
      result = try placer.placeMenu(instance)
    } catch {
      guard error.isDataError else { throw .strategy(name, size: size, error) }
      return row
    }
    row.solveMilliseconds = PlacementRun.milliseconds(solveStart, clock.now)
    let writeStart = clock.now
    let csv = PlacementWriter.menuCSVBytes(
      instance, rows: instance.menuRows(of: result.placement))
    do {
      try AtomicWriter.write([(directory + "/placements.csv", Data(csv))])
    } catch {
      throw .cannotWrite("\(error)")
    }
    row.writeMilliseconds = PlacementRun.milliseconds(writeStart, clock.now)
    row.status = result.status
    row.placed = result.placement.count
    for (level, rule) in menu.served.enumerated() {
      row.placedByKind[rule.kind] = result.objective.levels[level].placed
    }
    row.peakMegabytes = Self.peakMegabytes()
    return row
  }

  /// The process's peak resident memory so far, in MB.
  public static func peakMegabytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Int(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Int(usage.ru_maxrss) / (1024 * 1024)  // bytes on Darwin
    #endif
  }
}
