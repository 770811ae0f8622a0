/// What keeps one student out of one worksite's seats, given where everyone else sits.
///
/// ```swift
/// let occupancy = SeatOccupancy(instance, placement)
/// occupancy.blocker(student: 3, worksite: 0)  // .full, or nil when a seat is free for them
/// ```
public enum SeatBlocker: String, Hashable, Sendable, Codable, CaseIterable {
  /// Every seat is taken.
  case full = "choices-full"
  /// A seat is free, but the worksite already holds `max_per_school` students of the
  /// student's school.
  case schoolLimit = "school-limit"
  /// A seat is free, but the employer's worksites together are at the employer's capacity.
  case employerLimit = "employer-limit"
  /// A seat is free, but only in reserves for groups the student is not in: seating them as
  /// well breaks Hall's condition for the worksite's seat types (reserves that do not revert),
  /// or, under a ``SeatingOrder``, the worksite's seat plan would not give them a seat.
  case reserved
  /// The worksite is empty and runs a cohort of at least `min_group` (≥ 2): the student alone
  /// cannot open it.
  case minimumGroup = "min-group"
}

/// The order in which a strategy seats a worksite's students, when it matters for which seats
/// they hold: strategies that fill a worksite's seat stages (``SeatPlan``) in the policy's
/// reserve order hold each student in a particular stage, so a seat free under Hall's
/// condition (what `optimal` may rearrange) may still be closed to a newcomer.
public enum SeatingOrder: Sendable {
  /// Students took their seats in this turn order (position per student, smaller first), as
  /// in `serial-dictatorship` and `greedy`: a newcomer comes after everyone seated.
  case turns([Int])
  /// The worksite chooses among its applicants by these priorities, as `stable` does.
  case priorities(WorksitePriorities)
}

/// The loads a placement puts on every limit: seats per worksite, students of each school per
/// limited worksite, employer totals and the groups seated at reserve worksites. Answers
/// "could this student take a seat there now, everyone else staying put?".
///
/// - Complexity: O(S + W) to build; ``blocker(student:worksite:)`` is O(1) but for reserves,
///   O(2^r · n) for r reserves and n students seated there.
public struct SeatOccupancy: Sendable {
  /// Students placed at each worksite.
  public let load: [Int]
  /// Students placed at each employer-capacity entry's worksites.
  public let employerLoad: [Int]
  private let instance: PlacementInstance
  private let schools: [Int32]
  /// Students of each school at each worksite with a `max_per_school`, keyed `w << 32 | school`.
  private let perSchool: [Int: Int]
  /// Groups of the students seated at each worksite with reserves (when reserves do not revert).
  private let seatedGroups: [Int: [Set<String>]]
  /// The students seated at each worksite with reserves, when a seating order is given.
  private let seated: [Int: [Int32]]
  private let seating: SeatingOrder?

  /// The loads of `placement`; `seating` tells how the strategy seats students in reserve
  /// stages (`nil`: any seating Hall's condition allows, as for `optimal`).
  public init(_ instance: PlacementInstance, _ placement: Placement, seating: SeatingOrder? = nil) {
    self.instance = instance
    self.seating = seating
    var seated: [Int: [Int32]] = [:]
    var load = [Int](repeating: 0, count: instance.worksites.count)
    var employerLoad = [Int](repeating: 0, count: instance.rules.employerCapacity.count)
    let limited = instance.worksites.contains { $0.maxPerSchool != nil }
    let schools = limited ? instance.schoolIndices : []
    var perSchool: [Int: Int] = [:]
    var seatedGroups: [Int: [Set<String>]] = [:]
    let reservesBind = !instance.policy.reservesRevert
    for s in 0..<instance.students.count {
      guard let w = placement.worksite(of: s) else { continue }
      load[w] += 1
      if instance.employerLimit[w] >= 0 { employerLoad[Int(instance.employerLimit[w])] += 1 }
      if limited, instance.worksites[w].maxPerSchool != nil {
        perSchool[w << 32 | Int(schools[s]), default: 0] += 1
      }
      if reservesBind, !instance.worksites[w].reserves.isEmpty {
        seatedGroups[w, default: []].append(instance.students[s].groups)
      }
      if seating != nil, !instance.worksites[w].reserves.isEmpty {
        seated[w, default: []].append(Int32(s))
      }
    }
    self.seated = seated
    self.load = load
    self.employerLoad = employerLoad
    self.schools = schools
    self.perSchool = perSchool
    self.seatedGroups = seatedGroups
  }

  /// Why `student` (not placed at `worksite`) could not take a seat there with everyone else
  /// where they are, checked in this order: ``SeatBlocker/full``, school limit, employer
  /// limit, reserves, minimum group; `nil` when a seat there is free for them.
  public func blocker(student s: Int, worksite w: Int) -> SeatBlocker? {
    let site = instance.worksites[w]
    if load[w] >= site.capacity { return .full }
    if let limit = site.maxPerSchool, perSchool[w << 32 | Int(schools[s]), default: 0] >= limit {
      return .schoolLimit
    }
    let e = Int(instance.employerLimit[w])
    if e >= 0, employerLoad[e] >= instance.rules.employerCapacity[e].capacity {
      return .employerLimit
    }
    if !site.reserves.isEmpty {
      if let seating {
        if !seatPlanTakes(s, at: w, seating) { return .reserved }
      } else if !instance.policy.reservesRevert,
        PlacementInstance.reserveShortfall(
          site, seating: seatedGroups[w, default: []] + [instance.students[s].groups]) != nil
      {
        return .reserved
      }
    }
    if load[w] == 0, let m = site.minimumGroupSize, m > 1 { return .minimumGroup }
    return nil
  }

  /// Whether the worksite's seat plan, choosing among its students and `s` in `seating`'s
  /// order (a newcomer last under turns), gives `s` a seat.
  private func seatPlanTakes(_ s: Int, at w: Int, _ seating: SeatingOrder) -> Bool {
    let plan = SeatPlan(worksite: instance.worksites[w], policy: instance.policy)
    var applicants = seated[w, default: []]
    switch seating {
    case .turns(let turn):
      applicants.sort { turn[Int($0)] < turn[Int($1)] }
      applicants.append(Int32(s))
    case .priorities(let priorities):
      applicants.append(Int32(s))
      applicants.sort {
        (priorities.key(of: Int($0), at: w, in: instance), $0)
          < (priorities.key(of: Int($1), at: w, in: instance), $1)
      }
    }
    let chosen = plan.choose(
      applicants, forced: { instance.pinnedWorksite[Int($0)] == Int32(w) }, in: instance,
      schools: plan.maxPerSchool == nil ? [] : instance.schoolIndices)
    guard let k = applicants.firstIndex(of: Int32(s)) else { return false }
    return chosen[k]
  }
}
