import InternMatchModel

/// Stable placement: student-proposing deferred acceptance (Gale & Shapley, "College admissions
/// and the stability of marriage", 1962; Roth, "The evolution of the labor market for medical
/// interns and residents", JPE 1984, for many students per worksite; Abdulkadiroğlu & Sönmez,
/// "School choice: a mechanism design approach", AER 2003, for priorities and lotteries).
///
/// Every free student proposes to their best eligible choice not yet tried; the worksite keeps
/// the applicants its ``/InternMatchModel/SeatPlan`` chooses among those it holds and the newcomer, by
/// ``/InternMatchModel/WorksitePriorities``, and rejects the rest, who propose again. The result is the
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
/// - Complexity: O(L·r·log q) time for L choices, worksites of at most q seats and r seat
///   stages (1 + reserves): a plain worksite keeps its students in a binary max-heap by
///   priority (the worst on top), so a proposal is one comparison and a sift; a worksite with
///   reserves keeps one heap per stage and passes at most one student from stage to stage
///   (`StagedSeats`); one with a school limit keeps a heap per school (`SchoolLimitedSeats`).
///   Only a worksite with both reserves and a school limit re-chooses among everyone it holds,
///   O(r·q) a proposal there. O(S + L + W) memory: a worksite's slots are its usable seats,
///   min(capacity, applicants), never the stated capacity. The inner loop works on integer
///   arrays and allocates nothing at plain worksites.
public struct StableStrategy: LotteryStrategy {
  /// The lottery seed.
  public var seed: UInt64

  /// Students who hold a seat from an earlier round (worksite index per student, `-1` for
  /// none): each comes first at that worksite, after pinned students (``/InternMatchModel/WorksitePriorities``'s
  /// incumbency), so they keep it unless they get a choice they like better. `nil`: no round
  /// before.
  package var incumbents: [Int32]?

  /// Creates the strategy.
  public init(seed: UInt64) {
    self.seed = seed
  }

  /// The strategy for a later round, with `incumbents` holding their seats (see ``Rematch``).
  package init(seed: UInt64, incumbents: [Int32]?) {
    self.seed = seed
    self.incumbents = incumbents
  }

  public var name: String { "stable" }
  /// Pins, school limits and reserves; a menu of activities (with slots and
  /// `max_per_employer`) through ``placeMenu(_:)``.
  public var supportedRules: Set<SideRule> {
    Set([.pins, .maxPerSchool, .reserves]).union(menuRules)
  }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try refuseMenu(instance)
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

/// The state of one deferred-acceptance run: what each worksite holds. Plain worksites keep a
/// max-heap by `(key, student)` in flat arrays (worksite `w` owns slots `start[w] ..< start[w + 1]`,
/// its usable seats; the worst held student at `start[w]`); worksites with reserves hold
/// ``StagedSeats``, worksites with a school limit ``SchoolLimitedSeats``, and worksites with both
/// re-choose among everyone they hold, kept best first in the flat arrays.
struct DeferredAcceptance {
  /// How a worksite holds its students.
  enum Holding {
    case plain
    case staged(Int)
    case schoolLimited(Int)
    case rechoosing
  }

  let instance: PlacementInstance
  let priorities: WorksitePriorities
  let plans: [SeatPlan]
  let schools: [Int32]
  let holding: [Holding]
  var staged: [StagedSeats] = []
  var limited: [SchoolLimitedSeats] = []
  /// Each student's worksite at a school-limited worksite, or -1 (empty without such worksites).
  var holder: [Int32] = []
  var start: [Int]
  var count: [Int32]
  var heldStudent: [Int32]
  var heldKey: [UInt64]
  /// Each student's next choice entry to propose to.
  var next: [Int]
  var proposals = 0
  var rejections = 0

