import Foundation
import InternMatchGenerator
import InternMatchModel
import InternMatchSolvers
import InternMatchTestSupport
import Testing

/// Every price in explanations and seat values against an independent solve of the changed
/// problem; every cutoff and turn against the strategy's own result.
@Suite("Explanations and seat values")
struct PlacementExplainerTests {
  /// The same instance with `pins` and worksite changes.
  private func rebuilt(
    _ instance: PlacementInstance, worksites: [Worksite]? = nil, extraPin: Pin? = nil
  ) -> PlacementInstance? {
    var rules = instance.rules
    if let extraPin { rules.pins.append(extraPin) }
    return try? PlacementInstance(
      students: instance.students, worksites: worksites ?? instance.worksites,
      clusters: instance.clusters, rankings: instance.rankings, policy: instance.policy,
      rules: rules)
  }

  /// One more open seat at `w` (shares of reserves frozen at their seat counts).
  private func withSeat(_ instance: PlacementInstance, at w: Int) -> PlacementInstance? {
    var sites = instance.worksites
    let capacity = sites[w].capacity
    sites[w].reserves = sites[w].reserves.map {
      SeatReserve(group: $0.group, seats: .seats($0.count(ofCapacity: capacity)))
    }
    sites[w].capacity += 1
    return rebuilt(instance, worksites: sites)
  }

  /// Checks every taken row and seat value of `optimal` on `instance` against `truth`, the
  /// best objective of a changed instance (`nil`: none is feasible). Returns the rows checked.
  @discardableResult
  private func checkPrices(
    _ instance: PlacementInstance, _ cost: RankCost,
    truth: (PlacementInstance) throws -> PlacementObjective?
  ) throws -> Int {
    let result = try OptimalStrategy(rankCost: cost).place(instance)
    let explained = try PlacementExplainer(
      instance, result: result, strategy: .optimal(cost), resolveLimit: 10_000)
    var checked = 0
    for (s, explanation) in explained.students.enumerated() {
      for row in explanation.choices where row.outcome == .taken {
        guard instance.pinnedWorksite[s] < 0 else {
          #expect(row.placedChange == nil && row.detail.hasPrefix("pinned"))
          continue
        }
        let pin = Pin(student: instance.students[s].id, worksite: row.worksite)
        let forced = try rebuilt(instance, extraPin: pin).flatMap(truth)
        #expect(
          row.placedChange == forced.map { $0.placed - result.objective.placed }
            && row.rankCostChange == forced.map { $0.cost - result.objective.cost },
          "student \(s) forced into \(row.worksite): \(row) vs \(String(describing: forced))")
        if forced == nil { #expect(row.detail.hasPrefix("infeasible")) }
        checked += 1
      }
    }
    for (w, value) in explained.seatValues.enumerated() {
      let more = try withSeat(instance, at: w).flatMap(truth)
      #expect(
        value.placedChange == more.map { $0.placed - result.objective.placed }
          && value.rankCostChange == more.map { $0.cost - result.objective.cost },
        "one more seat at \(value.worksite): \(value) vs \(String(describing: more))")
      if let p = value.placedChange { #expect(p >= 0) }
    }
    return checked
  }

  /// Adds a pin of a random student at one of their eligible choices, sometimes.
  private func withRandomPin(_ instance: PlacementInstance, seed: UInt64) -> PlacementInstance {
    var rng = SplitMix64(seed: seed ^ 0x9195)
    guard Int.random(in: 0..<2, using: &rng) == 0 else { return instance }
    let s = Int.random(in: 0..<instance.students.count, using: &rng)
    let range = instance.choices.range(of: s)
    guard let c = range.randomElement(using: &rng) else { return instance }
    let w = Int(instance.choices.worksite[c])
    let pin = Pin(student: instance.students[s].id, worksite: instance.worksites[w].id)
    return rebuilt(instance, extraPin: pin) ?? instance
  }

  @Test(
    "residual prices and seat values equal brute force on 300 seeded instances, with pins",
    arguments: RankCost.allCases)
  func residualAgainstBruteForce(cost: RankCost) throws {
    var rows = 0
    for seed in UInt64(1)...300 {
      let instance = withRandomPin(RandomInstances.make(seed: seed), seed: seed)
      rows += try checkPrices(instance, cost) { BruteForce.bestObjective($0, rankCost: cost) }
    }
    #expect(rows > 100)
  }

