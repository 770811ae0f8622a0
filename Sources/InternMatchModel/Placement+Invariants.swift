/// A broken rule in a placement: what an independent check of any solver's result finds.
public enum PlacementViolation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The placement covers a different number of students than the instance has.
  case studentCountMismatch(expected: Int, actual: Int)
  /// A student is assigned to a worksite index that does not exist.
  case unknownWorksite(student: Int, worksite: Int)
  /// A student is assigned to a worksite not among their eligible choices.
  case notAnEligibleChoice(student: Int, worksite: Int)
  /// A worksite holds more students than its capacity.
  case overCapacity(worksite: Int, assigned: Int, capacity: Int)
  /// A pinned student is not at their pinned worksite.
  case pinNotHonoured(student: Int, worksite: Int)
  /// A worksite holds more students of one school than its `max_per_school`.
  case overSchoolLimit(worksite: Int, school: String, assigned: Int, limit: Int)
  /// An employer's worksites together hold more students than its capacity.
  case overEmployerCapacity(employer: String, assigned: Int, capacity: Int)
  /// A worksite holds some students, but fewer than its minimum group size.
  case belowMinimumGroup(worksite: Int, assigned: Int, minimum: Int)
  /// Two linked students are not at the same worksite (or both unplaced).
  case linkBroken(first: Int, second: Int)
  /// Reserves that do not revert cannot seat a worksite's students: `students` of them may
  /// use only `seats` seats (the open seats and the reserves of their groups).
  case reserveBreached(worksite: Int, students: Int, seats: Int)
  /// A person holds more placements of a kind than its `max_per_participant` (menus only).
  case overKindLimit(student: Int, kind: WorksiteKind, assigned: Int, limit: Int)
  /// A person is placed twice at one worksite (menus only).
  case placedTwiceAtWorksite(student: Int, worksite: Int)
  /// A person holds a placement of a kind not offered to their role (menus only).
  case kindNotOffered(student: Int, worksite: Int)
  /// A placement names no slot at a worksite with slots, a slot at one without, or a slot the
  /// worksite does not have (menus only).
  case badSlot(student: Int, worksite: Int)
  /// Two placements of one person share a slot label (menus only).
  case slotConflict(student: Int, slot: String)
  /// A slot of a worksite holds more people than the worksite's capacity (menus only).
  case overSlotCapacity(worksite: Int, slot: String, assigned: Int, capacity: Int)
  /// A person holds more placements of a kind with one employer than `max_per_employer`.
  case overEmployerLimitPerPerson(student: Int, employer: String, kind: WorksiteKind, limit: Int)

  public var description: String {
    switch self {
    case .studentCountMismatch(let e, let a): "placement has \(a) students, instance \(e)"
    case .unknownWorksite(let s, let w): "student #\(s) assigned to unknown worksite #\(w)"
    case .notAnEligibleChoice(let s, let w):
      "student #\(s) assigned to worksite #\(w), not an eligible choice of theirs"
    case .overCapacity(let w, let n, let c): "worksite #\(w) holds \(n) students, capacity \(c)"
    case .pinNotHonoured(let s, let w): "student #\(s) is not at worksite #\(w), where pinned"
    case .overSchoolLimit(let w, let school, let n, let k):
      "worksite #\(w) holds \(n) students of \(school), limit \(k)"
    case .overEmployerCapacity(let e, let n, let c):
      "employer \(e) holds \(n) students, capacity \(c)"
    case .belowMinimumGroup(let w, let n, let m): "worksite #\(w) holds \(n) students, minimum \(m)"
    case .linkBroken(let a, let b): "linked students #\(a) and #\(b) are apart"
    case .reserveBreached(let w, let n, let k):
      "worksite #\(w) seats \(n) students in the \(k) seats open to them (reserves do not revert)"
    case .overKindLimit(let s, let kind, let n, let k):
      "student #\(s) holds \(n) placements of kind \(kind.rawValue), max_per_participant \(k)"
    case .placedTwiceAtWorksite(let s, let w): "student #\(s) is placed twice at worksite #\(w)"
    case .kindNotOffered(let s, let w):
      "student #\(s) is placed at worksite #\(w), whose kind is not offered to their role"
    case .badSlot(let s, let w): "student #\(s) has no valid slot at worksite #\(w)"
    case .slotConflict(let s, let slot): "student #\(s) holds two placements in slot \(slot)"
    case .overSlotCapacity(let w, let slot, let n, let c):
      "worksite #\(w) holds \(n) people in slot \(slot), capacity \(c)"
    case .overEmployerLimitPerPerson(let s, let e, let kind, let k):
      "student #\(s) holds more than \(k) placements of kind \(kind.rawValue) with employer \(e)"
    }
  }
}

