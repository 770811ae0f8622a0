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
  /// A seat is free, but only in reserves (that do not revert) for groups the student is not
  /// in: seating them as well breaks Hall's condition for the worksite's seat types.
  case reserved
  /// The worksite is empty and runs a cohort of at least `min_group` (≥ 2): the student alone
  /// cannot open it.
  case minimumGroup = "min-group"
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

  /// The loads of `placement`.
  public init(_ instance: PlacementInstance, _ placement: Placement) {
    self.instance = instance
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
    }
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
    if !instance.policy.reservesRevert, !site.reserves.isEmpty,
      PlacementInstance.reserveShortfall(
        site, seating: seatedGroups[w, default: []] + [instance.students[s].groups]) != nil
    {
      return .reserved
    }
    if load[w] == 0, let m = site.minimumGroupSize, m > 1 { return .minimumGroup }
    return nil
  }
}
