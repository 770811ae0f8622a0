/// A placement: for every student, the worksite index they take, or none.
///
/// ```swift
/// var p = Placement(studentCount: 3)
/// p.assign(student: 0, to: 2)
/// p.worksite(of: 0)  // 2
/// p.placedCount      // 1
/// ```
public struct Placement: Hashable, Sendable, Codable {
  /// Worksite index per student; `-1` for unplaced.
  public private(set) var assignment: [Int32]

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

  /// Number of placed students.
  public var placedCount: Int { assignment.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
}

/// Why a student ended up without a seat.
public enum UnplacedReason: String, Hashable, Sendable, Codable, CaseIterable {
  /// The student listed no known worksite.
  case noPreferences = "no-preferences"
  /// Every listed worksite is ruled out by eligibility.
  case noEligibleChoice = "no-eligible-choice"
  /// The student had eligible choices, but their seats went to others.
  case choicesFull = "choices-full"
}

/// What happened to one student.
public enum StudentOutcome: Hashable, Sendable, Codable {
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
  /// - Precondition: `placement` is valid for this instance (see ``violations(in:)``).
  /// - Complexity: O(S + L).
  public func outcomes(of placement: Placement) -> [StudentOutcome] {
    (0..<students.count).map { s in
      if let w = placement.worksite(of: s) {
        return .placed(
          worksite: w, rank: isUnlisted(student: s, worksite: w) ? 0 : rank(of: s, at: w) ?? 0)
      }
      if listedCount[s] == 0 { return .unplaced(.noPreferences) }
      if choices.range(of: s).isEmpty { return .unplaced(.noEligibleChoice) }
      return .unplaced(.choicesFull)
    }
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
