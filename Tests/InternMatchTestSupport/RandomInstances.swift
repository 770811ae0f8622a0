import InternMatch

/// Small seeded random instances for cross-checking solvers against brute force.
public enum RandomInstances {
  /// A random instance with side constraints: minimum group sizes, links, `max_per_school`,
  /// employer capacities, pins, reserves that do not revert and school floors, each present in
  /// some instances. Only `network`-expressible ones when `networkOnly`.
  public static func withSideRules(seed: UInt64, networkOnly: Bool = false) -> PlacementInstance {
    let base = make(seed: seed, maxStudents: 6, maxWorksites: 4)
    var rng = SplitMix64(seed: seed ^ 0x5EED)
    var worksites = base.worksites
    for j in worksites.indices {
      worksites[j].employer = "E\(j % 2)"
      switch Int.random(in: 0..<6, using: &rng) {
      case 0 where !networkOnly: worksites[j].minimumGroupSize = 2
      case 1: worksites[j].maxPerSchool = 1
      case 2: worksites[j].reserves = [SeatReserve(group: "ell", seats: .seats(1))]
      default: break
      }
    }
    let students = base.students.map { student in
      var s = student
      if Bool.random(using: &rng) { s.groups = ["ell"] }
      return s
    }
    var policy = Policy()
    policy.reservesRevert = false
    var rules = PlacementRules()
    if Int.random(in: 0..<3, using: &rng) == 0 {
      rules.employerCapacity = [EmployerCapacity(employer: "E0", capacity: 2)]
    }
    if !networkOnly, students.count >= 2, Bool.random(using: &rng) {
      rules.links = [StudentLink(first: students[0].id, second: students[1].id)]
    }
    if let w = worksites.last, w.capacity > 0, w.maxPerSchool == nil, w.reserves.isEmpty,
      Int.random(in: 0..<3, using: &rng) == 0
    {
      rules.pins = [Pin(student: students[students.count - 1].id, worksite: w.id)]
    }
    if Int.random(in: 0..<4, using: &rng) == 0 { rules.schoolFloor = 0.5 }
    guard
      let instance = try? PlacementInstance(
        students: students, worksites: worksites, policy: policy, rules: rules)
    else { preconditionFailure("RandomInstances built an invalid instance for seed \(seed)") }
    return instance
  }

  /// A random instance with up to `maxStudents` students and `maxWorksites` worksites: random
  /// capacities (0–2), lists of up to 4 entries (sometimes unknown or duplicate ids), and random
  /// ages and minimum ages so that some listed pairs are ineligible.
  ///
  /// The same seed always gives the same instance.
  public static func make(seed: UInt64, maxStudents: Int = 7, maxWorksites: Int = 4)
    -> PlacementInstance
  {
    var rng = SplitMix64(seed: seed)
    let worksiteCount = Int.random(in: 1...maxWorksites, using: &rng)
    let studentCount = Int.random(in: 1...maxStudents, using: &rng)
    let worksites = (0..<worksiteCount).map { j in
      Worksite(
        id: "W\(j)", cluster: "it", capacity: Int.random(in: 0...2, using: &rng),
        minimumAge: Bool.random(using: &rng) ? 0 : 16)
    }
    let students = (0..<studentCount).map { i in
      let length = Int.random(in: 0...4, using: &rng)
      let list = (0..<length).map { _ in
        // One id in ten is unknown: it keeps its rank position but is skipped.
        Int.random(in: 0..<10, using: &rng) == 0
          ? "X\(i)" : "W\(Int.random(in: 0..<worksiteCount, using: &rng))"
      }
      return Student(
        id: "S\(i)", school: "K\(i % 2)", cluster: "it", age: Int.random(in: 15...17, using: &rng),
        preferences: list)
    }
    // Random data is valid by construction (ids unique, clusters known, capacities ≥ 0).
    guard let instance = try? PlacementInstance(students: students, worksites: worksites) else {
      preconditionFailure("RandomInstances built an invalid instance for seed \(seed)")
    }
    return instance
  }
}

