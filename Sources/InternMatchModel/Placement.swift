/// A placement: for every student, the worksite index they take, or none.
///
/// ```swift
/// var p = Placement(studentCount: 3)
/// p.assign(student: 0, to: 2)
/// p.worksite(of: 0)  // 2
/// p.placedCount      // 1
/// ```
public struct Placement: Hashable, Sendable {
  /// Worksite index per student; `-1` for unplaced (public: ``worksite(of:)``).
  @usableFromInline package private(set) var assignment: [Int32]

  /// Creates a placement with every student unplaced.
  public init(studentCount: Int) {
    assignment = [Int32](repeating: -1, count: studentCount)
  }

  /// Creates a placement from worksite indices (`nil` = unplaced).
  public init(_ worksites: [Int?]) {
    assignment = worksites.map { $0.map(Int32.init) ?? -1 }
  }

  /// The worksite index `student` takes, or `nil`.
  @inlinable
  public func worksite(of student: Int) -> Int? {
    let w = assignment[student]
    return w < 0 ? nil : Int(w)
  }

  /// Places `student` at worksite index `worksite`, or unplaces them with `nil`.
  public mutating func assign(student: Int, to worksite: Int?) {
    assignment[student] = worksite.map(Int32.init) ?? -1
  }

  /// Number of students the placement covers.
  public var studentCount: Int { assignment.count }

  /// Number of placed students.
  public var placedCount: Int { assignment.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
}

/// Why a student ended up without a seat: a statement that is true of the data and the
/// placement, checked in the order of the cases below (see
/// ``PlacementInstance/outcomes(of:)``).
public enum UnplacedReason: String, Hashable, Sendable, Codable, CaseIterable {
  /// The student's list is empty.
  case noPreferences = "no-preferences"
  /// The student listed worksites, but none of the ids is a known worksite (a typo, another
  /// year's id, a lowercase id): their choices were not recognised.
  case unknownChoices = "unknown-choices"
  /// Every listed worksite is ruled out by eligibility.
  case noEligibleChoice = "no-eligible-choice"
  /// Every eligible choice's seats are all taken by others.
  case choicesFull = "choices-full"
  /// The student is linked to another (`links.csv`), and an eligible choice has a seat they
  /// could take alone: the pair could not be placed together.
  case linked
  /// An eligible choice has a seat free for the student, but every such worksite ranks its
  /// applicants in `rankings.csv` and leaves the student out.
  case notRanked = "not-ranked"
  /// An eligible choice has seats free, but the first one (in list order) is at its
  /// `max_per_school` for the student's school.
  case schoolLimit = "school-limit"
  /// An eligible choice has seats free, but the first one (in list order) belongs to an
  /// employer at its capacity (`employers.csv`).
  case employerLimit = "employer-limit"
  /// An eligible choice has seats free, but the first one (in list order) has them only in
  /// reserves for groups the student is not in: by Hall's condition when reserves do not
  /// revert (`optimal`, which may seat anyone in any seat they may use), or by the worksite's
  /// own seating in the policy's reserve order (`stable`, `serial-dictatorship`, `greedy`).
  case reserved
  /// An eligible choice has seats free, but the first one (in list order) is empty and needs a
  /// minimum group (`min_group` ≥ 2) to open.
  case minimumGroup = "min-group"
  /// An eligible choice that accepts the student has a seat free for them and no rule stops
  /// them taking it: only a placement that is not optimal (a branch-and-cut search stopped
  /// at its time limit or gap) leaves one.
  case freeSeatUnused = "free-seat-unused"