  /// Prepares a run; `incremental: false` makes every worksite with reserves or a school limit
  /// re-choose among everyone it holds (the reference the incremental holdings are tested
  /// against).
  init(instance: PlacementInstance, priorities: WorksitePriorities, incremental: Bool = true) {
    self.instance = instance
    self.priorities = priorities
    let plans = instance.worksites.map { SeatPlan(worksite: $0, policy: instance.policy) }
    self.plans = plans
    schools = instance.schoolIndices(for: plans)
    var pinned = [[Int32]](repeating: [], count: instance.worksites.count)
    for (s, w) in instance.pinnedWorksite.enumerated() where w >= 0 {
      pinned[Int(w)].append(Int32(s))
    }
    // Usable seats: a worksite never holds more students than apply to it or are pinned there.
    var applicants = [Int](repeating: 0, count: instance.worksites.count)
    for w in instance.choices.worksite { applicants[Int(w)] += 1 }
    var holding: [Holding] = []
    var start = [Int](repeating: 0, count: instance.worksites.count + 1)
    for (w, plan) in plans.enumerated() {
      let kind: Holding =
        plan.isPlain
        ? .plain
        : !incremental || (plan.stages.count > 1 && plan.maxPerSchool != nil)
          ? .rechoosing
          : plan.maxPerSchool != nil ? .schoolLimited(limited.count) : .staged(staged.count)
      holding.append(kind)
      switch kind {
      case .plain, .rechoosing:
        let seats = min(instance.worksites[w].capacity, applicants[w] + pinned[w].count)
        start[w + 1] = start[w] + max(seats, 0)
      case .staged:
        start[w + 1] = start[w]
        staged.append(StagedSeats(plan: plan, pinned: pinned[w], in: instance))
      case .schoolLimited:
        start[w + 1] = start[w]
        limited.append(
          SchoolLimitedSeats(
            worksite: w, capacity: max(instance.worksites[w].capacity, 0),
            limit: plan.maxPerSchool ?? 0, pinned: pinned[w], schools: schools))
      }
    }
    self.holding = holding
    if !limited.isEmpty { holder = [Int32](repeating: -1, count: instance.students.count) }
    self.start = start
    count = [Int32](repeating: 0, count: instance.worksites.count)
    heldStudent = [Int32](repeating: -1, count: start.last ?? 0)
    heldKey = [UInt64](repeating: 0, count: start.last ?? 0)
    next = instance.choices.offsets.dropLast().map { $0 }
    for (w, students) in pinned.enumerated() {
      for s in students {
        switch holding[w] {
        case .plain: push(s, key: WorksitePriorities.pinned, at: w)
        case .rechoosing: insert(s, key: WorksitePriorities.pinned, at: w)
        case .staged, .schoolLimited: break
        }
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
      proposing: while next[Int(s)] < end {
        let c = next[Int(s)]
        next[Int(s)] += 1
        let key = priorities.key[c]
        guard key != WorksitePriorities.unacceptable else { continue }
        proposals += 1
        let w = Int(choices.worksite[c])
        let rejected: Int32?
        switch holding[w] {
        case .plain:
          if offerPlain(s, key: key, at: w, free: &free) { break proposing }
          continue
        case .rechoosing:
          if offer(s, key: key, at: w, free: &free) { break proposing }
          continue
        case .staged(let i): rejected = staged[i].offer(s, key: key, in: instance)
        case .schoolLimited(let i):
          rejected = limited[i].offer(s, key: key, schools: schools, holder: &holder)
        }
        guard let rejected else { break }
        rejections += 1
        if rejected != s {
          free.append(rejected)
          break
        }
      }
    }
  }

  /// Who holds each seat once proposing is over.
  func placement() -> Placement {
    var placement = Placement(studentCount: instance.students.count)
    for w in 0..<instance.worksites.count {
      switch holding[w] {
      case .plain, .rechoosing:
        for slot in start[w]..<(start[w] + Int(count[w])) {
          placement.assign(student: Int(heldStudent[slot]), to: w)
        }
      case .staged(let i):
        for s in staged[i].held { placement.assign(student: Int(s), to: w) }
      case .schoolLimited(let i):
        for s in limited[i].held(holder: holder) { placement.assign(student: Int(s), to: w) }
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
    let window = start[w]..<start[w + 1]
    let i = Int(count[w])
    count[w] += 1
    heldKey.withUnsafeMutableBufferPointer { keys in
      heldStudent.withUnsafeMutableBufferPointer { students in
        HeldOrder.siftUp(
          .init(rebasing: keys[window]), .init(rebasing: students[window]), from: i, key: key,
          student: s)
      }
    }
  }

  /// Restores the heap of plain worksite `w` after its top changed.
  ///
  /// - Complexity: O(log q).
  private mutating func siftDown(from top: Int, in w: Int) {
    let window = start[w]..<start[w + 1]
    let n = Int(count[w])
    let (key, student) = (heldKey[top], heldStudent[top])
    heldKey.withUnsafeMutableBufferPointer { keys in
      heldStudent.withUnsafeMutableBufferPointer { students in
        HeldOrder.siftDown(
          .init(rebasing: keys[window]), .init(rebasing: students[window]), count: n, key: key,
          student: student)
      }
    }
  }

  /// A worksite with reserves and a school limit re-chooses among all it holds and the newcomer.
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
  /// with reserves and a school limit, which re-choose among everyone they hold anyway.
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
