// The menu of activities (issue 12): `optimal` on the generated 60,000-student menu cohort
// (`internmatch generate --students 60000 --seed 1 --activities`) with its slot conflicts and
// without slots (a network), beside single-seat `optimal` on the same cohort, and the
// mock-interview day (Datasets/mock-interview-day: 40 volunteers × 6 slots, 200 students).
//
// `swift package benchmark --filter 'menu.*'` runs them.
import Benchmark
import Foundation
import InternMatch

/// Registers the menu benchmarks.
func menuBenchmarks() {
  let cohort = CohortGenerator(.init(studentCount: 60_000, seed: 1, activities: true)).generate()
  let withoutSlots = cohort.worksites.map { site in
    var site = site
    site.slots = []
    return site
  }
  let slotted = try? PlacementInstance(
    students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
    rules: cohort.rules)
  let network = try? PlacementInstance(
    students: cohort.students, worksites: withoutSlots, rankings: cohort.rankings,
    rules: cohort.rules)
  // The same people, lists and seats with one placement each: today's single-seat optimum.
  let single = try? PlacementInstance(
    students: cohort.students, worksites: withoutSlots, rankings: cohort.rankings)
  let slow = Benchmark.Configuration(maxDuration: .seconds(60), maxIterations: 5)

  Benchmark("menu optimal slot conflicts 60k", configuration: slow) { benchmark in
    guard let slotted else { return }
    for _ in benchmark.scaledIterations { blackHole(try OptimalStrategy().placeMenu(slotted)) }
  }
  Benchmark("menu optimal without slots 60k", configuration: slow) { benchmark in
    guard let network else { return }
    for _ in benchmark.scaledIterations { blackHole(try OptimalStrategy().placeMenu(network)) }
  }
  Benchmark("menu baseline single-seat optimal 60k", configuration: slow) { benchmark in
    guard let single else { return }
    for _ in benchmark.scaledIterations { blackHole(try OptimalStrategy().place(single)) }
  }

  // The committed mock-interview day, read once.
  let day = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../Datasets/mock-interview-day").standardized.path
  let interviews = try? DatasetReader.read(directory: day).instance
  Benchmark("menu mock-interview-day", configuration: slow) { benchmark in
    guard let interviews else { return }
    for _ in benchmark.scaledIterations { blackHole(try OptimalStrategy().placeMenu(interviews)) }
  }
}
