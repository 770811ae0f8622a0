import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Minimum worst rank")
struct MinimumWorstRankStrategyTests {
  @Test("worked example: a worse total buys a better worst case")
  func workedExample() throws {
    // W1, W2 one seat each; W3 has none. A: W1, W2. B: W3, W1, W2 (ranks 1, 2, 3).
    // Both ways of placing both cost 4: A→W2 + B→W1 (2 + 2, worst 2) or A→W1 + B→W2
    // (1 + 3, worst 3). The smallest worst rank, 2, picks the first.
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W1", "W2"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W3", "W1", "W2"]),
      ],
      worksites: ["W1", "W2", "W3"].map {
        Worksite(id: $0, cluster: "it", capacity: $0 == "W3" ? 0 : 1)
      })
    let result = try MinimumWorstRankStrategy().place(instance)
    #expect(result.placement.assignment == [1, 0])
    #expect(result.statistics["worst_rank"] == 2)
    #expect(result.objective == PlacementObjective(placed: 2, cost: 4))
  }

  @Test("equals brute force: most placed, smallest worst rank, least sum", arguments: 0..<300)
  func bruteForce(seed: Int) throws {
    let instance = RandomInstances.make(seed: UInt64(seed), maxStudents: 6, maxWorksites: 4)
    let result = try MinimumWorstRankStrategy().place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    let (placed, worst, cost) = BruteForce.bestWorstRank(instance)
    #expect(result.objective.placed == placed)
    #expect(result.objective.cost == cost)
    #expect(result.statistics["worst_rank"] == worst || placed == 0)
  }
}