  @Test(
    "re-solved prices with side constraints equal brute force on 200 seeded instances",
    arguments: RankCost.allCases)
  func sideConstraintsAgainstBruteForce(cost: RankCost) throws {
    var rows = 0
    for seed in UInt64(1)...200 {
      let instance = RandomInstances.withSideRules(seed: seed, networkOnly: seed % 2 == 0)
      rows += try checkPrices(instance, cost) { BruteForce.bestObjective($0, rankCost: cost) }
    }
    #expect(rows > 50)
  }

  @Test("residual prices equal an optimal re-solve on thousand-student cohorts")
  func cohorts() throws {
    for (seed, cost) in [(UInt64(3), RankCost.linear), (4, .squared)] {
      let cohort = CohortGenerator(.init(studentCount: 1_000, seed: seed)).generate()
      let instance = try PlacementInstance(
        students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
      let result = try OptimalStrategy(rankCost: cost).place(instance)
      let explained = try PlacementExplainer(instance, result: result, strategy: .optimal(cost))
      func resolved(_ changed: PlacementInstance?) throws -> (Int, Int)? {
        guard let changed else { return nil }
        let o = try OptimalStrategy(rankCost: cost).place(changed).objective
        return (o.placed - result.objective.placed, o.cost - result.objective.cost)
      }
      var rows = 0
      for (s, e) in explained.students.enumerated() where s % 25 == 0 {
        for row in e.choices where row.outcome == .taken {
          let pin = Pin(student: instance.students[s].id, worksite: row.worksite)
          let truth = try resolved(rebuilt(instance, extraPin: pin))
          #expect(truth?.0 == row.placedChange && truth?.1 == row.rankCostChange)
          rows += 1
        }
      }
      #expect(rows > 10)
      var helping = 0
      for (w, value) in explained.seatValues.enumerated()
      where w % 10 == 0 || (value.rankCostChange != 0 && w % 3 == 0) {
        let truth = try resolved(withSeat(instance, at: w))
        #expect(truth?.0 == value.placedChange && truth?.1 == value.rankCostChange)
        if value.rankCostChange != 0 { helping += 1 }
      }
      #expect(helping > 0)
    }
  }

  /// `key` compared as (number, number) from a detail part such as `rank 12` or
  /// `tier 1, lottery 0.4123`.
  private func priority(_ text: Substring) -> [Double]? {
    let numbers = text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap {
      Double($0)
    }
    return numbers.isEmpty ? nil : numbers
  }

  @Test("every stable cutoff is the worst admitted priority, and yours is worse at a plain seat")
  func stableCutoffs() throws {
    var checked = 0
    for seed in UInt64(1)...400 {
      let instance = RandomMarkets.make(seed: seed, maxStudents: 6, maxWorksites: 3)
      let strategy = StableStrategy(seed: seed)
      let result = try strategy.place(instance)
      let explained = try PlacementExplainer(
        instance, result: result, strategy: ExplainedStrategy(strategy))
      for (s, e) in explained.students.enumerated() {
        for row in e.choices where row.outcome == .taken {
          guard instance.pinnedWorksite[s] < 0 else {
            #expect(row.detail.hasPrefix("pinned"))
            continue
          }
          let parts = row.detail.split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces)
          }
          try #require(parts.count >= 2)
          #expect(parts[0].hasPrefix("cutoff=") && parts[1].hasPrefix("yours="))
          let w = try #require(instance.worksiteIndex[row.worksite])
          let site = instance.worksites[w]
          let ranks = instance.rankingIndices.contains { Int($0.worksite) == w }
          #expect(
            (ranks ? parts[1].hasPrefix("yours=rank ") : parts[1].hasPrefix("yours=tier "))
              || parts[1] == "yours=pinned")
          // At a worksite with one open stage, the student is worse than everyone admitted.
          if site.reserves.isEmpty, site.maxPerSchool == nil,
            let cut = priority(parts[0].dropFirst(7)), let mine = priority(parts[1].dropFirst(6))
          {
            #expect(
              mine.lexicographicallyPrecedes(cut) == false, "\(row.detail) at seed \(seed)")
            checked += 1
          }
        }
      }
    }
    #expect(checked > 50)
  }

  @Test("cutoffs in the issue's exact forms: by rank, and by tier and lottery")
  func cutoffForm() throws {
    let students = (0..<3).map {
      Student(
        id: "S\($0)", school: "X", cluster: "it", groups: $0 == 2 ? ["ell"] : [],
        preferences: ["R", "T", "L"])
    }
    let sites = [
      Worksite(id: "R", cluster: "it", capacity: 1), Worksite(id: "T", cluster: "it", capacity: 1),
      Worksite(id: "L", cluster: "it", capacity: 2),
    ]
    let rankings = [
      WorksiteRanking(worksite: "R", student: "S0", rank: 12),
      WorksiteRanking(worksite: "R", student: "S1", rank: 15),
      WorksiteRanking(worksite: "R", student: "S2", rank: 15),
    ]
    var policy = Policy()
    policy.priorityGroups = ["ell"]
    let instance = try PlacementInstance(
      students: students, worksites: sites, rankings: rankings, policy: policy)
    let result = try StableStrategy(seed: 7).place(instance)
    #expect(result.placement == Placement([0, 2, 1]))
    let explained = try PlacementExplainer(instance, result: result, strategy: .stable(seed: 7))
    #expect(explained.students[0].choices.map(\.outcome) == [.placed])
    let rows = explained.students[1].choices
    #expect(rows.map(\.outcome) == [.taken, .taken, .placed])
    #expect(rows[0].detail == "cutoff=rank 12; yours=rank 15")
    // Single tie-breaking: the lottery number is the draw position over the 3 students.
    let lottery = WorksitePriorities(instance: instance, seed: 7).lottery
    let drawn = { (s: Int) in String(format: "%.4f", Double(lottery[s]) / 3) }
    #expect(
      rows[1].detail == "cutoff=tier 1, lottery \(drawn(2)); yours=tier 2, lottery \(drawn(1))")
  }

  @Test("serial dictatorship: a taken seat was filled at an earlier turn")
  func turns() throws {
    for seed in UInt64(1)...200 {
      let instance = RandomInstances.make(seed: seed)
      let strategy = SerialDictatorshipStrategy(seed: seed)
      let result = try strategy.place(instance)
      let explained = try PlacementExplainer(
        instance, result: result, strategy: ExplainedStrategy(strategy))
      for (s, e) in explained.students.enumerated() where instance.pinnedWorksite[s] < 0 {
        for row in e.choices where row.outcome == .taken {
          let numbers = row.detail.split(separator: " ").compactMap { Int($0.filter(\.isNumber)) }
          #expect(numbers.count == 2 && numbers[0] < numbers[1], "\(row.detail)")
          #expect(!row.detail.contains("S"))
        }
      }
    }
  }

  @Test("outcomes of list entries: unknown, duplicate, every ineligibility code, no seats")
  func entryOutcomes() throws {
    let instance = try PlacementInstance(
      students: [
        Student(
          id: "A", school: "X", cluster: "it", grade: 9, age: 15,
          preferences: ["nope", "Old", "Zero", "Old", "Open", "Later"])
      ],
      worksites: [
        Worksite(
          id: "Old", cluster: "it", capacity: 1, minimumAge: 18, minimumGrade: 11,
          requiredCredentials: ["osha-10"]),
        Worksite(id: "Zero", cluster: "it", capacity: 0),
        Worksite(id: "Open", cluster: "it", capacity: 1),
        Worksite(id: "Later", cluster: "it", capacity: 1),
      ])
    let result = try OptimalStrategy().place(instance)
    let explained = try PlacementExplainer(instance, result: result, strategy: .optimal(.linear))
    let rows = explained.students[0].choices
    #expect(rows.map(\.outcome) == [.unknownWorksite, .ineligible, .noSeats, .duplicate, .placed])
    #expect(rows[1].detail == "age-below-minimum;grade-below-minimum;missing-credential")
    #expect(explained.seatValues.map(\.placedChange) == [0, 0, 0, 0])
  }

  @Test("a taken first choice priced: everyone still placed at a higher rank cost")
  func workedPrice() throws {
    // A and B both want W first; B has no second choice, so A gave way: forcing A into W
    // leaves B unplaced (one fewer placed) and saves A's rank 2 for rank 1.
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "X", cluster: "it", preferences: ["W", "V"]),
        Student(id: "B", school: "X", cluster: "it", preferences: ["W"]),
      ],
      worksites: [
        Worksite(id: "W", cluster: "it", capacity: 1),
        Worksite(id: "V", cluster: "it", capacity: 1),
      ])
    let result = try OptimalStrategy().place(instance)
    let explained = try PlacementExplainer(instance, result: result, strategy: .optimal(.linear))
    let row = explained.students[0].choices[0]
    #expect(row.outcome == .taken && row.placedChange == -1 && row.rankCostChange == -2)
    // One more seat at W places nobody more; at V neither (B does not list it).
    #expect(explained.seatValues.map(\.placedChange) == [0, 0])
  }
}