/// Exhaustive search for the best lexicographic objective: the ground truth for small instances.
public enum BruteForce {
  /// The best (most placed, then least cost) objective over every valid placement — one that
  /// ``PlacementInstance/violations(in:)`` finds nothing wrong with, so every side constraint
  /// counts, and that meets the school floor when any valid placement does — or `nil` when
  /// there is none.
  ///
  /// - Complexity: O(∏(k_s + 1)) — only for tiny instances.
  public static func bestObjective(_ instance: PlacementInstance, rankCost: RankCost)
    -> PlacementObjective?
  {
    var best: PlacementObjective?
    var bestMeetingFloors: PlacementObjective?
    forEachValidPlacement(instance) { placement in
      let value = instance.objective(of: placement, rankCost: rankCost)
      if best.map({ value < $0 }) ?? true { best = value }
      if meetsFloors(placement, instance), bestMeetingFloors.map({ value < $0 }) ?? true {
        bestMeetingFloors = value
      }
    }
    return bestMeetingFloors ?? best
  }

  /// The best (most placed, then smallest worst rank, then least sum of ranks) over every
  /// valid placement, as (placed, worst rank, cost).
  ///
  /// - Complexity: O(∏(k_s + 1)) — only for tiny instances.
  public static func bestWorstRank(_ instance: PlacementInstance) -> (Int, Int, Int) {
    var best = (0, 0, 0)
    forEachValidPlacement(instance) { placement in
      let objective = instance.objective(of: placement, rankCost: .linear)
      let worst =
        instance.students.indices.compactMap { s in
          placement.worksite(of: s).flatMap { instance.rank(of: s, at: $0) }
        }.max() ?? 0
      let value = (objective.placed, worst, objective.cost)
      if (value.0, -value.1, -value.2) > (best.0, -best.1, -best.2) { best = value }
    }
    return best
  }

  /// Calls `body` with every placement ``PlacementInstance/violations(in:)`` accepts (pins
  /// fixed, eligible choices only, capacities respected).
  public static func forEachValidPlacement(
    _ instance: PlacementInstance, _ body: (Placement) -> Void
  ) {
    var load = [Int](repeating: 0, count: instance.worksites.count)
    var placement = Placement(studentCount: instance.students.count)
    let checkRules = !instance.sideRules.isEmpty
    func search(_ s: Int) {
      if s == instance.students.count {
        if !checkRules || instance.violations(in: placement).isEmpty { body(placement) }
        return
      }
      let pin = Int(instance.pinnedWorksite[s])
      let options =
        pin >= 0
        ? [pin] : [-1] + instance.choices.range(of: s).map { Int(instance.choices.worksite[$0]) }
      for w in options {
        guard w < 0 || load[w] < instance.worksites[w].capacity else { continue }
        if w >= 0 { load[w] += 1 }
        placement.assign(student: s, to: w < 0 ? nil : w)
        search(s + 1)
        placement.assign(student: s, to: nil)
        if w >= 0 { load[w] -= 1 }
      }
    }
    search(0)
  }

  /// Whether every school places at least ⌈floor × its placeable students⌉ (true without a
  /// floor).
  public static func meetsFloors(_ placement: Placement, _ instance: PlacementInstance) -> Bool {
    guard let floor = instance.rules.schoolFloor else { return true }
    var placeable: [String: Int] = [:]
    var placed: [String: Int] = [:]
    for s in instance.students.indices
    where instance.pinnedWorksite[s] >= 0 || !instance.choices.range(of: s).isEmpty {
      placeable[instance.students[s].school, default: 0] += 1
      if placement.worksite(of: s) != nil { placed[instance.students[s].school, default: 0] += 1 }
    }
    return placeable.allSatisfy { school, n in
      Double(placed[school, default: 0]) >= (floor * Double(n) - 1e-9).rounded(.up)
    }
  }

  /// The lexicographically greatest rank profile (first choices, then second, …) over every
  /// valid placement, trimmed of trailing zeros.
  ///
  /// - Complexity: O(∏(k_s + 1)) — only for tiny instances.
  public static func bestProfile(_ instance: PlacementInstance) -> [Int] {
    let longest = instance.choices.rank.map(Int.init).max() ?? 0
    var best: [Int]?
    var bestMeetingFloors: [Int]?
    forEachValidPlacement(instance) { placement in
      var profile = [Int](repeating: 0, count: longest)
      for case .placed(_, let rank) in instance.outcomes(of: placement) where rank > 0 {
        profile[rank - 1] += 1
      }
      if best.map({ $0.lexicographicallyPrecedes(profile) }) ?? true { best = profile }
      if meetsFloors(placement, instance),
        bestMeetingFloors.map({ $0.lexicographicallyPrecedes(profile) }) ?? true
      {
        bestMeetingFloors = profile
      }
    }
    let found = bestMeetingFloors ?? best ?? []
    return Array(found.reversed().drop { $0 == 0 }.reversed())
  }
}
