import InternMatchModel
import InternMatchSolvers
import Testing

/// Explanations per (person, kind) on a menu: every reason checked against the instance and
/// the placement by brute force, on seeded small menus with slots, for each menu strategy.
@Suite("Explanations on a menu of activities")
struct MenuExplanationTests {
  /// The menu strategies, for a seed.
  static func strategies(seed: UInt64) -> [any MenuPlacing] {
    [
      OptimalStrategy(), SerialDictatorshipStrategy(seed: seed), GreedyStrategy(seed: seed),
    ]
  }

  @Test("worked example: a slot conflict names the placement holding the label")
  func slotConflict() throws {
    // Ana wants tour T1 (09:00) and interviews at V1 (09:00 only, free) — tours first.
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["V1", "T1", "V2"])
      ],
      worksites: [
        Worksite(id: "T1", cluster: "it", capacity: 1, kind: .workplaceTour, slots: ["09:00"]),
        Worksite(id: "V1", cluster: "it", capacity: 1, kind: .mockInterview, slots: ["09:00"]),
        Worksite(id: "V2", cluster: "it", capacity: 0, kind: .mockInterview),
      ],
      rules: PlacementRules(
        activities: ActivityMenu([
          ActivityRule(kind: .workplaceTour, maxPerParticipant: 1, priority: 1)
        ])))
    let result = try OptimalStrategy().placeMenu(instance)
    let ana = try #require(instance.menuExplanations(of: result.placement).first)
    #expect(ana.kinds.map(\.kind) == [.workplaceTour, .mockInterview])
    #expect(ana.kinds[0].placements.map(\.slot) == ["09:00"])
    let interviews = ana.kinds[1]
    #expect(interviews.shortfall == .slotConflict)
    #expect(interviews.choices.map(\.outcome) == [.slotConflict, .noSeats])
    #expect(interviews.choices.map(\.rank) == [1, 2])
    #expect(interviews.choices[0].detail == "slot-conflict=09:00@T1")
  }

  @Test("every reason is a fact of the placement, checked by brute force", arguments: 0..<150)
  func reasonsAreTrue(seed: Int) throws {
    let instance = try MenuSlotTests.randomInstance(seed: UInt64(seed))
    for strategy in Self.strategies(seed: UInt64(seed)) {
      let result = try strategy.placeMenu(instance)
      try Self.check(instance.menuExplanations(of: result.placement), of: result, in: instance)
    }
  }

  /// Checks every explanation against `instance` and `result` independently of the explainer.
  static func check(
    _ explanations: [MenuExplanation], of result: MenuResult, in instance: PlacementInstance
  ) throws {
    let placement = result.placement
    guard let menu = instance.activities else { return }
    let rows = instance.menuRows(of: placement)
    #expect(explanations.count == instance.students.count)
    for (s, e) in explanations.enumerated() {
      let person = instance.students[s]
      #expect(e.student == person.id)
      #expect(e.reason == rows.first { $0.student == s && $0.kind == nil }?.reason)
      let mine = Array(placement.placements(of: s))
      for k in e.kinds {
        #expect(menu.offers(k.kind, to: person.role))
        #expect(
          k.shortfall
            == rows.first { $0.student == s && $0.kind == k.kind && $0.reason != nil }?.reason)
        let ofKind = mine.filter { instance.worksites[$0.worksite].kind == k.kind }
        #expect(k.placements.count == ofKind.count)
        // The rows: every entry of the kind when short, else those at or above the worst.
        let entries = person.preferences.enumerated().filter {
          instance.worksiteIndex[$0.element].map { instance.worksites[$0].kind } == k.kind
        }
        let worst = k.placements.compactMap(\.rank).max() ?? 0
        let shown = k.shortfall != nil ? entries.count : min(worst, entries.count)
        #expect(k.choices.map(\.position) == entries.prefix(shown).map { $0.offset + 1 })
        for (r, c) in k.choices.enumerated() { #expect(c.rank == r + 1) }
        for c in k.choices {
          try checkChoice(c, of: s, holding: mine, result: result, in: instance)
        }
      }
    }
  }

  /// One entry's outcome and detail against the placement, by brute force: an eligible entry
  /// the person does not hold is `free-seat-unused` exactly when adding it in some slot keeps
  /// the placement valid, and its detail lists exactly the facts that hold.
  static func checkChoice(
    _ c: MenuChoiceExplanation, of s: Int, holding mine: [MenuPlacement.Entry],
    result: MenuResult, in instance: PlacementInstance
  ) throws {
    let w = try #require(instance.worksiteIndex[c.worksite])
    let site = instance.worksites[w]
    let rule = try #require(instance.activities?.rule(for: site.kind))
    let eligible = instance.choices.rank(of: s, for: w) != nil
    switch c.outcome {
    case .placed:
      let held = try #require(mine.first { $0.worksite == w })
      #expect(c.slot == held.slot.map { site.slots[$0] })
      #expect(instance.choices.rank(of: s, for: w) == c.rank)
    case .ineligible:
      #expect(!eligible)
      #expect(
        c.detail
          == instance.ineligibleChoices.first { $0.student == s && $0.worksite == w }?.reasons
          .codes.joined(separator: ";"))
    case .noSeats: #expect(site.capacity == 0)
    case .duplicate:
      #expect(instance.students[s].preferences.prefix(c.position - 1).contains(c.worksite))
    case .unknownWorksite, .notOffered: Issue.record("an offered kind's row is \(c.outcome)")
    case .full, .employerFull, .maxPerSchool, .slotConflict, .maxPerEmployer, .atCap,
      .freeSeatUnused:
      #expect(eligible && site.capacity > 0 && !mine.contains { $0.worksite == w })
      // Adding the pair in some slot keeps every rule: only then is a seat unused.
      let options: [Int?] = site.slots.isEmpty ? [nil] : site.slots.indices.map { $0 }
      let addable = options.contains {
        instance.violations(
          in: MenuPlacement(result.placement.entries + [.init(student: s, worksite: w, slot: $0)])
        ).isEmpty
      }
      #expect(addable == (c.outcome == .freeSeatUnused), "\(c)")
      // No strategy here leaves a seat a person could simply take.
      #expect(c.outcome != .freeSeatUnused)
      // The facts, recomputed.
      let taken =
        site.slots.isEmpty
        ? [result.placement.entries.filter { $0.worksite == w }.count]
        : site.slots.indices.map { t in
          result.placement.entries.filter { $0.worksite == w && $0.slot == t }.count
        }
      let free = taken.indices.filter { taken[$0] < site.capacity }
      let labels = Dictionary(
        mine.compactMap { e in
          e.slot.map {
            (instance.worksites[e.worksite].slots[$0], instance.worksites[e.worksite].id)
          }
        }, uniquingKeysWith: { a, _ in a })
      var facts: [String] = []
      if free.isEmpty { facts.append("full") }
      if let name = site.employer,
        let cap = instance.rules.employerCapacity.first(where: { $0.employer == name })?.capacity,
        result.placement.entries.filter({ instance.worksites[$0.worksite].employer == name })
          .count >= cap
      {
        facts.append("employer-full=" + name)
      }
      let school = instance.students[s].school
      if let limit = site.maxPerSchool,
        result.placement.entries.filter({
          $0.worksite == w && instance.students[$0.student].school == school
        }).count >= limit
      {
        facts.append("max-per-school=" + school)
      }
      if !free.isEmpty, !site.slots.isEmpty, free.allSatisfy({ labels[site.slots[$0]] != nil }) {
        facts.append(
          "slot-conflict="
            + free.map { "\(site.slots[$0])@\(labels[site.slots[$0]] ?? "")" }.joined(
              separator: ","))
      }
      let ofKind = mine.filter { instance.worksites[$0.worksite].kind == site.kind }
      let employer = site.employer ?? site.id
      if let limit = rule.maxPerEmployer,
        ofKind.filter({
          (instance.worksites[$0.worksite].employer ?? instance.worksites[$0.worksite].id)
            == employer
        }).count >= limit
      {
        facts.append("max-per-employer=" + (site.employer ?? "(worksite \(site.id))"))
      }
      if ofKind.count >= rule.maxPerParticipant { facts.append("at-cap=\(rule.maxPerParticipant)") }
      #expect(c.detail == facts.joined(separator: ";"), "\(c)")
    }
  }
}

