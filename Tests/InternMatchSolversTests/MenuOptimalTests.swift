import InternMatchModel
import InternMatchSolvers
import Testing

/// `optimal` on a menu of activities: worked examples and brute force over every feasible
/// multi-placement of small seeded instances (caps per kind, priorities, teachers,
/// `max_per_employer`).
@Suite("Optimal strategy: the menu of activities")
struct MenuOptimalTests {
  /// Solves, checks the invariants and the recomputed value.
  func solve(_ instance: PlacementInstance, _ cost: RankCost = .linear) throws -> MenuResult {
    let result = try OptimalStrategy(rankCost: cost).placeMenu(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    #expect(result.objective == instance.objective(of: result.placement, rankCost: cost))
    return result
  }

  @Test("worked example: two mock interviews and an internship, ranks within a kind")
  func workedExample() throws {
    // Ana lists M1;W1;M2;W2: mock interviews M1 (rank 1), M2 (rank 2); internships W1 (rank 1),
    // W2 (rank 2). Ben lists W1 only. W1 has one seat: Ben must have it (more placed), Ana
    // takes W2 at internship rank 2, and both mock interviews (cap 2).
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["M1", "W1", "M2", "W2"]),
        Student(id: "Ben", school: "X", cluster: "it", preferences: ["W1"]),
      ],
      worksites: [
        Worksite(id: "W1", cluster: "it", capacity: 1),
        Worksite(id: "W2", cluster: "it", capacity: 1),
        Worksite(id: "M1", cluster: "it", capacity: 1, kind: .mockInterview),
        Worksite(id: "M2", cluster: "it", capacity: 1, kind: .mockInterview),
      ],
      rules: PlacementRules(
        activities: ActivityMenu([
          ActivityRule(kind: .mockInterview, maxPerParticipant: 2, priority: 1)
        ])))
    let result = try solve(instance)
    #expect(
      result.placement.entries.map { [$0.student, $0.worksite] } == [
        [0, 1], [0, 2], [0, 3], [1, 0],
      ])
    // Served order: mock-interview (priority 1), then internship, then the other defaults.
    #expect(result.objective.levels[0] == PlacementObjective(placed: 2, cost: 3))
    #expect(result.objective.levels[1] == PlacementObjective(placed: 2, cost: 3))
  }

  @Test("teachers take externships only; students never do")
  func teachers() throws {
    var teacher = Student(id: "T", school: "X", cluster: "it", preferences: ["E1", "W1"])
    teacher.role = .teacher
    let instance = try PlacementInstance(
      students: [
        teacher, Student(id: "S", school: "X", cluster: "it", preferences: ["E1", "W1"]),
      ],
      worksites: [
        Worksite(id: "W1", cluster: "it", capacity: 2),
        Worksite(id: "E1", cluster: "it", capacity: 2, kind: .teacherExternship),
      ],
      rules: PlacementRules(activities: ActivityMenu([])))
    let result = try solve(instance)
    #expect(result.placement.entries.map { [$0.student, $0.worksite] } == [[0, 1], [1, 0]])
    // E1 keeps its rank 1 for the teacher, W1 its rank 1 for the student (their own kinds).
    #expect(result.objective.placed == 2)
  }

  @Test("max_per_employer: no two mock interviews with one employer")
  func perEmployer() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "S", school: "X", cluster: "it", preferences: ["M1", "M2", "M3"])
      ],
      worksites: [
        Worksite(id: "M1", employer: "A", cluster: "it", capacity: 1, kind: .mockInterview),
        Worksite(id: "M2", employer: "A", cluster: "it", capacity: 1, kind: .mockInterview),
        Worksite(id: "M3", employer: "B", cluster: "it", capacity: 1, kind: .mockInterview),
      ],
      rules: PlacementRules(
        activities: ActivityMenu([
          ActivityRule(
            kind: .mockInterview, maxPerParticipant: 3, priority: 1, maxPerEmployer: 1)
        ])))
    let result = try solve(instance)
    #expect(result.placement.entries.map(\.worksite) == [0, 2])
    #expect(result.objective.levels[0] == PlacementObjective(placed: 2, cost: 4))
  }

  @Test("rules not yet supported with a menu are refused, naming them")
  func refusals() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "S", school: "X", cluster: "it", preferences: ["W1"]),
        Student(id: "T", school: "X", cluster: "it", preferences: ["W1"]),
      ],
      worksites: [Worksite(id: "W1", cluster: "it", capacity: 1, slots: ["am", "pm"])],
      rules: PlacementRules(
        links: [StudentLink(first: "S", second: "T")], activities: ActivityMenu([])))
    #expect(OptimalStrategy().menuRulesNotYetSupported(in: instance) == ["links"])
    #expect(OptimalStrategy(backend: .glpk).menuRulesNotYetSupported(in: instance) == ["links"])
    #expect(throws: SolverError.self) { try OptimalStrategy().placeMenu(instance) }
    #expect(throws: SolverError.self) { try OptimalStrategy().place(instance) }
  }

  /// A small seeded instance: 2–4 people (one may be a teacher), 2–5 worksites of three kinds,
  /// random lists, capacities 0–2, two employers, a random menu.
  static func randomInstance(seed: UInt64) throws -> PlacementInstance {
    var rng = SplitMix64(seed: seed)
    let kinds: [WorksiteKind] = [.internship, .mockInterview, .teacherExternship]
    let siteKinds: [WorksiteKind] = [
      .internship, .mockInterview, .mockInterview, .teacherExternship,
    ]
    let siteCount = Int.random(in: 2...5, using: &rng)
    let worksites = (0..<siteCount).map { j in
      Worksite(
        id: "W\(j)", employer: ["A", "B", "A", nil][Int.random(in: 0..<4, using: &rng)],
        cluster: "it", capacity: [0, 1, 1, 2][Int.random(in: 0..<4, using: &rng)],
        minimumAge: Int.random(in: 0..<5, using: &rng) == 0 ? 17 : 0,
        kind: siteKinds[Int.random(in: 0..<siteKinds.count, using: &rng)])
    }
    let students = (0..<Int.random(in: 2...3, using: &rng)).map { i in
      var s = Student(
        id: "S\(i)", school: "X", cluster: "it", age: Int.random(in: 15...18, using: &rng),
        preferences: Array(
          worksites.map(\.id).shuffled(using: &rng).prefix(Int.random(in: 0...4, using: &rng))))
      if Int.random(in: 0..<4, using: &rng) == 0 { s.role = .teacher }
      return s
    }
    let priorities = [1, 2, 3].shuffled(using: &rng)
    let rules = kinds.enumerated().compactMap { k, kind -> ActivityRule? in
      guard Int.random(in: 0..<4, using: &rng) > 0 else { return nil }  // some kinds unlisted
      return ActivityRule(
        kind: kind, maxPerParticipant: [0, 1, 2, 2, 3][Int.random(in: 0..<5, using: &rng)],
        priority: priorities[k],
        maxPerEmployer: Bool.random(using: &rng) ? 1 : nil)
    }
    return try PlacementInstance(
      students: students, worksites: worksites,
      rules: PlacementRules(activities: ActivityMenu(rules)))
  }

  /// The best value over every subset of the eligible (person, worksite) pairs that the
  /// independent checks accept (and that hold `pair`, when given; no levels when none does).
  static func bruteForce(
    _ instance: PlacementInstance, _ cost: RankCost, containing pair: MenuPlacement.Entry? = nil
  ) -> MenuObjective {
    var pairs: [MenuPlacement.Entry] = []
    for s in instance.students.indices {
      for c in instance.choices.range(of: s) {
        pairs.append(.init(student: s, worksite: Int(instance.choices.worksite[c])))
      }
    }
    var best: MenuObjective?
    for mask in 0..<(1 << pairs.count) {
      let chosen = pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] }
      if let pair, !chosen.contains(pair) { continue }
      let placement = MenuPlacement(chosen)
      guard instance.violations(in: placement).isEmpty else { continue }
      let value = instance.objective(of: placement, rankCost: cost)
      if best.map({ value < $0 }) ?? true { best = value }
    }
    return best ?? MenuObjective(levels: [])
  }

  @Test("one weighted solve and two unweighted solves give the same optimum", arguments: 0..<100)
  func oneAndTwoPasses(seed: Int) throws {
    let instance = try Self.randomInstance(seed: UInt64(8300 + seed))
    for cost in RankCost.allCases {
      let one = try MenuNetwork(instance, rankCost: cost)
      let two = try MenuNetwork(instance, rankCost: cost, onePass: false)
      #expect(one.objective == two.objective, "seed \(seed), \(cost)")
      #expect(instance.violations(in: two.placement).isEmpty)
    }
  }

  @Test(
    "brute force: the lexicographic optimum over every feasible multi-placement", arguments: 0..<300
  )
  func bruteForceAgrees(seed: Int) throws {
    let instance = try Self.randomInstance(seed: UInt64(9100 + seed))
    for cost in RankCost.allCases {
      let result = try solve(instance, cost)
      #expect(result.objective == Self.bruteForce(instance, cost), "seed \(seed), \(cost)")
    }
  }
}

