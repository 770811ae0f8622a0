import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("Top trading cycles strategy")
struct TopTradingCyclesTests {
  @Test("hand-worked example: eight students, four schools (school choice, A&S 2003 style)")
  func workedExample() throws {
    // Capacities s1 2, s2 2, s3 3, s4 1; every school ranks every student (rankings.csv).
    //   priorities  s1: 1 2 3 4 5 6 7 8   s2: 3 5 4 8 7 2 1 6
    //               s3: 5 3 1 7 2 8 6 4   s4: 6 8 7 4 2 3 5 1
    //   lists  1: s2 s1 s3 s4   2: s1 s2 s3 s4   3: s3 s2 s1 s4   4: s3 s4 s1 s2
    //          5: s1 s3 s4 s2   6: s4 s1 s2 s3   7: s1 s2 s3 s4   8: s1 s2 s4 s3
    // Round 1: students point 1→s2 2→s1 3→s3 4→s3 5→s1 6→s4 7→s1 8→s1; schools s1→1 s2→3
    //   s3→5 s4→6. Cycles 1→s2→3→s3→5→s1→1 and 6→s4→6: 1 gets s2, 3 s3, 5 s1, 6 s4.
    //   Seats left s1 1, s2 1, s3 2, s4 0.
    // Round 2: 2→s1 4→s3 7→s1 8→s1; s1→2 s2→4 s3→7. Cycle 2→s1→2: 2 gets s1 (s1 full).
    // Round 3: 4→s3 7→s2 8→s2; s2→4 s3→7. Cycle 4→s3→7→s2→4: 4 gets s3, 7 gets s2.
    // Round 4: 8→s3 (s1, s2, s4 full); s3→8: 8 gets s3.
    let capacity = [2, 2, 3, 1]
    let priority = [
      [1, 2, 3, 4, 5, 6, 7, 8], [3, 5, 4, 8, 7, 2, 1, 6], [5, 3, 1, 7, 2, 8, 6, 4],
      [6, 8, 7, 4, 2, 3, 5, 1],
    ]
    let lists = [
      [2, 1, 3, 4], [1, 2, 3, 4], [3, 2, 1, 4], [3, 4, 1, 2], [1, 3, 4, 2], [4, 1, 2, 3],
      [1, 2, 3, 4], [1, 2, 4, 3],
    ]
    let instance = try PlacementInstance(
      students: lists.enumerated().map { i, list in
        Student(id: "i\(i + 1)", school: "X", cluster: "it", preferences: list.map { "s\($0)" })
      },
      worksites: capacity.enumerated().map { j, q in
        Worksite(id: "s\(j + 1)", cluster: "it", capacity: q)
      },
      rankings: priority.enumerated().flatMap { j, order in
        order.enumerated().map { r, i in
          WorksiteRanking(worksite: "s\(j + 1)", student: "i\(i)", rank: r + 1)
        }
      })
    for seed in [0, 7] as [UInt64] {
      let result = try TopTradingCyclesStrategy(seed: seed).place(instance)
      #expect(result.placement.assignment == [1, 0, 2, 2, 0, 3, 1, 2])
      #expect(result.statistics["cycles"] == 5)
      #expect(instance.violations(in: result.placement).isEmpty)
    }
  }

  /// A random market; one whose side rules TTC refuses is drawn again without side rules.
  func market(seed: UInt64, maxStudents: Int = 5) -> PlacementInstance {
    let withRules = RandomMarkets.make(seed: seed, maxStudents: maxStudents)
    guard TopTradingCyclesStrategy(seed: 0).unsupportedRules(in: withRules).isEmpty else {
      return RandomMarkets.make(seed: seed, maxStudents: maxStudents, sideRules: false)
    }
    return withRules
  }

