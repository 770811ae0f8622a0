import InternMatchModel
import InternMatchTestSupport
import Testing

/// The rank a placed student's outcome reports, against its definition: the rank they gave the
/// worksite, 0 when it is off their own list (a pin, a seat under `place_unranked`).
/// `outcomes(of:)` settles a listed entry with one comparison; lists with unknown and repeated
/// ids, pins on and off the list and unranked choices must give the same ranks as the plain
/// definition.
@Suite("Outcome ranks")
struct OutcomeRankTests {
  /// `isUnlisted ? 0 : rank ?? 0`, as outcomes were measured before.
  private func definedRank(_ instance: PlacementInstance, student s: Int, worksite w: Int) -> Int {
    instance.isUnlisted(student: s, worksite: w) ? 0 : instance.rank(of: s, at: w) ?? 0
  }

  /// A placement of `instance`: every pinned student at their pin, then the others in a seeded
  /// order at a random eligible choice with a seat left, or unplaced.
  private func randomPlacement(_ instance: PlacementInstance, seed: UInt64) -> Placement {
    var rng = SplitMix64(seed: seed)
    var placement = Placement(studentCount: instance.students.count)
    var left = instance.worksites.map(\.capacity)
    for (s, w) in instance.pinnedWorksite.enumerated() where w >= 0 && left[Int(w)] > 0 {
      placement.assign(student: s, to: Int(w))
      left[Int(w)] -= 1
    }
    for s in instance.students.indices.shuffled(using: &rng) where instance.pinnedWorksite[s] < 0 {
      let open = instance.choices.range(of: s).map { Int(instance.choices.worksite[$0]) }
        .filter { left[$0] > 0 }
      guard let w = open.randomElement(using: &rng), Int.random(in: 0..<4, using: &rng) > 0
      else { continue }
      placement.assign(student: s, to: w)
      left[w] -= 1
    }
    return placement
  }

  private func expectDefinedRanks(_ instance: PlacementInstance, seed: UInt64) -> Int {
    let placement = randomPlacement(instance, seed: seed)
    var placed = 0
    for (s, outcome) in instance.outcomes(of: placement).enumerated() {
      guard case .placed(let w, let rank) = outcome else {
        #expect(placement.worksite(of: s) == nil, "seed \(seed)")
        continue
      }
      placed += 1
      #expect(placement.worksite(of: s) == w, "seed \(seed)")
      #expect(rank == definedRank(instance, student: s, worksite: w), "seed \(seed), student \(s)")
    }
    return placed
  }

  @Test("ranks as defined on 300 seeded instances with unknown and repeated ids")
  func plainInstances() {
    var placed = 0
    for seed in UInt64(1)...300 {
      placed += expectDefinedRanks(RandomInstances.make(seed: seed), seed: seed)
    }
    #expect(placed > 300)
  }

  @Test("ranks as defined with pins, school limits and reserves")
  func pinnedInstances() {
    var pinned = 0
    for seed in UInt64(1)...300 {
      let instance = RandomInstances.withSideRules(seed: seed)
      pinned += instance.pinnedWorksite.filter { $0 >= 0 }.count
      _ = expectDefinedRanks(instance, seed: seed)
    }
    #expect(pinned > 10)
  }

  @Test("ranks as defined under place_unranked: unranked choices report rank 0")
  func unrankedChoices() throws {
    var unlisted = 0
    for seed in UInt64(1)...200 {
      let base = RandomInstances.make(seed: seed)
      var policy = base.policy
      policy.placeUnranked = true
      let instance = try PlacementInstance(
        students: base.students, worksites: base.worksites, policy: policy)
      let placement = randomPlacement(instance, seed: seed)
      for (s, outcome) in instance.outcomes(of: placement).enumerated() {
        guard case .placed(let w, let rank) = outcome else { continue }
        #expect(rank == definedRank(instance, student: s, worksite: w), "seed \(seed)")
        if rank == 0 { unlisted += 1 }
      }
    }
    #expect(unlisted > 0)
  }

  @Test("a worked example: listed, repeated, pinned off the list")
  func workedExample() throws {
    let worksites = ["A", "B", "C"].map { Worksite(id: $0, cluster: "it", capacity: 2) }
    let students = [
      Student(id: "s1", school: "X", cluster: "it", preferences: ["nope", "B", "A"]),
      Student(id: "s2", school: "X", cluster: "it", preferences: ["A", "A", "B"]),
      Student(id: "s3", school: "X", cluster: "it", preferences: ["A"]),
    ]
    var rules = PlacementRules()
    rules.pins = [Pin(student: "s3", worksite: "C")]
    let instance = try PlacementInstance(students: students, worksites: worksites, rules: rules)
    let placement = Placement([0, 1, 2])
    #expect(
      instance.outcomes(of: placement) == [
        .placed(worksite: 0, rank: 3), .placed(worksite: 1, rank: 3),
        .placed(worksite: 2, rank: 0),
      ])
  }
}