/// The MIP path (time slots): worked example, brute force, and agreement with the network path.
@Suite("Optimal strategy: the menu with time slots (GLPK)")
struct MenuSlotTests {
  @Test("worked example: a mock-interview volunteer with three slots, and a tour at 9:00")
  func volunteer() throws {
    // V1 interviews one student per slot (09:00, 09:20, 09:40). Tour T1 runs at 09:00 only, and
    // Ana and Ben both want it and an interview: whoever tours cannot interview at 09:00.
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["T1", "V1"]),
        Student(id: "Ben", school: "X", cluster: "it", preferences: ["V1", "T1"]),
        Student(id: "Cy", school: "X", cluster: "it", preferences: ["V1"]),
      ],
      worksites: [
        Worksite(
          id: "V1", cluster: "it", capacity: 1, kind: .mockInterview,
          slots: ["09:00", "09:20", "09:40"]),
        Worksite(id: "T1", cluster: "it", capacity: 2, kind: .workplaceTour, slots: ["09:00"]),
      ],
      rules: PlacementRules(activities: ActivityMenu([])))
    let result = try OptimalStrategy().placeMenu(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    #expect(result.status == .optimal)
    // Every interview slot filled, both tours taken; no one in two places at 09:00.
    let level = { (kind: WorksiteKind) in
      result.objective.levels[instance.activities?.level(of: kind) ?? 0]
    }
    #expect(level(.mockInterview) == PlacementObjective(placed: 3, cost: 3))
    // T1 is each one's first tour (Ben lists it second, but first among tours): cost 1 + 1.
    #expect(level(.workplaceTour) == PlacementObjective(placed: 2, cost: 2))
    let rows = instance.menuRows(of: result.placement)
    #expect(rows.allSatisfy { $0.reason == nil })
    #expect(Set(rows.compactMap(\.slot)) == ["09:00", "09:20", "09:40"])
  }

  @Test(
    "slots tie kinds together: the kind served first wins the shared slot",
    arguments: [(WorksiteKind.workplaceTour, "V1"), (.mockInterview, "T1")])
  func priorityDecides(first: WorksiteKind, short: String) throws {
    // Ana wants tour T1 and interview V1, both only at 09:00. Without a rule the tour is served
    // first (default order); a menu giving mock interviews priority 1 reverses it.
    let rules =
      first == .mockInterview
      ? [ActivityRule(kind: .mockInterview, maxPerParticipant: 1, priority: 1)] : []
    let instance = try PlacementInstance(
      students: [Student(id: "Ana", school: "X", cluster: "it", preferences: ["T1", "V1"])],
      worksites: [
        Worksite(id: "T1", cluster: "it", capacity: 5, kind: .workplaceTour, slots: ["09:00"]),
        Worksite(id: "V1", cluster: "it", capacity: 1, kind: .mockInterview, slots: ["09:00"]),
      ],
      rules: PlacementRules(activities: ActivityMenu(rules)))
    let result = try OptimalStrategy().placeMenu(instance)
    #expect(result.placement.entries.map { instance.worksites[$0.worksite].kind } == [first])
    let rows = instance.menuRows(of: result.placement)
    let shortRow = try #require(rows.first { $0.reason != nil })
    #expect(shortRow.reason == .slotConflict)
    #expect(shortRow.kind == instance.worksites[instance.worksiteIndex[short] ?? 0].kind)
  }

  /// A small seeded instance whose worksites have 0–2 slots of the labels `am` and `pm`.
  static func randomInstance(seed: UInt64) throws -> PlacementInstance {
    var rng = SplitMix64(seed: seed)
    let base = try MenuOptimalTests.randomInstance(seed: seed)
    let labels = [[], ["am"], ["pm"], ["am", "pm"]]
    let worksites = base.worksites.map { w in
      var w = w
      w.slots = labels[Int.random(in: 0..<labels.count, using: &rng)]
      return w
    }
    let students = base.students.map { s in
      var s = s
      s.preferences = WorksiteList(s.preferences.prefix(3))
      return s
    }
    return try PlacementInstance(students: students, worksites: worksites, rules: base.rules)
  }

  /// A seeded instance of either family: without slots for an even `seed`, with slots else.
  static func eitherInstance(seed: Int, offset: Int) throws -> PlacementInstance {
    seed.isMultiple(of: 2)
      ? try MenuOptimalTests.randomInstance(seed: UInt64(offset + seed))
      : try randomInstance(seed: UInt64(offset + seed))
  }

  /// The best value over every subset of (person, worksite, slot) columns the checks accept.
  static func bruteForce(_ instance: PlacementInstance, _ cost: RankCost) -> MenuObjective {
    let columns = MenuPinTests.columns(of: instance)
    var best: MenuObjective?
    for mask in 0..<(1 << columns.count) {
      let placement = MenuPlacement(
        columns.indices.filter { mask & (1 << $0) != 0 }.map { columns[$0] })
      guard instance.violations(in: placement).isEmpty else { continue }
      let value = instance.objective(of: placement, rankCost: cost)
      if best.map({ value < $0 }) ?? true { best = value }
    }
    return best ?? MenuObjective(levels: [])
  }

  @Test("brute force: lexicographic optimum with slot conflicts", arguments: 0..<120)
  func bruteForceAgrees(seed: Int) throws {
    let instance = try Self.randomInstance(seed: UInt64(5200 + seed))
    try Self.expectEveryPath(instance, reaches: Self.bruteForce(instance, .linear), seed: seed)
  }

  /// `best` reached, proven and valid by every path of `optimal` on `instance`: the greedy
  /// start then the MIP, the MIP on every set, and slots with repairs first.
  static func expectEveryPath(_ instance: PlacementInstance, reaches best: MenuObjective, seed: Int)
    throws
  {
    for (alwaysSearch, repairAbove) in [(false, 20_000), (true, 20_000), (false, 0)] {
      let result = try OptimalStrategy().placeMenu(
        instance, alwaysSearch: alwaysSearch, repairAbove: repairAbove)
      #expect(instance.violations(in: result.placement).isEmpty)
      #expect(result.objective == best, "seed \(seed), search \(alwaysSearch), \(repairAbove)")
      #expect(result.status == .optimal)
    }
  }

  @Test("--solver glpk: the MIP without slots reaches the network's optimum", arguments: 0..<60)
  func glpkWithoutSlots(seed: Int) throws {
    let instance = try MenuOptimalTests.randomInstance(seed: UInt64(7900 + seed))
    for cost in RankCost.allCases {
      let network = try OptimalStrategy(rankCost: cost).placeMenu(instance)
      let glpk = try OptimalStrategy(rankCost: cost, backend: .glpk).placeMenu(instance)
      #expect(network.solver.hasPrefix("network-simplex"))
      #expect(glpk.solver.hasPrefix("glpk-branch-and-cut"))
      #expect(glpk.status == .optimal)
      #expect(instance.violations(in: glpk.placement).isEmpty)
      #expect(network.objective == glpk.objective, "seed \(seed), \(cost)")
    }
  }

  @Test("without slot conflicts the MIP and the network agree", arguments: 0..<60)
  func pathsAgree(seed: Int) throws {
    // Every worksite gets its own slot label: slots that never conflict, solved by the MIP,
    // against the same instance without slots, solved by the network.
    let plain = try MenuOptimalTests.randomInstance(seed: UInt64(7300 + seed))
    let slotted = try PlacementInstance(
      students: plain.students,
      worksites: plain.worksites.map { w in
        var w = w
        w.slots = ["slot-of-\(w.id)"]
        return w
      }, rules: plain.rules)
    for cost in RankCost.allCases {
      let network = try OptimalStrategy(rankCost: cost).placeMenu(plain)
      let mip = try OptimalStrategy(rankCost: cost).placeMenu(slotted, alwaysSearch: true)
      #expect(network.solver.hasPrefix("network-simplex"))
      #expect(mip.solver.hasPrefix("glpk-branch-and-cut"))
      #expect(network.objective == mip.objective, "seed \(seed), \(cost)")
    }
  }
}
