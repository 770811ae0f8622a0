import InternMatchModel

/// Top trading cycles for school choice (Abdulkadiroğlu & Sönmez, "School choice: a mechanism
/// design approach", AER 2003, after Shapley & Scarf 1974): students trade the priorities they
/// hold at worksites.
///
/// Every remaining student points to their best eligible choice that finds them acceptable and
/// still has a free seat; every worksite with a free seat points to its highest-priority
/// remaining applicant, by the same ``/InternMatchModel/WorksitePriorities`` as ``StableStrategy``. Pointers form at
/// least one cycle; every student on a cycle gets the worksite they point to and leaves, and each
/// worksite on it has one seat fewer. A student with nothing left to point to leaves unplaced.
/// Repeat until nobody remains. The result is Pareto-efficient for the students among placements
/// that respect eligibility, acceptability, capacities and pins (no other such placement makes
/// every student weakly better off and one strictly), and no student can gain by misreporting
/// their list; it is not stable (a student may envy a lower-priority one).
///
/// A worksite points only to its applicants (students with an acceptable eligible choice of it).
/// This is the same mechanism as the paper's, whose schools rank every student: a worksite whose
/// applicants are all gone cannot be on a cycle (only an applicant points to it), so where the
/// others come in its order never matters.
///
/// Side constraints honoured: pins only (pinned students take their seats before the first
/// round and leave). School limits, reserves, employer capacities, floors, minimum groups and
/// links are refused: each makes a seat's availability depend on who else is placed, which the
/// paper's mechanism does not define.
///
/// ```swift
/// let result = try TopTradingCyclesStrategy(seed: 2026).place(instance)
/// result.placement.worksite(of: 0)  // student 0's seat, or nil
/// ```
///
/// - Complexity: O(L log L) to sort every worksite's applicants, then O(S + L + W): each
///   student's and each worksite's pointer only moves forward, and the path of pointers being
///   followed is kept on a stack, so after a cycle leaves the walk resumes where it entered.
public struct TopTradingCyclesStrategy: LotteryStrategy {
  /// The lottery seed of the worksite priorities.
  public var seed: UInt64

  /// Creates the strategy.
  public init(seed: UInt64) { self.seed = seed }

  public var name: String { "top-trading-cycles" }
  public var supportedRules: Set<SideRule> { [.pins] }

  public func place(_ instance: PlacementInstance) throws(SolverError) -> PlacementResult {
    try requireSupport(of: instance)
    let priorities = WorksitePriorities(instance: instance, seed: seed)
    var run = TradingCycles(instance: instance, priorities: priorities)
    run.run()
    var result = PlacementResult(
      placement: run.placement, objective: instance.objective(of: run.placement, rankCost: .linear),
      strategy: name, solver: "top-trading-cycles",
      statistics: ["cycles": run.cycles])
    result.priorities = priorities
    return result
  }
}

/// The state of one top-trading-cycles run.
struct TradingCycles {
  let instance: PlacementInstance
  let priorities: WorksitePriorities
  /// Worksite `w`'s applicants are `applicant[first[w] ..< first[w + 1]]`, best first; `top[w]`
  /// is the first slot whose student may still be there.
  var first: [Int]
  var applicant: [Int32]
  var top: [Int]
  var seats: [Int]
  /// Each student's next choice entry to consider, and whether they have left.
  var next: [Int]
  var gone: [Bool]
  var placement: Placement
  var cycles = 0

  init(instance: PlacementInstance, priorities: WorksitePriorities) {
    self.instance = instance
    self.priorities = priorities
    let choices = instance.choices
    let studentCount = instance.students.count
    placement = Placement(studentCount: studentCount)
    seats = instance.worksites.map { max($0.capacity, 0) }
    gone = [Bool](repeating: false, count: studentCount)
    for (s, w) in instance.pinnedWorksite.enumerated() where w >= 0 {
      placement.assign(student: s, to: Int(w))
      seats[Int(w)] -= 1
      gone[s] = true
    }
    var lists = [[(key: UInt64, student: Int32)]](repeating: [], count: instance.worksites.count)
    for s in 0..<studentCount where !gone[s] {
      for c in choices.range(of: s) where priorities.key[c] != WorksitePriorities.unacceptable {
        lists[Int(choices.worksite[c])].append((priorities.key[c], Int32(s)))
      }
    }
    var first = [0]
    var applicant: [Int32] = []
    applicant.reserveCapacity(choices.count)
    for var list in lists {
      list.sort { ($0.key, $0.student) < ($1.key, $1.student) }
      applicant.append(contentsOf: list.map(\.student))
      first.append(applicant.count)
    }
    self.first = first
    self.applicant = applicant
    top = Array(first.dropLast())
    next = choices.offsets.dropLast().map { $0 }
  }

  /// The worksite student `s` points to: their best acceptable choice with a free seat, or nil.
  private mutating func pointer(of s: Int) -> Int? {
    let choices = instance.choices
    let end = choices.offsets[s + 1]
    while next[s] < end {
      let c = next[s]
      if priorities.key[c] != WorksitePriorities.unacceptable,
        seats[Int(choices.worksite[c])] > 0
      {
        return Int(choices.worksite[c])
      }
      next[s] += 1
    }
    return nil
  }

  /// The student worksite `w` points to: its best applicant still there. Only called while an
  /// applicant of `w` (the student pointing to it) remains, so there is one.
  private mutating func pointer(ofWorksite w: Int) -> Int {
    while gone[Int(applicant[top[w]])] { top[w] += 1 }
    return Int(applicant[top[w]])
  }

  /// Follows pointers from every student in turn, executing each cycle found.
  mutating func run() {
    let studentCount = instance.students.count
    // The path being followed: students, each pointing (through a worksite) to the next.
    var path: [(student: Int, worksite: Int)] = []
    var onPath = [Int](repeating: -1, count: studentCount)  // position on `path`, or -1
    for start in 0..<studentCount where !gone[start] {
      var s = start
      while true {
        guard let w = pointer(of: s) else {
          // Nothing left to point to: the student leaves unplaced, and the walk backs up to
          // whoever pointed at them, whose worksite now points elsewhere.
          gone[s] = true
          guard let back = path.popLast() else { break }
          onPath[back.student] = -1
          s = back.student
          continue
        }
        path.append((s, w))
        onPath[s] = path.count - 1
        let t = pointer(ofWorksite: w)
        guard onPath[t] >= 0 else {
          s = t
          continue
        }
        // A cycle from t to the end of the path: everyone on it gets the worksite they point to.
        cycles += 1
        let entry = onPath[t]
        for (u, site) in path[entry...] {
          placement.assign(student: u, to: site)
          seats[site] -= 1
          gone[u] = true
          onPath[u] = -1
        }
        path.removeSubrange(entry...)
        // The path before the cycle is intact except its last student's worksite, whose best
        // applicant just left: resume from that student.
        guard let back = path.popLast() else { break }
        onPath[back.student] = -1
        s = back.student
      }
    }
  }
}
