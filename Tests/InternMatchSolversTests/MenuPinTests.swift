import InternMatchModel
import InternMatchSolvers
import Testing

/// Pins on a menu of activities (`pins.csv` with `activities.csv`): the rules a pin must keep
/// (errors of its record), and every menu strategy holding them — brute force over every
/// feasible placement holding the pins of small seeded menus, network and GLPK agreeing.
@Suite("Pins on a menu of activities")
struct MenuPinTests {
  /// Ana lists M1;W1;M2; Ben lists W1;M1. Mock interviews at M1 (slots am, pm, one seat each)
  /// and M2 (am), cap 2, max 1 per employer (M1 and M2 are both Acme's).
  static func people(_ pins: [Pin]) throws(InstanceValidationError) -> PlacementInstance {
    var teacher = Student(id: "Tess", school: "X", cluster: "it", preferences: ["E1"])
    teacher.role = .teacher
    return try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["M1", "W1", "M2"]),
        Student(id: "Ben", school: "X", cluster: "it", preferences: ["W1", "M1"]),
        teacher,
      ],
      worksites: [
        Worksite(id: "W1", employer: "Bolt", cluster: "it", capacity: 1),
        Worksite(id: "W2", employer: "Bolt", cluster: "it", capacity: 1),
        Worksite(
          id: "M1", employer: "Acme", cluster: "it", capacity: 1, kind: .mockInterview,
          slots: ["am", "pm"]),
        Worksite(
          id: "M2", employer: "Acme", cluster: "it", capacity: 1, kind: .mockInterview,
          slots: ["am"]),
        Worksite(id: "M3", cluster: "it", capacity: 1, kind: .mockInterview, slots: ["am"]),
        Worksite(id: "E1", cluster: "it", capacity: 1, kind: .teacherExternship),
      ],
      rules: PlacementRules(
        pins: pins,
        activities: ActivityMenu([
          ActivityRule(kind: .mockInterview, maxPerParticipant: 2, priority: 2, maxPerEmployer: 1),
          ActivityRule(kind: .internship, maxPerParticipant: 1, priority: 1),
        ])))
  }

  /// The message of the error building `pins` gives at pin record `record`, with its field.
  static func pinError(_ pins: [Pin]) -> (record: Int, field: String, message: String)? {
    do {
      _ = try people(pins)
      return nil
    } catch {
      return error.issues.compactMap { issue -> (record: Int, field: String, message: String)? in
        guard issue.severity == .error, case .pin(let k) = issue.record else { return nil }
        return (k, issue.field, issue.message)
      }.first
    }
  }

  @Test(
    "a pin that breaks a menu rule is an error of its record",
    arguments: [
      ([Pin(student: "Tess", worksite: "W1")], 0, "worksite", "does not offer to teachers"),
      ([Pin(student: "Ana", worksite: "M1")], 0, "slot", "must name one of 'am', 'pm'"),
      ([Pin(student: "Ana", worksite: "M1", slot: "noon")], 0, "slot", "has no slot 'noon'"),
      ([Pin(student: "Ana", worksite: "W1", slot: "am")], 0, "slot", "has no slots"),
      (
        [
          Pin(student: "Ana", worksite: "M1", slot: "am"),
          Pin(student: "Ana", worksite: "M1", slot: "pm"),
        ],
        1, "worksite", "twice"
      ),
      (
        [
          Pin(student: "Ana", worksite: "M1", slot: "am"),
          Pin(student: "Ana", worksite: "M3", slot: "am"),
        ],
        1, "slot", "two pins in slot 'am'"
      ),
      (
        [
          Pin(student: "Ana", worksite: "M1", slot: "pm"),
          Pin(student: "Ana", worksite: "M2", slot: "am"),
        ],
        1, "worksite", "max_per_employer 1"
      ),
      (
        [Pin(student: "Ana", worksite: "W1"), Pin(student: "Ana", worksite: "W2")], 1, "worksite",
        "max_per_participant 1"
      ),
      (
        [
          Pin(student: "Ana", worksite: "M1", slot: "am"),
          Pin(student: "Ben", worksite: "M1", slot: "am"),
        ],
        1, "worksite", "than its 1 seats"
      ),
      ([Pin(student: "Zed", worksite: "W1")], 0, "student", "unknown student 'Zed'"),
    ])
  func badPins(pins: [Pin], record: Int, field: String, message: String) throws {
    let error = try #require(Self.pinError(pins))
    #expect(error.record == record)
    #expect(error.field == field)
    #expect(error.message.contains(message), "\(error.message)")
  }

  @Test("valid pins: several per person, in different slots, one per employer")
  func validPins() throws {
    let instance = try Self.people([
      Pin(student: "Ana", worksite: "M1", slot: "pm"),
      Pin(student: "Ana", worksite: "M3", slot: "am"),
      Pin(student: "Ana", worksite: "W2"), Pin(student: "Tess", worksite: "E1"),
    ])
    #expect(instance.menuPins.count == 4)
    // W2 is not on Ana's list: rank 0, as a single-seat pin; M3 neither.
    #expect(instance.menuRank(of: 0, at: 1) == 0)
    #expect(instance.menuRank(of: 0, at: 2) == 1)
  }

  /// Every menu strategy's result on `instance`, checked.
  static func everyStrategy(_ instance: PlacementInstance) throws -> [(String, MenuResult)] {
    let results: [(String, MenuResult)] = [
      ("optimal", try OptimalStrategy().placeMenu(instance)),
      ("optimal glpk", try OptimalStrategy(backend: .glpk).placeMenu(instance)),
      ("optimal search", try OptimalStrategy().placeMenu(instance, alwaysSearch: true)),
      ("stable", try StableStrategy(seed: 3).placeMenu(instance)),
      ("serial-dictatorship", try SerialDictatorshipStrategy(seed: 3).placeMenu(instance)),
      ("greedy", try GreedyStrategy(seed: 3).placeMenu(instance)),
    ]
    for (name, result) in results {
      #expect(instance.violations(in: result.placement).isEmpty, "\(name)")
      for pin in instance.menuPins {
        #expect(result.placement.placements(of: pin.student).contains(pin), "\(name): \(pin)")
      }
    }
    return results
  }

  @Test("worked example: Ben pinned to M1 at am; Ana keeps W1 and takes M1 at pm")
  func workedExample() throws {
    // Without pins Ben would take W1 (internship first, Ana and Ben both list it first: the
    // optimum gives it to either). Pinning Ana to W2 (off her list) makes W1 Ben's, and Ben's
    // pin at M1 am leaves Ana M1's pm slot.
    let instance = try Self.people([
      Pin(student: "Ben", worksite: "M1", slot: "am"), Pin(student: "Ana", worksite: "W2"),
    ])
    for (name, result) in try Self.everyStrategy(instance) {
      let ana = result.placement.placements(of: 0).map { [$0.worksite, $0.slot ?? -1] }
      let ben = result.placement.placements(of: 1).map { [$0.worksite, $0.slot ?? -1] }
      #expect(ana == [[1, -1], [2, 1]], "\(name)")  // W2 (pinned), M1 at pm
      #expect(ben == [[0, -1], [2, 0]], "\(name)")  // W1, M1 at am (pinned)
    }
    let optimal = try OptimalStrategy().placeMenu(instance)
    // Internship: W2 at rank 0 (pinned off the list), W1 at rank 1; mock interviews 1 + 1.
    #expect(optimal.objective.levels[0] == PlacementObjective(placed: 2, cost: 1))
    #expect(optimal.objective.levels[1] == PlacementObjective(placed: 2, cost: 2))
    // The explanation gives the pin as the reason for Ben's M1 (and Ana's W2 is not listed).
    let ben = instance.menuExplanations(of: optimal.placement)[1]
    let m1 = ben.kinds.flatMap(\.choices).first { $0.worksite == "M1" }
    #expect(m1?.detail == "pinned")
    #expect(m1?.slot == "am")
  }

  @Test("a placement missing a pin, or with the pin in another slot, breaks the rules")
  func pinNotHonoured() throws {
    let instance = try Self.people([Pin(student: "Ben", worksite: "M1", slot: "am")])
    let moved = MenuPlacement([.init(student: 1, worksite: 2, slot: 1)])
    #expect(instance.violations(in: moved).contains(.pinNotHonoured(student: 1, worksite: 2)))
    #expect(
      instance.violations(in: MenuPlacement([])).contains(.pinNotHonoured(student: 1, worksite: 2)))
  }

  /// A seeded menu (with slots for an odd `seed`) and up to three pins drawn at random among
  /// the pairs of kinds offered to the person, kept only when the instance accepts them.
  static func pinnedInstance(seed: Int) throws -> PlacementInstance {
    let base = try MenuSlotTests.eitherInstance(seed: seed, offset: 4400)
    var rng = SplitMix64(seed: UInt64(seed) &* 7919)
    var pins: [Pin] = []
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      let s = base.students[Int.random(in: 0..<base.students.count, using: &rng)]
      let w = base.worksites[Int.random(in: 0..<base.worksites.count, using: &rng)]
      let slot = w.slots.isEmpty ? nil : w.slots[Int.random(in: 0..<w.slots.count, using: &rng)]
      let candidate = pins + [Pin(student: s.id, worksite: w.id, slot: slot)]
      var rules = base.rules
      rules.pins = candidate
      if (try? PlacementInstance(students: base.students, worksites: base.worksites, rules: rules))
        != nil
      {
        pins = candidate
      }
    }
    var rules = base.rules
    rules.pins = pins
    return try PlacementInstance(students: base.students, worksites: base.worksites, rules: rules)
  }

  /// Every column of `instance`: its pins and its eligible choices, each slot of a worksite
  /// with slots, in order.
  static func columns(of instance: PlacementInstance) -> [MenuPlacement.Entry] {
    var columns = Set(instance.menuPins)
    for s in instance.students.indices {
      for c in instance.choices.range(of: s) {
        let w = Int(instance.choices.worksite[c])
        let slots = instance.worksites[w].slots
        if slots.isEmpty {
          columns.insert(.init(student: s, worksite: w))
        } else {
          for t in slots.indices { columns.insert(.init(student: s, worksite: w, slot: t)) }
        }
      }
    }
    return columns.sorted()
  }

  /// The best value over every subset of columns (eligible choices and pins, each slot of a
  /// worksite with slots) that the independent checks accept — pins held included.
  static func bruteForce(
    _ instance: PlacementInstance, _ cost: RankCost, containing pair: MenuPlacement.Entry? = nil
  ) -> MenuObjective? {
    let list = columns(of: instance)
    var best: MenuObjective?
    for mask in 0..<(1 << list.count) {
      let placement = MenuPlacement(list.indices.filter { mask & (1 << $0) != 0 }.map { list[$0] })
      guard instance.violations(in: placement).isEmpty else { continue }
      if let pair, !placement.placements(of: pair.student).contains(pair) { continue }
      let value = instance.objective(of: placement, rankCost: cost)
      if best.map({ value < $0 }) ?? true { best = value }
    }
    return best
  }

  @Test("brute force: the optimum holding the pins, every strategy holds them", arguments: 0..<120)
  func bruteForceAgrees(seed: Int) throws {
    let instance = try Self.pinnedInstance(seed: seed)
    let results = try Self.everyStrategy(instance)
    let best = try #require(Self.bruteForce(instance, .linear))
    for (name, result) in results where name.hasPrefix("optimal") {
      #expect(result.objective == best, "seed \(seed), \(name), pins \(instance.rules.pins)")
      #expect(result.status == .optimal)
    }
  }

  @Test("one and two network passes agree with pins", arguments: 0..<60)
  func passesAgree(seed: Int) throws {
    let instance = try Self.pinnedInstance(seed: 2 * seed)  // without slots
    for cost in RankCost.allCases {
      let one = try MenuNetwork(instance, rankCost: cost)
      let two = try MenuNetwork(instance, rankCost: cost, onePass: false)
      #expect(one.objective == two.objective, "seed \(seed)")
      #expect(instance.violations(in: two.placement).isEmpty)
    }
  }

  @Test("stable with pins and no slots: no blocking pair (pins never given up)", arguments: 0..<80)
  func stableWithPins(seed: Int) throws {
    let instance = try Self.pinnedInstance(seed: 2 * seed)  // without slots
    let priorities = WorksitePriorities(instance: instance, seed: UInt64(seed))
    let result = try StableStrategy(seed: UInt64(seed)).placeMenu(instance)
    #expect(instance.menuBlockingPairs(in: result.placement, priorities: priorities).isEmpty)
  }

  @Test("optimal prices with pins: the best placement holding pins and the pair", arguments: 0..<60)
  func pricesWithPins(seed: Int) throws {
    let instance = try Self.pinnedInstance(seed: 2 * seed)  // without slots
    let menu = try #require(instance.activities)
    let result = try OptimalStrategy().placeMenu(instance)
    let priced = try OptimalStrategy().pricing(
      instance.menuExplanations(of: result.placement), of: result, in: instance)
    for (s, e) in priced.enumerated() {
      for k in e.kinds {
        for c in k.choices where c.placedChange != nil {
          let w = try #require(instance.worksiteIndex[c.worksite])
          let best = try #require(
            Self.bruteForce(instance, .linear, containing: .init(student: s, worksite: w)))
          MenuExplanationTests.expectPrice(
            of: c, at: menu.level(of: k.kind), run: result.objective, best: best, "seed \(seed)")
        }
      }
    }
  }
}
