import InternMatchModel
import InternMatchSolvers
import Testing

/// `serial-dictatorship` and `greedy` on a menu of activities: kind by kind, in lottery order.
@Suite("Serial dictatorship and greedy: the menu of activities")
struct MenuSequentialTests {
  @Test("worked example: the kind served first takes the shared slot; caps and ranks per kind")
  func workedExample() throws {
    // Tours are served first (priority 1). Ana and Ben both want tour T1 (09:00, one seat) and
    // interviews at V1 (09:00 and 09:20, one seat each). Whoever wins the lottery tours at 09:00
    // and interviews at 09:20; the other interviews at 09:00.
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["V1", "T1"]),
        Student(id: "Ben", school: "X", cluster: "it", preferences: ["T1", "V1"]),
      ],
      worksites: [
        Worksite(id: "T1", cluster: "it", capacity: 1, kind: .workplaceTour, slots: ["09:00"]),
        Worksite(
          id: "V1", cluster: "it", capacity: 1, kind: .mockInterview, slots: ["09:00", "09:20"]),
      ],
      rules: PlacementRules(
        activities: ActivityMenu([
          ActivityRule(kind: .workplaceTour, maxPerParticipant: 1, priority: 1)
        ])))
    for seed in UInt64(0)..<8 {
      let result = try SerialDictatorshipStrategy(seed: seed).placeMenu(instance)
      #expect(instance.violations(in: result.placement).isEmpty)
      #expect(result.status == .complete)
      let first = WorksitePriorities(instance: instance, seed: seed).sequence[0]
      let entries = result.placement.entries
      #expect(entries.count == 3)
      // The lottery's first person tours at 09:00 and interviews at 09:20.
      #expect(
        entries.filter { $0.student == first }.map { [$0.worksite, $0.slot ?? -1] } == [
          [0, 0], [1, 1],
        ])
      #expect(
        entries.filter { $0.student != first }.map { [$0.worksite, $0.slot ?? -1] } == [[1, 0]])
    }
  }

  @Test(
    "every placement honours every rule; the lottery's first person gets their best set of the first kind",
    arguments: 0..<150)
  func properties(seed: Int) throws {
    let instance = try MenuSlotTests.eitherInstance(seed: seed, offset: 4100)
    let result = try SerialDictatorshipStrategy(seed: UInt64(seed)).placeMenu(instance)
    #expect(instance.violations(in: result.placement).isEmpty, "seed \(seed)")
    // The first person in the lottery, for the first kind offered to them with a seat: their
    // placements of it are their best eligible choices with seats, within the caps.
    let menu = try #require(instance.activities)
    let first = WorksitePriorities(instance: instance, seed: UInt64(seed)).sequence[0]
    guard
      let rule = menu.served.first(where: {
        $0.maxPerParticipant > 0 && menu.offers($0.kind, to: instance.students[first].role)
      }), menu.served.firstIndex(of: rule) == 0
    else { return }
    var expected: [Int] = []
    var perEmployer: [String: Int] = [:]
    var labels: Set<String> = []
    for c in instance.choices.range(of: first) where expected.count < rule.maxPerParticipant {
      let w = Int(instance.choices.worksite[c])
      let site = instance.worksites[w]
      guard site.kind == rule.kind, site.capacity > 0 else { continue }
      let employer = site.employer ?? "#" + site.id
      if let limit = rule.maxPerEmployer, perEmployer[employer, default: 0] >= limit { continue }
      if !site.slots.isEmpty {
        // The first slot whose label they do not hold yet.
        guard let label = site.slots.first(where: { !labels.contains($0) }) else { continue }
        labels.insert(label)
      }
      perEmployer[employer, default: 0] += 1
      expected.append(w)
    }
    let got = result.placement.placements(of: first).map(\.worksite).filter {
      instance.worksites[$0].kind == rule.kind
    }
    #expect(Set(got) == Set(expected), "seed \(seed)")
  }

  @Test("greedy: first choices first, within each kind")
  func greedyRounds() throws {
    // Mock interviews M1 (Acme) and M2 (Bolt), one seat each, two per person. Ana lists M1;M2,
    // Ben M2;M1. Round 1: Ana takes M1, Ben M2; round 2: both full. Each gets one, whatever
    // the lottery; serial dictatorship lets the first person take both.
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["M1", "M2"]),
        Student(id: "Ben", school: "X", cluster: "it", preferences: ["M2", "M1"]),
      ],
      worksites: [
        Worksite(id: "M1", employer: "Acme", cluster: "it", capacity: 1, kind: .mockInterview),
        Worksite(id: "M2", employer: "Bolt", cluster: "it", capacity: 1, kind: .mockInterview),
      ],
      rules: PlacementRules(
        activities: ActivityMenu([
          ActivityRule(kind: .mockInterview, maxPerParticipant: 2, priority: 1)
        ])))
    for seed in UInt64(0)..<6 {
      let greedy = try GreedyStrategy(seed: seed).placeMenu(instance)
      #expect(greedy.placement.entries.map { [$0.student, $0.worksite] } == [[0, 0], [1, 1]])
      let serial = try SerialDictatorshipStrategy(seed: seed).placeMenu(instance)
      let first = WorksitePriorities(instance: instance, seed: seed).sequence[0]
      #expect(serial.placement.entries.map(\.student) == [first, first])
    }
  }

  @Test("greedy: every placement honours every rule", arguments: 0..<150)
  func greedyValid(seed: Int) throws {
    let instance = try MenuSlotTests.eitherInstance(seed: seed, offset: 6100)
    let result = try GreedyStrategy(seed: UInt64(seed)).placeMenu(instance)
    #expect(instance.violations(in: result.placement).isEmpty, "seed \(seed)")
    // Never better than optimal, lexicographically.
    #expect(try OptimalStrategy().placeMenu(instance).objective <= result.objective)
  }
}
