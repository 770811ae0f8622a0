// Wall clock, CPU, mallocs and peak memory of the stages of a placement, on seeded generated
// NYC-calibrated cohorts of 10,000 and 60,000 students.
//
// `--filter` takes a regular expression that must match a benchmark's whole name:
// `swift package benchmark --filter ".*10k"` runs every 10k benchmark (a bare "10k" runs none).
import Benchmark
import Foundation
import InternMatch

/// Which worksites of a generated cohort rank their applicants in `rankings.csv`.
private enum Rankings: String {
  /// The generator's own: some worksites rank.
  case generated
  /// No rankings.csv: every worksite orders its applicants by lottery.
  case none
  /// Every worksite ranks every applicant (in the order of their list positions, then ids).
  case every
}

/// A generated cohort written to a temporary dataset directory once per size, seed and kind of
/// rankings.
private func cohortDirectory(_ students: Int, seed: UInt64 = 2026, rankings: Rankings = .generated)
  -> String
{
  let name =
    "internmatch-bench-\(students)" + (seed == 2026 ? "" : "-seed\(seed)")
    + (rankings == .generated ? "" : "-rankings-\(rankings.rawValue)")
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
  if !FileManager.default.fileExists(atPath: directory + "/students.csv") {
    let cohort = CohortGenerator(.init(studentCount: students, seed: seed)).generate()
    let ranked: [WorksiteRanking]
    switch rankings {
    case .generated: ranked = cohort.rankings
    case .none: ranked = []
    case .every: ranked = everyApplicantRanked(cohort.students)
    }
    let files = DatasetWriter.files(
      students: cohort.students, worksites: cohort.worksites, rankings: ranked)
    do {
      // A scratch copy for the benchmarks: plain atomic file writes are enough here.
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
      for file in files {
        try Data(file.contents.utf8).write(
          to: URL(fileURLWithPath: directory + "/" + file.name), options: .atomic)
      }
    } catch {
      fatalError("cannot write the benchmark cohort: \(error)")
    }
  }
  return directory
}

/// A ranking of every applicant by every worksite: by list position, then by student order.
private func everyApplicantRanked(_ students: [Student]) -> [WorksiteRanking] {
  var applicants: [String: [(position: Int, student: Int)]] = [:]
  for (s, student) in students.enumerated() {
    for (position, w) in student.preferences.enumerated() {
      applicants[w, default: []].append((position, s))
    }
  }
  return applicants.sorted { $0.key < $1.key }.flatMap { w, listed in
    listed.sorted { ($0.position, $0.student) < ($1.position, $1.student) }.enumerated().map {
      WorksiteRanking(worksite: w, student: students[$1.student].id, rank: $0 + 1)
    }
  }
}

private func instance(_ directory: String) -> PlacementInstance {
  do {
    return try DatasetReader.read(directory: directory).instance
  } catch {
    fatalError("cannot read the benchmark cohort: \(error)")
  }
}

