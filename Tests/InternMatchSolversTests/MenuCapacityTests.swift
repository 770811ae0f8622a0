import InternMatchModel
import InternMatchSolvers
import Testing

/// `max_per_school` and `employers.csv` on a menu of activities: worked examples, brute force
/// over every feasible placement of seeded small menus (with and without slots), the network
/// and GLPK paths, and the sequential and stable strategies' invariants.
@Suite("Menu of activities: max_per_school and employer capacities")
struct MenuCapacityTests {
  @Test("worked example: an employer's capacity spans its kinds; the kind served first wins")
  func employerAcrossKinds() throws {
    // Acme hosts one internship seat and one tour seat, but only one person in all.
    func instance(toursFirst: Bool) throws -> PlacementInstance {
      try PlacementInstance(
        students: [
          Student(id: "Ana", school: "X", cluster: "it", preferences: ["T1", "W1"])
        ],
        worksites: [
          Worksite(id: "W1", employer: "Acme", cluster: "it", capacity: 1),
          Worksite(
            id: "T1", employer: "Acme", cluster: "it", capacity: 1, kind: .workplaceTour),
        ],
        rules: PlacementRules(
          employerCapacity: [EmployerCapacity(employer: "Acme", capacity: 1)],
          activities: ActivityMenu(
            toursFirst
              ? [ActivityRule(kind: .workplaceTour, maxPerParticipant: 1, priority: 1)]
              : [])))
    }
    for toursFirst in [false, true] {
      let menu = try instance(toursFirst: toursFirst)
      for strategy in Self.strategies(seed: 3) where strategy.name != "stable" {
        let result = try strategy.placeMenu(menu)
        #expect(result.placement.count == 1)
        let kind = menu.worksites[result.placement.entries[0].worksite].kind
        #expect(kind == (toursFirst ? .workplaceTour : .internship), "\(strategy.name)")
        let short = menu.menuRows(of: result.placement).filter { $0.reason != nil }
        #expect(short.map(\.reason) == [.employerFull])
        let facts = menu.menuExplanations(of: result.placement)[0].kinds.flatMap(\.choices)
          .filter { $0.outcome != .placed }
        #expect(facts.map(\.detail) == ["employer-full=Acme"])
      }
    }
  }