  @Test(
    "Pareto-efficient: no feasible placement is weakly better for all, strictly for one",
    arguments: 0..<400)
  func paretoEfficient(seed: Int) throws {
    let instance = market(seed: UInt64(seed))
    let result = try TopTradingCyclesStrategy(seed: UInt64(seed)).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    let priorities = WorksitePriorities(instance: instance, seed: UInt64(seed))
    #expect(
      ParetoSearch.dominating(result.placement, instance, priorities: priorities) == nil)
  }

  @Test("stable DA is Pareto-dominated where TTC trades (the Pareto search can fail)")
  func tradeBeatsDeferredAcceptance() throws {
    // One seat each. Priorities s1: i1 i3 i2; s2: i2 i1 i3; s3: i3. Lists i1: s2 s1 s3;
    // i2: s1 s2 s3; i3: s1 s2 s3. DA: i3 displaces i2 at s1, i2 displaces i1 at s2, i1
    // displaces i3 at s1, i3 ends at s3 → i1 s1, i2 s2, i3 s3 — both i1 and i2 got their
    // second choice. TTC: i1→s2→i2→s1→i1 is a cycle: i1 s2, i2 s1, then i3 s3.
    let order = [["i1", "i3", "i2"], ["i2", "i1", "i3"], ["i3"]]
    let instance = try PlacementInstance(
      students: [
        ("i1", ["s2", "s1", "s3"]), ("i2", ["s1", "s2", "s3"]), ("i3", ["s1", "s2", "s3"]),
      ].map { Student(id: $0, school: "X", cluster: "it", preferences: $1) },
      worksites: ["s1", "s2", "s3"].map { Worksite(id: $0, cluster: "it", capacity: 1) },
      rankings: order.enumerated().flatMap { j, students in
        students.enumerated().map {
          WorksiteRanking(worksite: "s\(j + 1)", student: $1, rank: $0 + 1)
        }
      })
    let priorities = WorksitePriorities(instance: instance, seed: 0)
    let stable = try StableStrategy(seed: 0).place(instance).placement
    #expect(stable.assignment == [0, 1, 2])
    let better = ParetoSearch.dominating(stable, instance, priorities: priorities)
    #expect(better?.assignment == [1, 0, 2])
    let traded = try TopTradingCyclesStrategy(seed: 0).place(instance).placement
    #expect(traded.assignment == [1, 0, 2])
    #expect(ParetoSearch.dominating(traded, instance, priorities: priorities) == nil)
    // TTC is not stable: i3 has priority over i2 at s1, which i3 prefers to s3.
    #expect(instance.blockingPairs(in: traded, priorities: priorities).count == 1)
  }

  @Test("no student gains by misreporting (strategy-proofness)", arguments: 0..<150)
  func strategyProof(seed: Int) throws {
    let instance = market(seed: UInt64(2000 + seed), maxStudents: 4)
    #expect(
      try Manipulation.find(instance, strategy: TopTradingCyclesStrategy(seed: UInt64(seed)))
        == nil)
  }

  @Test(
    "larger random markets: valid, and no seat a student prefers is left empty",
    arguments: 0..<40)
  func largerMarkets(seed: Int) throws {
    let instance = RandomMarkets.make(
      seed: UInt64(7000 + seed), maxStudents: 40, maxWorksites: 8, sideRules: false)
    let priorities = WorksitePriorities(instance: instance, seed: UInt64(seed))
    let result = try TopTradingCyclesStrategy(seed: UInt64(seed)).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    var load = [Int](repeating: 0, count: instance.worksites.count)
    for s in 0..<instance.students.count {
      if let w = result.placement.worksite(of: s) { load[w] += 1 }
    }
    // Pareto efficiency implies non-wastefulness: moving a student to an empty seat they prefer
    // would make them better off and nobody worse.
    let choices = instance.choices
    for s in 0..<instance.students.count {
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        if w == result.placement.worksite(of: s) { break }
        guard priorities.key[c] != WorksitePriorities.unacceptable else { continue }
        #expect(load[w] >= instance.worksites[w].capacity, "student \(s) could take W\(w)")
      }
    }
  }

  @Test("pinned students keep their seats and take them from the others")
  func pins() throws {
    // W has one seat; B is pinned there, so A (who lists only W) stays unplaced.
    let instance = try PlacementInstance(
      students: ["A", "B"].map { Student(id: $0, school: "X", cluster: "it", preferences: ["W"]) },
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)],
      rules: PlacementRules(pins: [Pin(student: "B", worksite: "W")]))
    let result = try TopTradingCyclesStrategy(seed: 3).place(instance)
    #expect(result.placement.assignment == [-1, 0])
    #expect(instance.violations(in: result.placement).isEmpty)
  }

  @Test("refuses reserves, school limits and the other side constraints")
  func unsupported() throws {
    let instance = try PlacementInstance(
      students: [Student(id: "A", school: "X", cluster: "it", preferences: ["W"])],
      worksites: [
        Worksite(
          id: "W", cluster: "it", capacity: 2, maxPerSchool: 1,
          reserves: [SeatReserve(group: "ell", seats: .seats(1))])
      ])
    #expect(
      TopTradingCyclesStrategy(seed: 0).unsupportedRules(in: instance) == [
        .maxPerSchool, .reserves,
      ])
    #expect(throws: SolverError.self) { try TopTradingCyclesStrategy(seed: 0).place(instance) }
  }
}

/// Brute force over every placement of a tiny instance that respects pins, capacities,
/// eligibility and acceptability (a ranking worksite never holds a student it did not rank).
enum ParetoSearch {
  /// A feasible placement that every student weakly prefers to `placement` and one strictly,
  /// or `nil` when `placement` is Pareto-efficient.
  static func dominating(
    _ placement: Placement, _ instance: PlacementInstance, priorities: WorksitePriorities
  ) -> Placement? {
    let n = instance.students.count
    let current = (0..<n).map {
      StableEnumeration.value(of: placement.worksite(of: $0), for: $0, in: instance)
    }
    var candidate = Placement(studentCount: n)
    var load = [Int](repeating: 0, count: instance.worksites.count)
    func search(_ s: Int, strictly: Bool) -> Placement? {
      if s == n { return strictly ? candidate : nil }
      if instance.pinnedWorksite[s] >= 0 {
        let w = Int(instance.pinnedWorksite[s])
        guard load[w] < instance.worksites[w].capacity else { return nil }
        load[w] += 1
        candidate.assign(student: s, to: w)
        defer {
          load[w] -= 1
          candidate.assign(student: s, to: nil)
        }
        return search(s + 1, strictly: strictly)
      }
      // Unplaced is an option only when it is no worse than what the student has.
      if StableEnumeration.value(of: nil, for: s, in: instance) <= current[s],
        let found = search(s + 1, strictly: strictly)
      {
        return found
      }
      for c in instance.choices.range(of: s) {
        let w = Int(instance.choices.worksite[c])
        let value = Int(instance.choices.rank[c])
        guard value <= current[s], priorities.key[c] != WorksitePriorities.unacceptable,
          load[w] < instance.worksites[w].capacity
        else { continue }
        load[w] += 1
        candidate.assign(student: s, to: w)
        let found = search(s + 1, strictly: strictly || value < current[s])
        load[w] -= 1
        candidate.assign(student: s, to: nil)
        if let found { return found }
      }
      return nil
    }
    return search(0, strictly: false)
  }
}
