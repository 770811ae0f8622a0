import InternMatchModel
import InternMatchSolvers
import Testing

/// A kind of several placements per person on the primal–dual core (``MenuNetwork``'s reduction
/// to an assignment with one unit per employer or per choice and a spare node per person):
/// worked example, brute force on small seeded menus with k = 2 and 3 and `max_per_employer`
/// off, 1 and 2, and agreement with the network simplex on larger ones.
@Suite("Optimal strategy: a kind of several placements on the primal–dual core")
struct CappedKindTests {
  /// A seeded menu of one mock-interview kind: `people` people listing up to `longest`
  /// worksites of `sites`, capacities 1–3, four employers (one absent), the cap `k` and
  /// `perEmployer`.
  static func instance(
    seed: UInt64, people: Int, sites: Int, longest: Int, k: Int, perEmployer: Int?
  ) throws -> PlacementInstance {
    var rng = SplitMix64(seed: seed)
    let worksites = (0..<sites).map { j in
      Worksite(
        id: "M\(j)", employer: ["A", "B", "C", nil][Int.random(in: 0..<4, using: &rng)],
        cluster: "it", capacity: [1, 1, 2, 3][Int.random(in: 0..<4, using: &rng)],
        kind: .mockInterview)
    }
    let students = (0..<people).map { i in
      Student(
        id: "S\(i)", school: "X", cluster: "it",
        preferences: Array(
          worksites.map(\.id).shuffled(using: &rng)
            .prefix(Int.random(in: 0...longest, using: &rng))))
    }
    return try PlacementInstance(
      students: students, worksites: worksites,
      rules: Self.mockInterviews(k: k, perEmployer: perEmployer))
  }

  /// A menu of one kind, mock interviews: `k` a person, `perEmployer` with one employer.
  static func mockInterviews(k: Int, perEmployer: Int?) -> PlacementRules {
    PlacementRules(
      activities: ActivityMenu([
        ActivityRule(
          kind: .mockInterview, maxPerParticipant: k, priority: 1, maxPerEmployer: perEmployer)
      ]))
  }

  /// The settings the tests sweep: the cap and `max_per_employer`.
  static let settings: [(k: Int, perEmployer: Int?)] = [
    (2, nil), (2, 1), (2, 2), (3, nil), (3, 1), (3, 2),
  ]

  @Test("worked example: one unit per employer, a spare seat for the cap")
  func workedExample() throws {
    // Ana lists M1 (A), M2 (A), M3 (B), M4 (C); k = 2, max_per_employer 1: units {M1, M2},
    // {M3}, {M4}, a spare of 3 − 2 = 1. Ben lists M1 only, which has one seat: Ben takes it
    // (more placed), Ana takes M2 (employer A, rank 2) and M3 (rank 3), not M4.
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["M1", "M2", "M3", "M4"]),
        Student(id: "Ben", school: "X", cluster: "it", preferences: ["M1"]),
      ],
      worksites: [
        Worksite(id: "M1", employer: "A", cluster: "it", capacity: 1, kind: .mockInterview),
        Worksite(id: "M2", employer: "A", cluster: "it", capacity: 1, kind: .mockInterview),
        Worksite(id: "M3", employer: "B", cluster: "it", capacity: 1, kind: .mockInterview),
        Worksite(id: "M4", employer: "C", cluster: "it", capacity: 1, kind: .mockInterview),
      ],
      rules: Self.mockInterviews(k: 2, perEmployer: 1))
    let network = try MenuNetwork(instance, rankCost: .linear)
    #expect(network.cappedKinds == 1)
    #expect(
      network.placement.entries.map { [$0.student, $0.worksite] } == [[0, 1], [0, 2], [1, 0]])
    #expect(network.objective.levels[0] == PlacementObjective(placed: 3, cost: 6))
  }

  @Test("a max_per_employer of 2 that a listing exceeds stays on the network simplex")
  func bindingLimitFallsBack() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "Ana", school: "X", cluster: "it", preferences: ["M1", "M2", "M3"])
      ],
      worksites: (1...3).map {
        Worksite(id: "M\($0)", employer: "A", cluster: "it", capacity: 1, kind: .mockInterview)
      },
      rules: Self.mockInterviews(k: 3, perEmployer: 2))
    let network = try MenuNetwork(instance, rankCost: .linear)
    #expect(network.cappedKinds == 0)
    #expect(network.objective.levels[0] == PlacementObjective(placed: 2, cost: 3))
  }

  /// For every setting and rank cost: the seeded instance of `seed` (people, worksites,
  /// longest list) and the fast network's solve, checked against the rules and its own value,
  /// handed to `check` with a label for messages.
  func eachSolve(
    seed: UInt64, people: Int, sites: Int, longest: Int,
    _ check: (PlacementInstance, RankCost, MenuNetwork, _ setting: Int?, _ label: String) throws
      -> Void
  ) throws {
    for (n, setting) in Self.settings.enumerated() {
      let instance = try Self.instance(
        seed: seed + UInt64(n), people: people, sites: sites, longest: longest, k: setting.k,
        perEmployer: setting.perEmployer)
      for cost in RankCost.allCases {
        let network = try MenuNetwork(instance, rankCost: cost)
        #expect(instance.violations(in: network.placement).isEmpty)
        #expect(network.objective == instance.objective(of: network.placement, rankCost: cost))
        let label =
          "seed \(seed), k \(setting.k), max_per_employer \(String(describing: setting.perEmployer))"
        try check(instance, cost, network, setting.perEmployer, label)
      }
    }
  }

  @Test("brute force: the primal–dual reduction is the lexicographic optimum", arguments: 0..<60)
  func bruteForceAgrees(seed: Int) throws {
    try eachSolve(seed: UInt64(12_000 + 10 * seed), people: 4, sites: 5, longest: 3) {
      instance, cost, network, perEmployer, label in
      // Without a max_per_employer of 2 the reduction always holds.
      if perEmployer != 2, instance.choices.count > 0 { #expect(network.cappedKinds == 1) }
      #expect(network.objective == MenuOptimalTests.bruteForce(instance, cost), "\(label)")
    }
  }

  @Test("agrees with the network simplex on larger seeded menus", arguments: 0..<40)
  func simplexAgrees(seed: Int) throws {
    try eachSolve(seed: UInt64(13_000 + 10 * seed), people: 40, sites: 15, longest: 8) {
      instance, cost, network, _, label in
      let simplex = try MenuNetwork(instance, rankCost: cost, onePass: false)
      #expect(simplex.cappedKinds == 0)
      #expect(network.objective == simplex.objective, "\(label)")
    }
  }
}
