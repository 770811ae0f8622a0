import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Serial dictatorship and greedy")
struct SequentialStrategyTests {
  func student(_ id: String, school: String = "X", groups: Set<String> = [], _ prefs: [String])
    -> Student
  {
    Student(id: id, school: school, cluster: "it", groups: groups, preferences: prefs)
  }

  /// A seed whose lottery draws the students of `instance` in exactly `order` (by id).
  func seed(drawing order: [String], in instance: PlacementInstance) -> UInt64? {
    (0..<500 as Range<UInt64>).first { seed in
      WorksitePriorities(instance: instance, seed: seed).sequence.map {
        instance.students[$0].id
      } == order
    }
  }

  @Test("serial dictatorship: each in lottery order takes their best remaining choice")
  func serialDictatorship() throws {
    // W1, W2 one seat each. A: W1, W2. B: W1. C: W2, W1.
    let instance = try PlacementInstance(
      students: [student("A", ["W1", "W2"]), student("B", ["W1"]), student("C", ["W2", "W1"])],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) })
    // Order B, A, C: B→W1, A→W2, C gets nothing.
    let bac = try #require(seed(drawing: ["B", "A", "C"], in: instance))
    #expect(
      try SerialDictatorshipStrategy(seed: bac).place(instance).placement.assignment == [1, 0, -1])
    // Order C, A, B: C→W2, A→W1, B gets nothing.
    let cab = try #require(seed(drawing: ["C", "A", "B"], in: instance))
    #expect(
      try SerialDictatorshipStrategy(seed: cab).place(instance).placement.assignment == [0, -1, 1])
  }

  @Test("greedy: every first choice is served before any second choice")
  func greedyRounds() throws {
    // W1, W2 one seat each. A: W1, W2. B: W2. Lottery A first. Serial dictatorship would give
    // A W1 and B W2 as well; make A list W2 first: A: W2, W1; B: W2. Order A, B.
    // Round 1: A takes W2; B wants W2, full. Round 2: A is placed; B has no second choice.
    // With order B, A: round 1 B takes W2, A wants W2, full; round 2 A takes W1.
    let instance = try PlacementInstance(
      students: [student("A", ["W2", "W1"]), student("B", ["W2"])],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) })
    let ab = try #require(seed(drawing: ["A", "B"], in: instance))
    let ba = try #require(seed(drawing: ["B", "A"], in: instance))
    #expect(try GreedyStrategy(seed: ab).place(instance).placement.assignment == [1, -1])
    #expect(try GreedyStrategy(seed: ba).place(instance).placement.assignment == [0, 1])
  }

  @Test("greedy serves a later student's first choice before an earlier one's second")
  func greedyFirstChoicesFirst() throws {
    // W1, W2 one seat each. A: W1, W2. B: W1. C: W2. Order B, A, C.
    // Serial dictatorship: B→W1, A→W2, C nothing. Greedy round 1: B→W1, A (W1) full, C→W2.
    let instance = try PlacementInstance(
      students: [student("A", ["W1", "W2"]), student("B", ["W1"]), student("C", ["W2"])],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) })
    let order = try #require(seed(drawing: ["B", "A", "C"], in: instance))
    #expect(try GreedyStrategy(seed: order).place(instance).placement.assignment == [-1, 0, 1])
    #expect(
      try SerialDictatorshipStrategy(seed: order).place(instance).placement.assignment
        == [1, 0, -1])
  }

  @Test("pins, school limits, employer capacities and hard reserves hold", arguments: 0..<200)
  func sideRulesHold(seed: Int) throws {
    let instance = RandomMarkets.make(seed: UInt64(seed), maxStudents: 7, maxWorksites: 4)
    for strategy in [
      SerialDictatorshipStrategy(seed: UInt64(seed)) as any PlacementStrategy,
      GreedyStrategy(seed: UInt64(seed)),
    ] {
      let result = try strategy.place(instance)
      #expect(instance.violations(in: result.placement).isEmpty, "\(strategy.name)")
    }
  }

  @Test("employer capacity limits both sequential strategies")
  func employerCapacity() throws {
    let instance = try PlacementInstance(
      students: [student("A", ["W1"]), student("B", ["W2"]), student("C", ["W1", "W2"])],
      worksites: [
        Worksite(id: "W1", employer: "Acme", cluster: "it", capacity: 2),
        Worksite(id: "W2", employer: "Acme", cluster: "it", capacity: 2),
      ],
      rules: PlacementRules(employerCapacity: [EmployerCapacity(employer: "Acme", capacity: 2)]))
    for seed in 0..<10 as Range<UInt64> {
      #expect(try SerialDictatorshipStrategy(seed: seed).place(instance).objective.placed == 2)
      #expect(try GreedyStrategy(seed: seed).place(instance).objective.placed == 2)
    }
  }

  @Test("serial dictatorship is strategy-proof without a second round", arguments: 0..<80)
  func serialDictatorshipStrategyProof(seed: Int) throws {
    var instance = RandomMarkets.make(seed: UInt64(5000 + seed), maxStudents: 4)
    if instance.policy.reservesRevert, instance.sideRules.contains(.reserves) {
      // The second round for reverted seats can be gamed (list only reserved worksites to
      // reach it): a documented limitation, so this property is checked without it.
      var policy = instance.policy
      policy.reservesRevert = false
      instance = try PlacementInstance(
        students: instance.students, worksites: instance.worksites, rankings: instance.rankings,
        policy: policy, rules: instance.rules)
    }
    #expect(
      try Manipulation.find(instance, strategy: SerialDictatorshipStrategy(seed: UInt64(seed)))
        == nil)
  }

  @Test("blocking pairs: an empty seat a student prefers blocks")
  func blockingPairs() throws {
    // W1 has 1 seat, empty; A sits at W2 but ranks W1 first: (A, W1) blocks. B is at W1? No:
    // B is unplaced and lists W2, held by A, who beats B in W2's ranking: no block there.
    let instance = try PlacementInstance(
      students: [student("A", ["W1", "W2"]), student("B", ["W2"])],
      worksites: ["W1", "W2"].map { Worksite(id: $0, cluster: "it", capacity: 1) },
      rankings: [
        WorksiteRanking(worksite: "W2", student: "A", rank: 1),
        WorksiteRanking(worksite: "W2", student: "B", rank: 2),
      ])
    let pairs = instance.blockingPairs(
      in: Placement([1, nil]), priorities: WorksitePriorities(instance: instance, seed: 0))
    #expect(pairs.map { [$0.student, $0.worksite] } == [[0, 0]])
  }
}