  /// The reason a ``SeatBlocker`` other than ``SeatBlocker/full`` gives.
  init(_ blocker: SeatBlocker) {
    switch blocker {
    case .full: self = .choicesFull
    case .schoolLimit: self = .schoolLimit
    case .employerLimit: self = .employerLimit
    case .reserved: self = .reserved
    case .minimumGroup: self = .minimumGroup
    }
  }
}

/// What happened to one student.
public enum StudentOutcome: Hashable, Sendable {
  /// Placed at worksite index `worksite`, which the student ranked `rank`; rank 0 for a
  /// placement at a worksite the student did not list (a pin, or `place_unranked`).
  case placed(worksite: Int, rank: Int)
  /// Not placed, and why.
  case unplaced(UnplacedReason)
}

/// The two levels of the placement objective: more placed students first, then lower cost.
public struct PlacementObjective: Hashable, Sendable, Codable, Comparable {
  /// Number of placed students (maximised first).
  public var placed: Int
  /// Sum of rank costs of the placed students (minimised second).
  public var cost: Int

  /// Creates an objective value.
  public init(placed: Int, cost: Int) {
    self.placed = placed
    self.cost = cost
  }

  /// `a < b` when `a` is better: more placed, or as many placed at lower cost.
  public static func < (a: Self, b: Self) -> Bool {
    a.placed != b.placed ? a.placed > b.placed : a.cost < b.cost
  }
}

extension PlacementInstance {
  /// The outcome of every student under `placement`.
  ///
  /// An unplaced student's reason is the first that holds: an empty list
  /// (``UnplacedReason/noPreferences``), no known worksite on it (`unknown-choices`), no
  /// eligible choice (`no-eligible-choice`), every eligible choice full (`choices-full`); then,
  /// with everyone else where they are (``SeatOccupancy``): a choice with a seat the student
  /// could take alone — `linked` when they are linked, `not-ranked` when each such worksite's
  /// rankings leave them out, else `free-seat-unused`; otherwise the rule blocking the first
  /// eligible choice (in list order) that has seats free: `school-limit`, `employer-limit`,
  /// `reserved` or `min-group`. A school floor is never a reason of its own: it only ever gives
  /// seats to other students, and the seats it takes are then full.
  ///
  /// - Precondition: `placement` is valid for this instance (see ``PlacementInstance/violations(in:)-(Placement)``).
  /// - Complexity: O(S + L) plus, when a student with choices is unplaced, O(S + W + R·k) once
  ///   (k the longest list).
  public func outcomes(of placement: Placement) -> [StudentOutcome] {
    outcomes(of: placement, seating: nil)
  }

  /// ``outcomes(of:)`` for a strategy that seats students in `seating`'s order: a seat at a
  /// worksite with reserves is free to a student only if the worksite's ``SeatPlan`` would
  /// give them one (`nil`: whenever Hall's condition allows it, as for `optimal`).
  public func outcomes(of placement: Placement, seating: SeatingOrder?) -> [StudentOutcome] {
    var outcomes: [StudentOutcome] = []
    outcomes.reserveCapacity(students.count)
    // Unplaced students with eligible choices, whose reasons need the seats' occupancy: built
    // once, after every other outcome, and read in place (no copy per student).
    var open: [Int] = []
    // The worksites' ids side by side: placed students meet them in any order.
    let worksiteIDs = worksites.map(\.id)
    for s in 0..<students.count {
      if let w = placement.worksite(of: s) {
        outcomes.append(.placed(worksite: w, rank: listedRank(of: s, at: w, id: worksiteIDs[w])))
      } else if choices.range(of: s).isEmpty {
        outcomes.append(
          .unplaced(
            students[s].preferences.isEmpty
              ? .noPreferences : listedCount[s] == 0 ? .unknownChoices : .noEligibleChoice))
      } else {
        open.append(s)
        outcomes.append(.unplaced(.choicesFull))  // its reason is set below
      }
    }
    guard !open.isEmpty else { return outcomes }
    // Which worksites rank, and which choice entries of the students above their rankings name
    // (no hashing: a ranking marks the entry of its student's list that names its worksite;
    // only these students' entries are read).
    var isOpen = [Bool](repeating: false, count: students.count)
    for s in open { isOpen[s] = true }
    var ranking = [Bool](repeating: false, count: worksites.count)
    var ranked = [Bool](repeating: false, count: choices.count)
    for r in rankingIndices {
      ranking[Int(r.worksite)] = true
      guard isOpen[Int(r.student)] else { continue }
      for c in choices.range(of: Int(r.student)) where choices.worksite[c] == r.worksite {
        ranked[c] = true
      }
    }
    let occupancy = SeatOccupancy(self, placement, seating: seating)
    for s in open {
      outcomes[s] = .unplaced(
        unplacedReason(of: s, occupancy: occupancy, ranking: ranking, ranked: ranked))
    }
    return outcomes
  }