/// A benchmark of the optimal strategy (a MIP: minimum groups, links) on a generated cohort.
private func optimalMIPBenchmark(
  _ name: String, _ configuration: CohortGenerator.Configuration, policy: Policy
) {
  let cohort = CohortGenerator(configuration).generate()
  let instance = try? PlacementInstance(
    students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
    policy: policy, rules: cohort.rules)
  Benchmark(name, configuration: .init(maxIterations: 3)) { benchmark in
    guard let instance else { return }
    for _ in benchmark.scaledIterations { blackHole(try OptimalStrategy().place(instance)) }
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(10), maxIterations: 20)

  for size in [10_000, 60_000] {
    let label = "\(size / 1000)k"
    let directory = cohortDirectory(size)

    // Parse the CSV files, validate and build the instance (eligibility included).
    Benchmark("read dataset \(label)") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(instance(directory)) }
    }

    let cohort = CohortGenerator(.init(studentCount: size, seed: 2026)).generate()
    // Validation, list resolution and eligibility from in-memory students and worksites.
    Benchmark("build instance \(label)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(
          try PlacementInstance(
            students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings))
      }
    }

    let solved = instance(directory)
    let strategies: [(String, any PlacementStrategy)] = [
      ("optimal", OptimalStrategy(backend: .network)),
      ("rank-maximal", RankMaximalStrategy()),
      ("stable", StableStrategy(seed: 2026)),
      ("stable-worksite-proposing", WorksiteProposingStableStrategy(seed: 2026)),
      ("top-trading-cycles", TopTradingCyclesStrategy(seed: 2026)),
      ("serial-dictatorship", SerialDictatorshipStrategy(seed: 2026)),
      ("greedy", GreedyStrategy(seed: 2026)),
    ]
    for (name, strategy) in strategies {
      Benchmark("\(name) \(label)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try strategy.place(solved)) }
      }
    }

    let placement = try? StableStrategy(seed: 2026).place(solved).placement
    Benchmark("write placements \(label)") { benchmark in
      guard let placement else { return }
      for _ in benchmark.scaledIterations {
        blackHole(PlacementWriter.csv(solved, outcomes: solved.outcomes(of: placement)))
      }
    }

    // Minimum groups on 5% of worksites and linked pairs: the MIP path.
    var policy = Policy()
    policy.mipGap = 0.001
    optimalMIPBenchmark(
      "optimal MIP min-groups links \(label)",
      .init(studentCount: size, seed: 2026, minimumGroupShare: 0.05, linkedPairs: size / 200),
      policy: policy)
  }

  // The MIP proven optimal (issue 13), on the cohorts of `internmatch generate --students N
  // --seed 1 --min-group-share 0.05 --linked-pairs 300`: no gap, a time limit that never
  // stops the search.
  for size in [10_000, 60_000] {
    var policy = Policy()
    policy.mipTimeLimitSeconds = 3600
    optimalMIPBenchmark(
      "optimal MIP proven seed-1 min-groups links \(size / 1000)k",
      .init(studentCount: size, seed: 1, minimumGroupShare: 0.05, linkedPairs: 300),
      policy: policy)
  }

  // Explanations and seat values of the optimum (issue 9), on the cohorts of
  // `internmatch generate --students N --seed 1`: one residual search per worksite.
  for size in [10_000, 60_000] {
    let cohort = CohortGenerator(.init(studentCount: size, seed: 1)).generate()
    let explained = try? PlacementInstance(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
    let optimum = explained.flatMap { try? OptimalStrategy().place($0) }
    Benchmark("explain optimal seed-1 \(size / 1000)k") { benchmark in
      guard let explained, let optimum else { return }
      for _ in benchmark.scaledIterations {
        blackHole(try PlacementExplainer(explained, result: optimum, strategy: .optimal(.linear)))
      }
    }
  }

  // Issue 13: reading the cohort of `internmatch generate --students 60000 --seed 1` without
  // rankings.csv, with the generator's, and with one for every worksite; and `solve --strategy
  // stable` end to end on each (read, place, verify, summary with blocking pairs, write the
  // outputs as one set): what a C deferred acceptance is compared with (README, "Speed and
  // scaling").
  for rankings in [Rankings.none, .generated, .every] {
    let directory = cohortDirectory(60_000, seed: 1, rankings: rankings)
    Benchmark("read seed-1 60k rankings-\(rankings.rawValue)") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(instance(directory)) }
    }
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("internmatch-bench-out-\(rankings.rawValue)").path
    Benchmark("stable end to end seed-1 60k rankings-\(rankings.rawValue)") { benchmark in
      for _ in benchmark.scaledIterations {
        do {
          let dataset = try DatasetReader.read(directory: directory)
          let run = try PlacementRun(
            dataset, source: .directory(directory),
            configuration: .init(strategy: .stable, seed: 1, commandLine: ["bench"]))
          try run.write(to: output)
          blackHole(run)
        } catch {
          fatalError("stable end to end: \(error)")
        }
      }
    }
  }

  // `compare --seeds`: the dataset read once, then stable under each seed, each placement
  // measured (metrics, rank cost, blocking pairs against that seed's priorities). The same
  // library call the CLI makes; one seed is what a single `compare --seed` run costs.
  let compareDirectory = cohortDirectory(60_000)
  for seeds in [1, 100] {
    Benchmark(
      "compare stable \(seeds) seed\(seeds == 1 ? "" : "s") 60k",
      configuration: .init(maxDuration: .seconds(30), maxIterations: seeds == 1 ? 10 : 3)
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        let cohort = instance(compareDirectory)
        blackHole(
          try LotteryReplications(
            strategies: [StableStrategy(seed: 0)], seeds: Array(1...UInt64(seeds))
          ).run(cohort))
      }
    }
  }

  menuBenchmarks()

  let small = instance(cohortDirectory(2_000))
  Benchmark("optimal glpk-simplex 2k", configuration: .init(maxIterations: 3)) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try OptimalStrategy(backend: .glpk).place(small))
    }
  }
}