extension PlacementInstance {
  /// Every rule `placement` breaks: one seat per student (by construction), a worksite only from
  /// the student's own eligible choices (or their pin), no worksite over capacity, pins honoured,
  /// `max_per_school`, employer capacities, minimum group sizes and links. Empty means valid.
  ///
  /// ```swift
  /// instance.violations(in: placement).isEmpty  // true for any solver's result
  /// ```
  ///
  /// - Complexity: O(S·k + W).
  public func violations(in placement: Placement) -> [PlacementViolation] {
    guard placement.assignment.count == students.count else {
      return [.studentCountMismatch(expected: students.count, actual: placement.assignment.count)]
    }
    var found: [PlacementViolation] = []
    var load = [Int](repeating: 0, count: worksites.count)
    for s in 0..<students.count {
      guard let w = placement.worksite(of: s) else { continue }
      guard w < worksites.count else {
        found.append(.unknownWorksite(student: s, worksite: w))
        continue
      }
      if choices.rank(of: s, for: w) == nil, pinnedWorksite[s] != w {
        found.append(.notAnEligibleChoice(student: s, worksite: w))
      }
      load[w] += 1
    }
    for (w, n) in load.enumerated() where n > worksites[w].capacity {
      found.append(.overCapacity(worksite: w, assigned: n, capacity: worksites[w].capacity))
    }
    found += sideConstraintViolations(in: placement, load: load)
    return found
  }

  private func sideConstraintViolations(in placement: Placement, load: [Int])
    -> [PlacementViolation]
  {
    var found: [PlacementViolation] = []
    for (s, w) in pinnedWorksite.enumerated() where w >= 0 && placement.worksite(of: s) != Int(w) {
      found.append(.pinNotHonoured(student: s, worksite: Int(w)))
    }
    found += seatLimitViolations(
      of: students.indices.lazy.compactMap { s in placement.worksite(of: s).map { (s, $0) } })
    for (w, n) in load.enumerated() {
      if let m = worksites[w].minimumGroupSize, n > 0, n < m {
        found.append(.belowMinimumGroup(worksite: w, assigned: n, minimum: m))
      }
    }
    for (a, b) in linkedPairs where placement.worksite(of: a) != placement.worksite(of: b) {
      found.append(.linkBroken(first: a, second: b))
    }
    if !policy.reservesRevert { found += reserveViolations(in: placement) }
    return found
  }
}

extension PlacementInstance {
  /// Worksites whose students cannot all be seated when reserves do not revert. By Hall's
  /// theorem for seat types with capacities, they can be iff for every set G of the worksite's
  /// reserves, the students who may use no reserve outside G number at most the open seats
  /// plus the seats of G.
  ///
  /// - Complexity: O(S + Σ_w 2^r_w · students at w) for r_w reserves at w.
  func reserveViolations(in placement: Placement) -> [PlacementViolation] {
    var atWorksite: [Int: [Int]] = [:]
    for s in 0..<students.count {
      if let w = placement.worksite(of: s), w < worksites.count, !worksites[w].reserves.isEmpty {
        atWorksite[w, default: []].append(s)
      }
    }
    var found: [PlacementViolation] = []
    for (w, seated) in atWorksite.sorted(by: { $0.key < $1.key }) {
      if let short = Self.reserveShortfall(
        worksites[w], seating: seated.map { students[$0].groups })
      {
        found.append(.reserveBreached(worksite: w, students: short.students, seats: short.seats))
      }
    }
    return found
  }

  /// A set of the worksite's reserves whose students outnumber the seats they may use, when
  /// reserves do not revert and students with these `groups` sit there; `nil` when all fit.
  static func reserveShortfall(_ worksite: Worksite, seating groups: [Set<String>]) -> (
    students: Int, seats: Int
  )? {
    let counts = worksite.reserves.map { $0.count(ofCapacity: worksite.capacity) }
    let open = worksite.capacity - counts.reduce(0, +)
    // Each student's usable reserves as a bit set.
    let usable = groups.map { g in
      worksite.reserves.indices.reduce(0) {
        g.contains(worksite.reserves[$1].group) ? $0 | 1 << $1 : $0
      }
    }
    for subset in 0..<(1 << counts.count) {
      let demand = usable.count { $0 & ~subset == 0 }
      let supply =
        open + counts.indices.reduce(0) { subset & 1 << $1 != 0 ? $0 + counts[$1] : $0 }
      if demand > supply { return (demand, supply) }
    }
    return nil
  }
}