  /// The rank a placed student's outcome reports at `w` (whose id is `id`): the rank they gave
  /// it, or 0 when `w` is off their own list (``isUnlisted(student:worksite:)``: a pin, a seat
  /// under `place_unranked`).
  ///
  /// A choice entry's rank is its 1-based position in the student's list, so an entry whose
  /// position names `w`'s id settles it with one comparison; anything else (a pin, an unranked
  /// choice) takes the general definition, which scans the list.
  ///
  /// - Complexity: O(k) for k choices of the student.
  private func listedRank(of s: Int, at w: Int, id: String) -> Int {
    for c in choices.range(of: s) where Int(choices.worksite[c]) == w {
      let rank = Int(choices.rank[c])
      let listed = students.withUnsafeBufferPointer { students in
        let preferences = students[s].preferences
        return rank >= 1 && rank <= preferences.count && preferences[rank - 1] == id
      }
      if listed { return rank }
      break
    }
    return isUnlisted(student: s, worksite: w) ? 0 : rank(of: s, at: w) ?? 0
  }

  /// The reason of an unplaced student with eligible choices (see ``outcomes(of:)``).
  private func unplacedReason(
    of s: Int, occupancy: SeatOccupancy, ranking: [Bool], ranked: [Bool]
  ) -> UnplacedReason {
    var firstBlocker: SeatBlocker?
    var allFull = true
    var takeable = false
    var acceptable = false
    for c in choices.range(of: s) {
      let w = Int(choices.worksite[c])
      let blocker = occupancy.blocker(student: s, worksite: w)
      if blocker == .full { continue }
      allFull = false
      if let blocker {
        if firstBlocker == nil { firstBlocker = blocker }
      } else {
        takeable = true
        if !ranking[w] || ranked[c] { acceptable = true }
      }
    }
    if allFull { return .choicesFull }
    if takeable {
      if linkedPairs.contains(where: { $0.first == s || $0.second == s }) { return .linked }
      return acceptable ? .freeSeatUnused : .notRanked
    }
    return UnplacedReason(firstBlocker ?? .full)
  }

  /// The objective value of `placement` under `rankCost`, recomputed from the students' lists.
  ///
  /// - Complexity: O(S·k) for k choices per student.
  public func objective(of placement: Placement, rankCost: RankCost) -> PlacementObjective {
    var value = PlacementObjective(placed: 0, cost: 0)
    for s in 0..<students.count {
      guard let w = placement.worksite(of: s) else { continue }
      let pinnedHere = pinnedWorksite[s] == w
      guard let rank = rank(of: s, at: w) ?? (pinnedHere ? 0 : nil) else { continue }
      value.placed += 1
      value.cost += rankCost.cost(ofRank: rank)
    }
    return value
  }

  /// The rank `student` gave `worksite`: its eligible choice's rank, or, for a pinned
  /// placement, the worksite's position in the student's list; `nil` otherwise.
  ///
  /// - Complexity: O(k) for k entries in the student's list.
  public func rank(of student: Int, at worksite: Int) -> Int? {
    if let rank = choices.rank(of: student, for: worksite) { return rank }
    guard pinnedWorksite[student] == worksite else { return nil }
    let id = worksites[worksite].id
    return students[student].preferences.firstIndex(of: id).map { $0 + 1 }
  }
}
