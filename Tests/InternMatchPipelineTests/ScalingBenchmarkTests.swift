import InternMatchGenerator
import InternMatchModel
import InternMatchPipeline
import InternMatchSolvers
import Testing

@Suite("ScalingBenchmark: the table bench prints")
struct ScalingBenchmarkTests {
  @Test("one row per size and strategy, each placing what the strategy places on the cohort")
  func rowsMatchDirectPlacement() throws {
    let benchmark = ScalingBenchmark(sizes: [120, 300], strategies: [.optimal, .stable], seed: 4)
    let rows = try benchmark.run()
    #expect(rows.map(\.students) == [120, 120, 300, 300])
    #expect(rows.map(\.strategy) == [.optimal, .stable, .optimal, .stable])
    for row in rows {
      let cohort = CohortGenerator(benchmark.cohortConfiguration(size: row.students)).generate()
      let instance = try PlacementInstance(
        students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings,
        rules: cohort.rules)
      let direct = try row.strategy.make(seed: 4).place(instance)
      #expect(row.placed == direct.objective.placed)
      #expect(row.status == direct.status)
      #expect(row.worksites == instance.worksites.count)
      #expect(row.choices == instance.choices.count)
      #expect(row.totalMilliseconds >= row.solveMilliseconds)
      #expect(row.peakMegabytes > 0)
    }
  }

  @Test("the MIP shape: minimum groups and linked pairs in proportion to the cohort")
  func mipShape() throws {
    let benchmark = ScalingBenchmark(
      sizes: [400], strategies: [.optimal], seed: 1, minimumGroupShare: 0.2,
      linkedPairsPerThousand: 25)
    #expect(benchmark.cohortConfiguration(size: 400).linkedPairs == 10)
    #expect(benchmark.cohortConfiguration(size: 399).linkedPairs == 9)
    let cohort = CohortGenerator(benchmark.cohortConfiguration(size: 400)).generate()
    #expect(!cohort.rules.links.isEmpty)
    #expect(cohort.worksites.contains { ($0.minimumGroupSize ?? 1) > 1 })
    let rows = try benchmark.run()
    #expect(rows.count == 1)
    #expect(rows[0].status == .optimal)
  }
}
