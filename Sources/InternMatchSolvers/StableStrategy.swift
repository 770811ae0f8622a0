import InternMatchModel

/// Stable placement: student-proposing deferred acceptance (Gale & Shapley, "College admissions
/// and the stability of marriage", 1962; Roth, "The evolution of the labor market for medical
/// interns and residents", JPE 1984, for many students per worksite; Abdulkadiroğlu & Sönmez,
/// "School choice: a mechanism design approach", AER 2003, for priorities and lotteries).
///
/// Every free student proposes to their best eligible choice not yet tried; the worksite keeps
/// the applicants its ``SeatPlan`` chooses among those it holds and the newcomer, by
/// ``WorksitePriorities``, and rejects the rest, who propose again. The result is the
/// student-optimal stable placement — every student weakly prefers it to any other stable one —
/// and no student can gain by misreporting their list (Dubins & Freedman 1981; Roth 1982;
/// Hatfield & Milgrom 2005 for substitutable choice such as reserves). Pinned students hold
/// their seats from the start, ahead of everyone.
///
/// ```swift
/// let result = try StableStrategy(seed: 2026).place(instance)
/// let p = WorksitePriorities(instance: instance, seed: 2026)
/// instance.blockingPairs(in: result.placement, priorities: p).isEmpty  // true
/// ```
///
/// - Complexity: O(L·log q) time for L choices and worksites of at most q seats: a plain
///   worksite keeps its students in a binary max-heap by priority (the worst on top), so a
///   proposal is one comparison and a sift; O(L·q) at worksites with reserves or school limits,
///   which re-choose among everyone they hold. O(S + L + W) memory: a worksite's slots are its
///   usable seats, min(capacity, applicants), never the stated capacity. The inner loop works on
///   integer arrays and allocates nothing at plain worksites.
public struct StableStrategy: LotteryStrategy {
  /// The lottery seed.
  public var seed: UInt64

  /// Students who hold a seat from an earlier round (worksite index per student, `-1` for
  /// none): each comes first at that worksite, after pinned students (``WorksitePriorities``'s
  /// incumbency), so they keep it unless they get a choice they like better. `nil`: no round
  /// before.
  public var incumbents: [Int32]?

  /// Creates the strategy.
  public init(seed: UInt64, incumbents: [Int32]? = nil) {
    self.seed = seed
    self.incumbents = incumbents
  }

  public var name: String { "stable" }
  public var supportedRules: Set<SideRule> { [.pins, .maxPerSchool, .reserves] }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try requireSupport(of: instance)
    let drawn = WorksitePriorities(instance: instance, seed: seed)
    let priorities =
      incumbents.map { WorksitePriorities(drawn, incumbents: $0, instance: instance) } ?? drawn
    var run = DeferredAcceptance(instance: instance, priorities: priorities)
    run.propose()
    let placement = run.placement()
    var result = PlacementResult(
      placement: placement, objective: instance.objective(of: placement, rankCost: .linear),
      strategy: name, solver: "deferred-acceptance",
      statistics: ["proposals": run.proposals, "rejections": run.rejections])
    result.priorities = priorities
    return result
  }
}

/// The state of one deferred-acceptance run: what each worksite holds, in flat arrays (worksite
/// `w` owns slots `start[w] ..< start[w + 1]`, its usable seats): a max-heap by `(key, student)`
/// at a plain worksite (the worst held student at `start[w]`), best first elsewhere.
struct DeferredAcceptance {
  let instance: PlacementInstance
  let priorities: WorksitePriorities
  let plans: [SeatPlan]
  let schools: [Int32]
  var start: [Int]
  var count: [Int32]
  var heldStudent: [Int32]
  var heldKey: [UInt64]
  /// Each student's next choice entry to propose to.
  var next: [Int]
  var proposals = 0
  var rejections = 0

  init(instance: PlacementInstance, priorities: WorksitePriorities) {
    self.instance = instance
    self.priorities = priorities
    plans = instance.worksites.map { SeatPlan(worksite: $0, policy: instance.policy) }
    schools = instance.schoolIndices(for: plans)
    // Usable seats: a worksite never holds more students than apply to it or are pinned there.
    var applicants = [Int](repeating: 0, count: instance.worksites.count)
    for w in instance.choices.worksite { applicants[Int(w)] += 1 }
    for w in instance.pinnedWorksite where w >= 0 { applicants[Int(w)] += 1 }
    var start = [Int](repeating: 0, count: instance.worksites.count + 1)
    for (w, worksite) in instance.worksites.enumerated() {
      start[w + 1] = start[w] + max(min(worksite.capacity, applicants[w]), 0)
    }
    self.start = start
    count = [Int32](repeating: 0, count: instance.worksites.count)
    heldStudent = [Int32](repeating: -1, count: start.last ?? 0)
    heldKey = [UInt64](repeating: 0, count: start.last ?? 0)
    next = instance.choices.offsets.dropLast().map { $0 }
    for (s, w) in instance.pinnedWorksite.enumerated() where w >= 0 {
      if plans[Int(w)].isPlain {
        push(Int32(s), key: WorksitePriorities.pinned, at: Int(w))
      } else {
        insert(Int32(s), key: WorksitePriorities.pinned, at: Int(w))
      }
    }
  }

