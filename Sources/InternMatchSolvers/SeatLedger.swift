import InternMatchModel

/// The seats still free while students take them one at a time, for the sequential strategies:
/// per worksite and seat stage (open seats and each reserve, see ``SeatPlan``), per worksite and
/// school under `max_per_school`, and per employer.
///
/// A student takes the first stage, in the plan's precedence order, that has a seat and that
/// they may use: open seats, or a reserve of one of their groups; after ``releaseReserves()``
/// anyone may use a reserved seat.
///
/// ```swift
/// var ledger = SeatLedger(instance)
/// ledger.take(student: 0, at: 3)  // true, and the seat is gone
/// ```
///
/// - Complexity: ``take(student:at:)`` is O(stages of the worksite + groups of the student).
struct SeatLedger {
  private let instance: PlacementInstance
  private let plans: [SeatPlan]
  private let schools: [Int32]
  private var stageStart: [Int]
  private var left: [Int]
  private var perSchool: [Int: Int] = [:]
  private var employerLeft: [Int]
  private var released = false

  init(_ instance: PlacementInstance) {
    self.instance = instance
    plans = instance.worksites.map { SeatPlan(worksite: $0, policy: instance.policy) }
    schools = instance.schoolIndices(for: plans)
    var stageStart = [0]
    var left: [Int] = []
    for plan in plans {
      left += plan.stages.map(\.seats)
      stageStart.append(left.count)
    }
    self.stageStart = stageStart
    self.left = left
    employerLeft = instance.rules.employerCapacity.map(\.capacity)
  }

  /// Whether any reserved seat exists.
  var hasReserves: Bool { plans.contains { $0.stages.contains { $0.group != nil } } }

  /// Takes a seat at `w` for `s` if one is free to them; returns whether it did.
  mutating func take(student s: Int, at w: Int) -> Bool {
    let employer = Int(instance.employerLimit[w])
    if employer >= 0, employerLeft[employer] <= 0 { return false }
    if let limit = plans[w].maxPerSchool, perSchool[schoolKey(s, w), default: 0] >= limit {
      return false
    }
    let groups = instance.students[s].groups
    guard
      let t = plans[w].stages.indices.first(where: { t in
        guard left[stageStart[w] + t] > 0 else { return false }
        guard let group = plans[w].stages[t].group else { return true }
        return released || groups.contains(group)
      })
    else { return false }
    commit(s, at: w, stage: t)
    return true
  }

  /// Takes a seat at `w` for a pinned student `s`, whatever the limits say (pins are checked
  /// against capacity when the instance is built).
  mutating func force(student s: Int, at w: Int) {
    if take(student: s, at: w) { return }
    let t = plans[w].stages.indices.first { left[stageStart[w] + $0] > 0 }
    commit(s, at: w, stage: t)
  }

  /// Makes every unfilled reserved seat open to anyone (reserves that revert).
  mutating func releaseReserves() { released = true }

  private mutating func commit(_ s: Int, at w: Int, stage t: Int?) {
    if let t { left[stageStart[w] + t] -= 1 }
    let employer = Int(instance.employerLimit[w])
    if employer >= 0 { employerLeft[employer] -= 1 }
    if plans[w].maxPerSchool != nil { perSchool[schoolKey(s, w), default: 0] += 1 }
  }

  private func schoolKey(_ s: Int, _ w: Int) -> Int { w << 32 | Int(schools[s]) }
}
