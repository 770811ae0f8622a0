import InternMatch

/// Small seeded random instances with everything stable matching looks at: worksite rankings
/// (some worksites rank a subset of students), priority groups, reserves that revert or not in
/// either order, school limits, pins and either tie-breaking rule.
public enum RandomMarkets {
  /// A random market; the same seed always gives the same instance.
  public static func make(
    seed: UInt64, maxStudents: Int = 5, maxWorksites: Int = 3, sideRules: Bool = true
  ) -> PlacementInstance {
    var rng = SplitMix64(seed: seed)
    let worksiteCount = Int.random(in: 1...maxWorksites, using: &rng)
    let studentCount = Int.random(in: 1...maxStudents, using: &rng)
    let worksites = (0..<worksiteCount).map { j in
      var w = Worksite(id: "W\(j)", cluster: "it", capacity: Int.random(in: 0...2, using: &rng))
      if sideRules, Int.random(in: 0..<3, using: &rng) == 0 {
        w.reserves = [SeatReserve(group: "ell", seats: .seats(1))]
      }
      if sideRules, Int.random(in: 0..<4, using: &rng) == 0 { w.maxPerSchool = 1 }
      return w
    }
    let students = (0..<studentCount).map { i in
      let length = Int.random(in: 0...worksiteCount, using: &rng)
      var ids = (0..<worksiteCount).map { "W\($0)" }
      ids.shuffle(using: &rng)
      return Student(
        id: "S\(i)", school: "K\(Int.random(in: 0...1, using: &rng))", cluster: "it",
        groups: Bool.random(using: &rng) ? ["ell"] : [], preferences: Array(ids.prefix(length)))
    }
    var rankings: [WorksiteRanking] = []
    for j in 0..<worksiteCount where Bool.random(using: &rng) {
      for i in 0..<studentCount where Int.random(in: 0..<4, using: &rng) > 0 {
        rankings.append(
          WorksiteRanking(
            worksite: "W\(j)", student: "S\(i)", rank: Int.random(in: 1...3, using: &rng)))
      }
    }
    var policy = Policy()
    policy.priorityGroups = Bool.random(using: &rng) ? ["ell"] : []
    policy.tieBreaking = Bool.random(using: &rng) ? .single : .multiple
    policy.reservesRevert = Bool.random(using: &rng)
    policy.reservedSeatsFirst = Bool.random(using: &rng)
    var rules = PlacementRules()
    if sideRules, let w = worksites.first(where: { $0.capacity > 0 }),
      Int.random(in: 0..<4, using: &rng) == 0
    {
      rules.pins = [Pin(student: "S0", worksite: w.id)]
    }
    // A pin the reserves cannot seat is invalid: drop it then.
    guard
      let instance =
        (try? PlacementInstance(
          students: students, worksites: worksites, rankings: rankings, policy: policy,
          rules: rules))
        ?? (try? PlacementInstance(
          students: students, worksites: worksites, rankings: rankings, policy: policy))
    else { preconditionFailure("RandomMarkets built an invalid instance for seed \(seed)") }
    return instance
  }
}

/// Every stable placement of a tiny instance, by enumeration: the ground truth for
/// deferred acceptance.
public enum StableEnumeration {
  /// All placements (pins honoured, eligible choices only, capacities respected) in which every
  /// worksite would keep exactly the students it holds and no student and worksite block.
  ///
  /// - Complexity: O(∏(k_s + 1)) placements, each checked in O(L·q) — tiny instances only.
  public static func stablePlacements(
    _ instance: PlacementInstance, priorities: WorksitePriorities
  ) -> [Placement] {
    var found: [Placement] = []
    var placement = Placement(studentCount: instance.students.count)
    var load = [Int](repeating: 0, count: instance.worksites.count)
    let plans = instance.worksites.map { SeatPlan(worksite: $0, policy: instance.policy) }
    let schools = instance.schoolIndices
    func search(_ s: Int) {
      if s == instance.students.count {
        if keepsWhatItHolds(placement, instance, priorities, plans, schools),
          instance.blockingPairs(in: placement, priorities: priorities).isEmpty
        {
          found.append(placement)
        }
        return
      }
      if instance.pinnedWorksite[s] >= 0 {
        let w = Int(instance.pinnedWorksite[s])
        placement.assign(student: s, to: w)
        load[w] += 1
        search(s + 1)
        load[w] -= 1
        placement.assign(student: s, to: nil)
        return
      }
      search(s + 1)
      for c in instance.choices.range(of: s) {
        let w = Int(instance.choices.worksite[c])
        guard load[w] < instance.worksites[w].capacity else { continue }
        load[w] += 1
        placement.assign(student: s, to: w)
        search(s + 1)
        placement.assign(student: s, to: nil)
        load[w] -= 1
      }
    }
    search(0)
    return found
  }

  /// Whether every worksite, choosing among the students it holds, keeps them all (in
  /// particular, holds nobody it finds unacceptable).
  private static func keepsWhatItHolds(
    _ placement: Placement, _ instance: PlacementInstance, _ priorities: WorksitePriorities,
    _ plans: [SeatPlan], _ schools: [Int32]
  ) -> Bool {
    for w in instance.worksites.indices {
      let held = (0..<instance.students.count).filter { placement.worksite(of: $0) == w }
        .map { (key: priorities.key(of: $0, at: w, in: instance), student: Int32($0)) }
        .sorted { ($0.key, $0.student) < ($1.key, $1.student) }
      if held.contains(where: { $0.key == WorksitePriorities.unacceptable }) { return false }
      let chosen = plans[w].choose(
        held.map(\.student), forced: { instance.pinnedWorksite[Int($0)] == w }, in: instance,
        schools: schools)
      if chosen.contains(false) { return false }
    }
    return true
  }

  /// How `student` values a worksite under their true list: its rank, `Int.max - 1` unplaced,
  /// `Int.max` for a worksite they did not list as an eligible choice (worse than nothing).
  public static func value(
    of worksite: Int?, for student: Int, in instance: PlacementInstance
  ) -> Int {
    guard let w = worksite else { return Int.max - 1 }
    return instance.choices.rank(of: student, for: w) ?? Int.max
  }
}
