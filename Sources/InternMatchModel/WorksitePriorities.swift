/// Every worksite's strict priority order over its applicants, as one sort key per eligible
/// choice, and the lottery that orders students in sequential strategies.
///
/// A worksite that appears in `rankings.csv` orders applicants by its own rank and finds every
/// applicant it did not rank unacceptable. Any other worksite accepts every eligible applicant,
/// ordered by priority tier (the first of the policy's `priority_groups` the student belongs to;
/// students in none come last), then by lottery. Equal ranks are also broken by lottery. With
/// single tie-breaking a student carries one lottery number everywhere; with multiple
/// tie-breaking the number is drawn afresh per (worksite, student) pair. Either way the numbers
/// depend only on the seed and the student's and worksite's positions, never on anyone's list,
/// so no report can change them. A pinned student outranks everyone at their pinned worksite.
///
/// A key compares as `(key, student index)`, so priorities are strict.
///
/// ```swift
/// let priorities = WorksitePriorities(instance: instance, seed: 2026)
/// priorities.key[c] < priorities.key[d]  // c's student comes first at their shared worksite
/// ```
///
/// - Complexity: O(S + L + R) for S students, L choices and R rankings.
public struct WorksitePriorities: Sendable {
  /// The key of an applicant a worksite does not accept.
  public static let unacceptable = UInt64.max
  /// The key of a pinned student at their pinned worksite: before everyone.
  public static let pinned: UInt64 = 0

  /// The key of each choice entry of ``PlacementInstance/choices``: smaller is better.
  public let key: [UInt64]
  /// Each student's single-tie-breaking lottery position (0 is drawn first).
  public let lottery: [Int32]
  /// Each student's priority tier: the index of their first priority group, or the number of
  /// groups when they belong to none.
  public let tier: [Int32]
  /// The seed the lotteries were drawn from.
  public let seed: UInt64

  /// Draws the lottery from `seed` and builds every key.
  public init(instance: PlacementInstance, seed: UInt64) {
    let studentCount = instance.students.count
    // Fisher–Yates with our own generator, so a seed draws the same lottery on every platform
    // and Swift version.
    var rng = SplitMix64(seed: seed)
    var drawn = Array(0..<Int32(studentCount))
    for i in stride(from: studentCount - 1, to: 0, by: -1) {
      drawn.swapAt(i, Int(rng.next() % UInt64(i + 1)))
    }
    var lottery = [Int32](repeating: 0, count: studentCount)
    for (position, s) in drawn.enumerated() { lottery[Int(s)] = Int32(position) }

    let groups = instance.policy.priorityGroups
    var tier = [Int32](repeating: 0, count: studentCount)
    if !groups.isEmpty {
      for s in 0..<studentCount {
        tier[s] = Int32(
          groups.firstIndex(where: instance.students[s].groups.contains) ?? groups.count)
      }
    }

    // A worksite's own ranking, written onto the choice entries it ranks; entries of a ranking
    // worksite left without a rank are unacceptable.
    let choices = instance.choices
    var ranks = [Int32](repeating: 0, count: choices.count)
    var ranking = [Bool](repeating: false, count: instance.worksites.count)
    for (w, s, rank) in instance.rankingIndices {
      ranking[Int(w)] = true
      for c in choices.range(of: Int(s)) where choices.worksite[c] == w { ranks[c] = rank }
    }

    let multiple = instance.policy.tieBreaking == .multiple
    var key = [UInt64](repeating: 0, count: choices.count)
    for s in 0..<studentCount {
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        let draw = multiple ? Self.draw(seed: seed, worksite: w, student: s) : UInt64(lottery[s])
        if !ranking[w] {
          key[c] = UInt64(tier[s] + 1) << 32 | draw
        } else if ranks[c] > 0 {
          key[c] = UInt64(ranks[c]) << 32 | draw
        } else {
          key[c] = Self.unacceptable
        }
      }
    }
    self.key = key
    self.lottery = lottery
    self.tier = tier
    self.seed = seed
  }

  /// Priorities from their parts.
  init(key: [UInt64], lottery: [Int32], tier: [Int32], seed: UInt64) {
    self.key = key
    self.lottery = lottery
    self.tier = tier
    self.seed = seed
  }

  /// Students in sequential order: by priority tier, then lottery.
  ///
  /// - Complexity: O(S log S).
  public var sequence: [Int] {
    (0..<lottery.count).sorted { (tier[$0], lottery[$0]) < (tier[$1], lottery[$1]) }
  }

  /// The key of `student` at `worksite`: ``pinned`` when pinned there, the choice's key when it
  /// is an eligible choice, else ``unacceptable``.
  ///
  /// - Complexity: O(k) for k choices of the student.
  public func key(of student: Int, at worksite: Int, in instance: PlacementInstance) -> UInt64 {
    if instance.pinnedWorksite[student] == worksite { return Self.pinned }
    let choices = instance.choices
    for c in choices.range(of: student) where Int(choices.worksite[c]) == worksite {
      return key[c]
    }
    return Self.unacceptable
  }

  /// A 32-bit lottery number for one (worksite, student) pair: the SplitMix64 finaliser of the
  /// seed mixed with both indices.
  private static func draw(seed: UInt64, worksite: Int, student: Int) -> UInt64 {
    var rng = SplitMix64(seed: seed ^ (UInt64(worksite) << 32 | UInt64(student)))
    return rng.next() >> 32
  }
}