extension MenuExplanationTests {
  @Test("the seeded menus reach every outcome and every fact the brute force checks")
  func coverage() throws {
    var seen: Set<String> = []
    for seed in UInt64(0)..<150 {
      let instance = try MenuSlotTests.randomInstance(seed: seed)
      for strategy in Self.strategies(seed: seed) {
        let placement = try strategy.placeMenu(instance).placement
        for e in instance.menuExplanations(of: placement) {
          for c in e.kinds.flatMap(\.choices) + e.other {
            seen.insert(c.outcome.rawValue)
            guard [.full, .slotConflict, .maxPerEmployer].contains(c.outcome) else { continue }
            for fact in c.detail.split(separator: ";") {
              seen.insert("fact " + (fact.split(separator: "=").first.map(String.init) ?? ""))
            }
          }
        }
      }
    }
    let expected: Set<String> = [
      "placed", "full", "slot-conflict", "max-per-employer", "ineligible", "no-seats",
      "not-offered", "fact full", "fact slot-conflict", "fact max-per-employer", "fact at-cap",
    ]
    #expect(expected.subtracting(seen).isEmpty, "never seen: \(expected.subtracting(seen))")
  }
}

extension MenuExplanationTests {
  @Test(
    "optimal prices: the best placement holding the pair, by brute force over every subset",
    arguments: [false, true])
  func pricesAreExact(seatLimits: Bool) throws {
    var (losing, costly, free) = (0, 0, 0)
    for seed in UInt64(0)..<150 {
      let instance =
        seatLimits
        ? try Self.withSeatLimits(MenuOptimalTests.randomInstance(seed: seed), seed: seed)
        : try MenuOptimalTests.randomInstance(seed: seed)
      let menu = try #require(instance.activities)
      let result = try OptimalStrategy().placeMenu(instance)
      let priced = try OptimalStrategy().pricing(
        instance.menuExplanations(of: result.placement), of: result, in: instance)
      for (s, e) in priced.enumerated() {
        for k in e.kinds {
          for c in k.choices {
            let priced: [MenuChoiceOutcome] = [
              .full, .employerFull, .maxPerSchool, .slotConflict, .maxPerEmployer, .atCap,
            ]
            guard priced.contains(c.outcome) else {
              #expect(c.placedChange == nil && c.rankCostChange == nil)
              continue
            }
            let w = try #require(instance.worksiteIndex[c.worksite])
            let best = MenuOptimalTests.bruteForce(
              instance, .linear, containing: .init(student: s, worksite: w))
            guard !best.levels.isEmpty else {
              #expect(c.placedChange == nil, "seed \(seed): \(c)")
              continue
            }
            let level = menu.level(of: k.kind)
            let run = result.objective.levels
            // Every other kind keeps its optimum; the kind's own changes by the price.
            for l in run.indices where l != level { #expect(best.levels[l] == run[l]) }
            Self.expectPrice(of: c, at: level, run: result.objective, best: best, "\(c)")
            if let p = c.placedChange, let r = c.rankCostChange {
              if p < 0 { losing += 1 } else if r > 0 { costly += 1 } else { free += 1 }
            }
          }
        }
      }
    }
    #expect(losing > 0 && costly > 0, "losing \(losing), costly \(costly), free \(free)")
  }

  /// Expects `choice`'s price to be the difference, at its kind's `level`, between `best` (the
  /// best placement holding the pair) and `run` (the optimum it was priced against): the
  /// students placed and the rank cost.
  static func expectPrice(
    of choice: MenuChoiceExplanation, at level: Int, run: MenuObjective, best: MenuObjective,
    _ comment: Comment
  ) {
    #expect(choice.placedChange == best.levels[level].placed - run.levels[level].placed, comment)
    #expect(choice.rankCostChange == best.levels[level].cost - run.levels[level].cost, comment)
  }

  /// `instance` with two schools, `max_per_school` 1 on some worksites and a capacity for each
  /// employer's worksites of one kind (`employers.csv` names kind by kind, so no employer's
  /// capacity ties two kinds and prices stay per kind).
  static func withSeatLimits(_ instance: PlacementInstance, seed: UInt64) throws
    -> PlacementInstance
  {
    var rng = SplitMix64(seed: seed &+ 991)
    let worksites = instance.worksites.map { w in
      var w = w
      if Bool.random(using: &rng) { w.maxPerSchool = 1 }
      w.employer = w.employer.map { $0 + "-" + w.kind.rawValue }
      return w
    }
    let employers = Set(worksites.compactMap(\.employer)).sorted().map {
      EmployerCapacity(employer: $0, capacity: Int.random(in: 1...2, using: &rng))
    }
    return try PlacementInstance(
      students: instance.students.map { s in
        var s = s
        s.school = Bool.random(using: &rng) ? "X" : "Y"
        return s
      }, worksites: worksites,
      rules: PlacementRules(employerCapacity: employers, activities: instance.activities))
  }
}
