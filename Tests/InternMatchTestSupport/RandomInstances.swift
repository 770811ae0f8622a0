import InternMatch

/// Small seeded random instances for cross-checking solvers against brute force.
public enum RandomInstances {
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
  /// The best (most placed, then least cost) objective over every valid placement.
  ///
  /// - Complexity: O(∏(k_s + 1)) — only for tiny instances.
  public static func bestObjective(_ instance: PlacementInstance, rankCost: RankCost)
    -> PlacementObjective
  {
    var load = [Int](repeating: 0, count: instance.worksites.count)
    var best = PlacementObjective(placed: 0, cost: 0)
    func search(_ s: Int, _ placed: Int, _ cost: Int) {
      if s == instance.students.count {
        let value = PlacementObjective(placed: placed, cost: cost)
        if value < best { best = value }
        return
      }
      search(s + 1, placed, cost)
      let choices = instance.choices
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        guard load[w] < instance.worksites[w].capacity else { continue }
        load[w] += 1
        search(s + 1, placed + 1, cost + rankCost.cost(ofRank: Int(choices.rank[c])))
        load[w] -= 1
      }
    }
    search(0, 0, 0)
    return best
  }

  /// The lexicographically greatest rank profile (first choices, then second, …) over every
  /// valid placement, trimmed of trailing zeros.
  ///
  /// - Complexity: O(∏(k_s + 1)) — only for tiny instances.
  public static func bestProfile(_ instance: PlacementInstance) -> [Int] {
    var load = [Int](repeating: 0, count: instance.worksites.count)
    let longest = instance.choices.rank.map(Int.init).max() ?? 0
    var profile = [Int](repeating: 0, count: longest)
    var best = profile
    func search(_ s: Int) {
      if s == instance.students.count {
        if profile.lexicographicallyPrecedes(best) == false, profile != best {
          best = profile
        }
        return
      }
      search(s + 1)
      let choices = instance.choices
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        guard load[w] < instance.worksites[w].capacity else { continue }
        load[w] += 1
        profile[Int(choices.rank[c]) - 1] += 1
        search(s + 1)
        profile[Int(choices.rank[c]) - 1] -= 1
        load[w] -= 1
      }
    }
    search(0)
    return Array(best.reversed().drop { $0 == 0 }.reversed())
  }
}