  /// Runs proposals until every student is held or has exhausted their list.
  mutating func propose() {
    let choices = instance.choices
    var free: [Int32] = []
    free.reserveCapacity(instance.students.count)
    for s in stride(from: instance.students.count - 1, through: 0, by: -1)
    where instance.pinnedWorksite[s] < 0 {
      free.append(Int32(s))
    }
    while let s = free.popLast() {
      let end = choices.offsets[Int(s) + 1]
      while next[Int(s)] < end {
        let c = next[Int(s)]
        next[Int(s)] += 1
        let key = priorities.key[c]
        guard key != WorksitePriorities.unacceptable else { continue }
        proposals += 1
        let w = Int(choices.worksite[c])
        let accepted =
          plans[w].isPlain
          ? offerPlain(s, key: key, at: w, free: &free) : offer(s, key: key, at: w, free: &free)
        if accepted { break }
      }
    }
  }

  /// Who holds each seat once proposing is over.
  func placement() -> Placement {
    var placement = Placement(studentCount: instance.students.count)
    for w in 0..<instance.worksites.count {
      for slot in start[w]..<(start[w] + Int(count[w])) {
        placement.assign(student: Int(heldStudent[slot]), to: w)
      }
    }
    return placement
  }

  /// A plain worksite keeps the best `capacity` applicants: the newcomer goes in if a seat is
  /// free or they beat the worst held student (the heap's top), who is then rejected.
  private mutating func offerPlain(_ s: Int32, key: UInt64, at w: Int, free: inout [Int32])
    -> Bool
  {
    let seats = start[w + 1] - start[w]
    if Int(count[w]) < seats {
      push(s, key: key, at: w)
      return true
    }
    rejections += 1
    guard seats > 0 else { return false }
    let top = start[w]
    guard (key, s) < (heldKey[top], heldStudent[top]) else { return false }
    free.append(heldStudent[top])
    heldKey[top] = key
    heldStudent[top] = s
    siftDown(from: top, in: w)
    return true
  }

  /// Adds `s` to plain worksite `w`'s heap (there is a free slot).
  ///
  /// - Complexity: O(log q).
  private mutating func push(_ s: Int32, key: UInt64, at w: Int) {
    let base = start[w]
    var i = Int(count[w])
    count[w] += 1
    // Sift up: a parent is worse than (greater than) its children.
    while i > 0 {
      let parent = (i - 1) / 2
      guard (heldKey[base + parent], heldStudent[base + parent]) < (key, s) else { break }
      heldKey[base + i] = heldKey[base + parent]
      heldStudent[base + i] = heldStudent[base + parent]
      i = parent
    }
    heldKey[base + i] = key
    heldStudent[base + i] = s
  }

  /// Restores the heap of plain worksite `w` after its top changed.
  ///
  /// - Complexity: O(log q).
  private mutating func siftDown(from top: Int, in w: Int) {
    let n = Int(count[w])
    let key = heldKey[top]
    let student = heldStudent[top]
    var i = 0
    while true {
      var child = 2 * i + 1
      guard child < n else { break }
      if child + 1 < n,
        (heldKey[top + child], heldStudent[top + child])
          < (heldKey[top + child + 1], heldStudent[top + child + 1])
      {
        child += 1
      }
      guard (key, student) < (heldKey[top + child], heldStudent[top + child]) else { break }
      heldKey[top + i] = heldKey[top + child]
      heldStudent[top + i] = heldStudent[top + child]
      i = child
    }
    heldKey[top + i] = key
    heldStudent[top + i] = student
  }

  /// A worksite with reserves or a school limit re-chooses among all it holds and the newcomer.
  private mutating func offer(_ s: Int32, key: UInt64, at w: Int, free: inout [Int32]) -> Bool {
    let held = start[w]..<(start[w] + Int(count[w]))
    let position =
      held.first { (key, s) < (heldKey[$0], heldStudent[$0]) }.map { $0 - start[w] }
      ?? held.count
    var applicants = Array(heldStudent[held])
    var keys = Array(heldKey[held])
    applicants.insert(s, at: position)
    keys.insert(key, at: position)
    let pinned = instance.pinnedWorksite
    let chosen = plans[w].choose(
      applicants, forced: { pinned[Int($0)] == w }, in: instance, schools: schools)
    var kept = 0
    var accepted = false
    for (i, student) in applicants.enumerated() {
      if chosen[i] {
        heldStudent[start[w] + kept] = student
        heldKey[start[w] + kept] = keys[i]
        kept += 1
        accepted = accepted || student == s
      } else {
        rejections += 1
        if student != s { free.append(student) }
      }
    }
    count[w] = Int32(kept)
    return accepted
  }

  /// Inserts `s` into worksite `w`'s sorted held list (there is a free slot); for worksites
  /// with reserves or a school limit, which re-choose among everyone they hold anyway.
  private mutating func insert(_ s: Int32, key: UInt64, at w: Int) {
    var i = start[w] + Int(count[w])
    while i > start[w], (key, s) < (heldKey[i - 1], heldStudent[i - 1]) {
      heldKey[i] = heldKey[i - 1]
      heldStudent[i] = heldStudent[i - 1]
      i -= 1
    }
    heldKey[i] = key
    heldStudent[i] = s
    count[w] += 1
  }
}