  @Test("worked example: max_per_school counts a worksite's slots together")
  func schoolLimitOverSlots() throws {
    // V1 interviews two people in each of two slots, at most one of a school in all.
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["V1"]),
        Student(id: "Ben", school: "X", cluster: "it", preferences: ["V1"]),
        Student(id: "Cy", school: "Y", cluster: "it", preferences: ["V1"]),
      ],
      worksites: [
        Worksite(
          id: "V1", cluster: "it", capacity: 2, kind: .mockInterview, maxPerSchool: 1,
          slots: ["09:00", "09:20"])
      ],
      rules: PlacementRules(activities: ActivityMenu([])))
    for strategy in Self.strategies(seed: 1) {
      let result = try strategy.placeMenu(instance)
      #expect(result.placement.count == 2, "\(strategy.name)")
      let schools = result.placement.entries.map { instance.students[$0.student].school }
      #expect(Set(schools) == ["X", "Y"], "\(strategy.name)")
      let short = instance.menuRows(of: result.placement).filter { $0.reason != nil }
      #expect(short.map(\.reason) == [.maxPerSchool], "\(strategy.name)")
    }
    // Two of one school at V1 break the rule, whatever the slots.
    let both = MenuPlacement([
      .init(student: 0, worksite: 0, slot: 0), .init(student: 1, worksite: 0, slot: 1),
    ])
    #expect(
      instance.violations(in: both) == [
        .overSchoolLimit(worksite: 0, school: "X", assigned: 2, limit: 1)
      ])
  }

  @Test("stable refuses an employer's capacity on a menu, naming the rule")
  func stableRefusesEmployerCapacity() throws {
    let base = try MenuOptimalTests.randomInstance(seed: 1)
    let instance = try PlacementInstance(
      students: base.students, worksites: base.worksites,
      rules: PlacementRules(
        employerCapacity: [EmployerCapacity(employer: "A", capacity: 1)],
        activities: base.activities))
    #expect(StableStrategy(seed: 1).menuRulesNotYetSupported(in: instance) == ["employer_capacity"])
    #expect(OptimalStrategy().menuRulesNotYetSupported(in: instance).isEmpty)
    #expect(throws: SolverError.self) { try StableStrategy(seed: 1).placeMenu(instance) }
  }

  @Test("pins together with max_per_school or employers.csv on a menu are refused, with why")
  func pinsWithSeatLimitsRefused() throws {
    let students = [
      Student(id: "A", school: "X", cluster: "it", preferences: ["W1"]),
      Student(id: "B", school: "X", cluster: "it", preferences: ["W1"]),
    ]
    let pins = [Pin(student: "A", worksite: "W1")]
    let limited = try PlacementInstance(
      students: students,
      worksites: [Worksite(id: "W1", cluster: "it", capacity: 2, maxPerSchool: 1)],
      rules: PlacementRules(pins: pins, activities: ActivityMenu([])))
    let capped = try PlacementInstance(
      students: students,
      worksites: [Worksite(id: "W1", employer: "E", cluster: "it", capacity: 2)],
      rules: PlacementRules(
        employerCapacity: [EmployerCapacity(employer: "E", capacity: 1)], pins: pins,
        activities: ActivityMenu([])))
    let name = "pins with max_per_school or employers.csv"
    for instance in [limited, capped] {
      for strategy in Self.strategies(seed: 1) {
        #expect(strategy.menuRulesNotYetSupported(in: instance).contains(name))
      }
      do {
        _ = try OptimalStrategy().placeMenu(instance)
        Issue.record("placed a menu with pins and a seat limit")
      } catch {
        #expect(error.message.contains(name + " (" + MenuRefusal.reason(for: name) + ")"))
      }
    }
    // Without the pin, both are placed.
    let unpinned = try PlacementInstance(
      students: students, worksites: limited.worksites,
      rules: PlacementRules(activities: ActivityMenu([])))
    #expect(OptimalStrategy().menuRulesNotYetSupported(in: unpinned).isEmpty)
  }

  @Test("a rule still refused with a menu is named with why")
  func refusalSaysWhy() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W1"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W1"]),
      ],
      worksites: [Worksite(id: "W1", cluster: "it", capacity: 2, minimumGroupSize: 2)],
      rules: PlacementRules(
        links: [StudentLink(first: "A", second: "B")], activities: ActivityMenu([])))
    #expect(OptimalStrategy().menuRulesNotYetSupported(in: instance) == ["links", "min_group"])
    do {
      _ = try OptimalStrategy().placeMenu(instance)
      Issue.record("placed a menu with links and min_group")
    } catch {
      #expect(error.message.contains("links (" + MenuRefusal.reason(for: "links") + ")"))
      #expect(error.message.contains("; min_group (" + MenuRefusal.reason(for: "min_group")))
    }
  }

  /// The menu strategies, for a seed.
  static func strategies(seed: UInt64) -> [any MenuPlacing] {
    [
      OptimalStrategy(), SerialDictatorshipStrategy(seed: seed), GreedyStrategy(seed: seed),
      StableStrategy(seed: seed),
    ]
  }

  /// A seeded small menu (with slots for an odd `seed`) with two schools, `max_per_school` 1
  /// on some worksites and, with `employers`, capacities for employers `A` (whose worksites
  /// may be of several kinds) and sometimes `B`.
  static func randomInstance(seed: Int, employers: Bool = true) throws -> PlacementInstance {
    var rng = SplitMix64(seed: UInt64(seed) &+ 77)
    let base = try MenuSlotTests.eitherInstance(seed: seed, offset: 6100)
    let worksites = base.worksites.map { w in
      var w = w
      if Bool.random(using: &rng) { w.maxPerSchool = 1 }
      // Employer A on most worksites, so that its capacity ties kinds together.
      if w.employer == nil, Bool.random(using: &rng) { w.employer = "A" }
      return w
    }
    let students = base.students.map { s in
      var s = s
      s.school = Bool.random(using: &rng) ? "X" : "Y"
      return s
    }
    var capacities: [EmployerCapacity] = []
    if employers, worksites.contains(where: { $0.employer == "A" }) {
      capacities.append(
        EmployerCapacity(employer: "A", capacity: [1, 1, 2][Int.random(in: 0..<3, using: &rng)]))
    }
    if employers, worksites.contains(where: { $0.employer == "B" }), Bool.random(using: &rng) {
      capacities.append(
        EmployerCapacity(employer: "B", capacity: Int.random(in: 0...1, using: &rng)))
    }
    return try PlacementInstance(
      students: students, worksites: worksites,
      rules: PlacementRules(employerCapacity: capacities, activities: base.activities))
  }

  @Test("brute force: optimal, by every path, is the lexicographic optimum", arguments: 0..<200)
  func optimalAgrees(seed: Int) throws {
    let instance = try Self.randomInstance(seed: seed)
    let best = MenuSlotTests.bruteForce(instance, .linear)
    try MenuSlotTests.expectEveryPath(instance, reaches: best, seed: seed)
    let glpk = try OptimalStrategy(backend: .glpk).placeMenu(instance)
    #expect(glpk.objective == best, "seed \(seed), glpk")
  }

  @Test(
    "brute force: one employer over every kind, no slots (network, then GLPK)", arguments: 0..<150)
  func employerTiesEveryKind(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 4400)
    let base = try MenuOptimalTests.randomInstance(seed: UInt64(4400 + seed))
    let instance = try PlacementInstance(
      students: base.students,
      worksites: base.worksites.map { w in
        var w = w
        w.employer = "A"
        return w
      },
      rules: PlacementRules(
        employerCapacity: [
          EmployerCapacity(employer: "A", capacity: Int.random(in: 1...3, using: &rng))
        ],
        activities: base.activities))
    for cost in RankCost.allCases {
      let best = MenuOptimalTests.bruteForce(instance, cost)
      let result = try OptimalStrategy(rankCost: cost).placeMenu(instance)
      #expect(result.objective == best, "seed \(seed), \(cost)")
      #expect(result.status == .optimal)
      let glpk = try OptimalStrategy(rankCost: cost, backend: .glpk).placeMenu(instance)
      #expect(glpk.objective == best, "seed \(seed), \(cost), glpk")
    }
  }

  @Test("every strategy keeps both limits; every reason is a fact", arguments: 0..<200)
  func strategiesKeepLimits(seed: Int) throws {
    let instance = try Self.randomInstance(seed: seed)
    for strategy in Self.strategies(seed: UInt64(seed))
    where strategy.menuRulesNotYetSupported(in: instance).isEmpty {
      let result = try strategy.placeMenu(instance)
      #expect(instance.violations(in: result.placement).isEmpty, "\(strategy.name)")
      if strategy.name != "stable" {
        try MenuExplanationTests.check(
          instance.menuExplanations(of: result.placement), of: result, in: instance)
      }
    }
  }

  @Test("stable with max_per_school: no blocking pair in a kind without slots", arguments: 0..<150)
  func stableWithoutSlots(seed: Int) throws {
    // Even seeds: no slots.
    let instance = try Self.randomInstance(seed: 2 * seed, employers: false)
    let stable = StableStrategy(seed: UInt64(seed))
    let result = try stable.placeMenu(instance)
    let priorities = WorksitePriorities(instance: instance, seed: UInt64(seed))
    #expect(instance.menuBlockingPairs(in: result.placement, priorities: priorities).isEmpty)
  }

  @Test("stable, max_per_school and slots: a refused person can block by an extra placement")
  func stableSchoolLimitWithSlots() throws {
    // W interviews one person at am and one at pm, at most one of a school, and ranks Bea
    // before Abe before Pat (Abe and Bea of school X). Bea tours at am first (tours are served
    // first), so she can only interview at pm.
    let instance = try PlacementInstance(
      students: [
        Student(id: "Abe", school: "X", cluster: "it", preferences: ["W"]),
        Student(id: "Pat", school: "Y", cluster: "it", preferences: ["W"]),
        Student(id: "Bea", school: "X", cluster: "it", preferences: ["T", "W"]),
      ],
      worksites: [
        Worksite(
          id: "W", cluster: "it", capacity: 1, kind: .mockInterview, maxPerSchool: 1,
          slots: ["am", "pm"]),
        Worksite(id: "T", cluster: "it", capacity: 1, kind: .workplaceTour, slots: ["am"]),
      ],
      rankings: ["Bea", "Abe", "Pat"].enumerated().map {
        WorksiteRanking(worksite: "W", student: $0.element, rank: $0.offset + 1)
      },
      rules: PlacementRules(activities: ActivityMenu([])))
    var met = false
    for seed in UInt64(0)..<64 {
      let priorities = WorksitePriorities(instance: instance, seed: seed)
      guard priorities.sequence == [0, 1, 2] else { continue }
      met = true
      // Abe holds am; Pat is refused at am and holds pm; Bea takes pm, pushing out Abe (the
      // school's seat) and Pat (the slot's). am stays free, and Pat is not asked again.
      let result = try StableStrategy(seed: seed).placeMenu(instance)
      #expect(
        result.placement.entries == [
          .init(student: 2, worksite: 0, slot: 1), .init(student: 2, worksite: 1, slot: 0),
        ])
      #expect(
        instance.menuBlockingPairs(in: result.placement, priorities: priorities) == [
          MenuBlockingPair(student: 1, worksite: 0, slot: 0)
        ])
    }
    #expect(met)
  }
}
