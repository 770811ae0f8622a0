import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Optimal strategy (GLPK)")
struct OptimalStrategyTests {
  /// Solves with both backends, checks the invariants every result must satisfy and that the
  /// backends agree on both objective levels; returns GLPK's result.
  func solve(_ instance: PlacementInstance, _ cost: RankCost) throws -> PlacementResult {
    var results: [PlacementResult] = []
    for backend in OptimalStrategy.Backend.allCases {
      let result = try OptimalStrategy(rankCost: cost, backend: backend).place(instance)
      #expect(instance.violations(in: result.placement).isEmpty)
      #expect(result.objective == instance.objective(of: result.placement, rankCost: cost))
      results.append(result)
    }
    #expect(results[0].objective == results[1].objective, "network and GLPK disagree")
    return results[1]
  }

  @Test("worked example: more placed beats better ranks")
  func morePlacedFirst() throws {
    // A and B both want W1 first (1 seat); only B can go to W2. Optimum: A→W1, B→W2 (cost 1+2),
    // not B→W1 alone (cost 1) with A unplaced.
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W1"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W1", "W2"]),
      ],
      worksites: [
        Worksite(id: "W1", cluster: "it", capacity: 1),
        Worksite(id: "W2", cluster: "it", capacity: 1),
      ])
    let result = try solve(instance, .linear)
    #expect(result.placement.assignment == [0, 1])
    #expect(result.objective == PlacementObjective(placed: 2, cost: 3))
  }

  @Test("worked example: rank gaps count, and squared cost changes the optimum's value")
  func squaredCost() throws {
    // E lists W1 at rank 1 and W2 at rank 5; F lists W1 at rank 3 and W2 at rank 4 (unknown
    // entries keep their positions). One seat each.
    // Linear:  E→W1 + F→W2 = 1 + 4 = 5  <  E→W2 + F→W1 = 5 + 3 = 8.
    // Squared: 1 + 16 = 17  <  25 + 9 = 34.
    let students = [
      Student(id: "E", school: "X", cluster: "it", preferences: ["W1", "x", "x2", "x3", "W2"]),
      Student(id: "F", school: "X", cluster: "it", preferences: ["y", "y2", "W1", "W2"]),
    ]
    let worksites = [
      Worksite(id: "W1", cluster: "it", capacity: 1),
      Worksite(id: "W2", cluster: "it", capacity: 1),
    ]
    let instance = try PlacementInstance(students: students, worksites: worksites)
    let linear = try solve(instance, .linear)
    #expect(linear.objective == PlacementObjective(placed: 2, cost: 5))
    #expect(linear.placement.assignment == [0, 1])
    #expect(try solve(instance, .squared).objective == PlacementObjective(placed: 2, cost: 17))
  }

  @Test("worked example: linear and squared costs choose different placements")
  func linearVersusSquared() throws {
    // One seat at W1 and one at W2. A lists W1 at rank 1, W2 at rank 3; B lists W1 at rank 4,
    // W2 at rank 5 (unknown entries keep their positions).
    // X = {A→W1, B→W2}: linear 1 + 5 = 6,  squared 1 + 25 = 26.
    // Y = {A→W2, B→W1}: linear 3 + 4 = 7,  squared 9 + 16 = 25.
    // Linear picks X; squared, which penalises B's rank 5, picks Y.
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W1", "a", "W2"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["b", "c", "d", "W1", "W2"]),
      ],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) })
    let linear = try solve(instance, .linear)
    #expect(linear.placement.assignment == [0, 1])
    #expect(linear.objective == PlacementObjective(placed: 2, cost: 6))
    let squared = try solve(instance, .squared)
    #expect(squared.placement.assignment == [1, 0])
    #expect(squared.objective == PlacementObjective(placed: 2, cost: 25))
  }

  @Test("the bundled tiny dataset's hand-computed optimum")
  func tinyDataset() throws {
    // See Datasets/tiny/README.md for the hand computation.
    let instance = try TinyInstance.make()
    let linear = try solve(instance, .linear)
    #expect(linear.objective == PlacementObjective(placed: 4, cost: 7))
    #expect(linear.placement.assignment == [1, 2, 0, 1, -1, -1, -1, -1, -1, -1])
    #expect(try solve(instance, .squared).objective == PlacementObjective(placed: 4, cost: 13))
  }

  @Test("empty and degenerate instances")
  func degenerate() throws {
    let empty = try PlacementInstance(students: [], worksites: [])
    #expect(try solve(empty, .linear).objective == PlacementObjective(placed: 0, cost: 0))
    let noSeats = try PlacementInstance(
      students: [Student(id: "A", school: "X", cluster: "it", preferences: ["W"])],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 0)])
    let result = try solve(noSeats, .linear)
    #expect(result.objective.placed == 0)
    #expect(noSeats.outcomes(of: result.placement) == [.unplaced(.choicesFull)])
  }

  @Test(
    "GLPK and network-simplex optima equal brute-force enumeration on seeded random instances",
    arguments: RankCost.allCases)
  func bruteForce(cost: RankCost) throws {
    for seed in UInt64(1)...400 {
      let instance = RandomInstances.make(seed: seed)
      let result = try solve(instance, cost)
      let best = BruteForce.bestObjective(instance, rankCost: cost)
      #expect(result.objective == best, "seed \(seed)")
    }
  }

  @Test("network simplex and GLPK agree on larger seeded instances")
  func agreeOnLarger() throws {
    for seed in UInt64(1)...30 {
      let instance = RandomInstances.make(seed: seed &* 104_729, maxStudents: 200, maxWorksites: 40)
      for cost in RankCost.allCases { _ = try solve(instance, cost) }
    }
  }

  @Test("larger seeded instances: decomposition into components changes nothing")
  func componentsAgreeWithWhole() throws {
    for seed in UInt64(1)...20 {
      let instance = RandomInstances.make(seed: seed &* 7919, maxStudents: 60, maxWorksites: 15)
      let result = try solve(instance, .linear)
      let parts = ChoiceComponents(instance.choices, worksiteCount: instance.worksites.count)
      // Every student with a choice is in exactly one component, every chosen worksite too.
      let covered = parts.students.flatMap { $0 }
      #expect(Set(covered).count == covered.count)
      #expect(
        covered.count
          == (0..<instance.students.count).filter { !instance.choices.range(of: $0).isEmpty }.count)
      for (students, worksites) in zip(parts.students, parts.worksites) {
        let inside = Set(worksites)
        for s in students {
          for c in instance.choices.range(of: s) {
            #expect(inside.contains(Int(instance.choices.worksite[c])))
          }
        }
      }
      #expect(result.statistics["components"] == parts.students.count)
    }
  }
}
