/// How a worksite fills its seats from a set of applicants: its reserved and open seats in the
/// policy's precedence, at most `max_per_school` students of one school, pinned students first.
///
/// Seats are filled in stages, best applicant first within each: with `reserve_order`
/// `reserved-first` every reserve (in the order the worksite lists them) comes before the open
/// seats, with `open-first` after them. A reserve stage takes the best remaining members of its
/// group; when they run out and reserves revert, its remaining seats take the best remaining
/// applicants of any group, otherwise they stay empty. This is a choice function with
/// slot-specific priorities (Kominers & Sönmez, "Matching with slot-specific priorities",
/// Theoretical Economics 2016; Dur, Kominers, Pathak & Sönmez, "Reserve design", JPE 2018):
/// in the school-choice setting it is substitutable and fills as many seats as it can, so
/// student-proposing deferred acceptance with it is stable, student-optimal and strategy-proof.
/// A plain worksite is the special case of one open stage: the best `capacity` applicants.
///
/// ```swift
/// let plan = SeatPlan(worksite: instance.worksites[w], policy: instance.policy)
/// let chosen = plan.choose(
///   applicants, forced: { instance.pinnedWorksite[Int($0)] == w }, in: instance,
///   schools: instance.schoolIndices)  // one flag per applicant
/// ```
///
/// - Complexity: `choose(_:forced:in:schools:)` is O(stages × applicants).
public struct SeatPlan: Hashable, Sendable {
  /// A run of seats filled together: the open seats, or one group's reserve.
  public struct Stage: Hashable, Sendable {
    /// The group the seats are reserved for; `nil` for open seats.
    public var group: String?
    /// Number of seats.
    public var seats: Int
  }

  /// The stages in precedence order.
  public let stages: [Stage]
  /// Whether reserve seats left unfilled by their group go to anyone.
  public let reservesRevert: Bool
  /// At most this many students of one school, if set.
  public let maxPerSchool: Int?

  /// The plan of `worksite` under `policy`.
  public init(worksite: Worksite, policy: Policy) {
    let capacity = max(worksite.capacity, 0)
    var reserved: [Stage] = []
    var left = capacity
    for r in worksite.reserves {
      let n = min(r.count(ofCapacity: capacity), left)
      left -= n
      if n > 0 { reserved.append(Stage(group: r.group, seats: n)) }
    }
    let open = Stage(group: nil, seats: left)
    stages = policy.reservedSeatsFirst ? reserved + [open] : [open] + reserved
    reservesRevert = policy.reservesRevert
    maxPerSchool = worksite.maxPerSchool
  }

  /// Whether the plan is one open stage with no school limit: choosing is taking the best
  /// `capacity` applicants.
  public var isPlain: Bool { stages.count == 1 && maxPerSchool == nil }

  /// Chooses among `applicants`, given best first; `forced` marks pinned applicants, who are
  /// always chosen and take seats first (a reserve of theirs if one is left, else the first
  /// stage with a seat). Returns which applicants are chosen.
  ///
  /// - Parameters:
  ///   - applicants: student indices, best first.
  ///   - forced: whether an applicant is pinned here.
  ///   - instance: the instance the indices are of.
  ///   - schools: the school index of every student of the instance (see
  ///     ``PlacementInstance/schoolIndices``); used only when ``maxPerSchool`` is set.
  package func choose(
    _ applicants: [Int32], forced: (Int32) -> Bool, in instance: PlacementInstance,
    schools: [Int32]
  ) -> [Bool] {
    var chosen = [Bool](repeating: false, count: applicants.count)
    fill(applicants, forced: forced, in: instance, schools: schools) { i, _, _ in chosen[i] = true }
    return chosen
  }

  /// One pass of the filling: the seats of stage ``stage`` offered to members of ``group``
  /// (`nil`: anyone — the open seats, or a reverting reserve's second pass).
  package struct Pass: Sendable {
    /// The stage whose seats the pass fills.
    package var stage: Int
    /// The group an applicant must belong to, or `nil`.
    package var group: String?
  }

  /// The passes of the filling, in order: each stage's members, then — for a reverting
  /// reserve — anyone.
  package var passes: [Pass] {
    stages.indices.flatMap { t in
      let stage = Pass(stage: t, group: stages[t].group)
      return stage.group != nil && reservesRevert ? [stage, Pass(stage: t, group: nil)] : [stage]
    }
  }

  /// Fills the seats from `applicants` (best first) as ``choose(_:forced:in:schools:)``
  /// describes, calling `take(i, pass, stage)` for each applicant taken, in order: forced applicants
  /// first with pass `nil`, then by pass (an index into ``passes``); `stage` is the stage whose
  /// seat the applicant takes (`nil` only for a forced applicant beyond every seat).
  ///
  /// - Complexity: O(passes × applicants).
  package func fill(
    _ applicants: [Int32], forced: (Int32) -> Bool, in instance: PlacementInstance,
    schools: [Int32], take: (_ applicant: Int, _ pass: Int?, _ stage: Int?) -> Void
  ) {
    var chosen = [Bool](repeating: false, count: applicants.count)
    var left = stages.map(\.seats)
    var perSchool: [Int32: Int] = [:]
    func schoolAllows(_ s: Int32) -> Bool {
      guard let limit = maxPerSchool else { return true }
      return perSchool[schools[Int(s)], default: 0] < limit
    }
    func seat(_ i: Int, stage t: Int?, pass: Int?) {
      chosen[i] = true
      take(i, pass, t)
      guard let t else { return }
      left[t] -= 1
      if maxPerSchool != nil { perSchool[schools[Int(applicants[i])], default: 0] += 1 }
    }
    for (i, s) in applicants.enumerated() where forced(s) {
      // More pins than seats is rejected when the instance is built.
      seat(i, stage: forcedStage(of: s, left: left, in: instance), pass: nil)
    }
    for (p, pass) in passes.enumerated() {
      for (i, s) in applicants.enumerated() where left[pass.stage] > 0 {
        if !chosen[i], Self.isMember(s, of: pass.group, in: instance), schoolAllows(s) {
          seat(i, stage: pass.stage, pass: p)
        }
      }
    }
  }

  /// Whether student `s` belongs to `group` (`nil`: anyone does).
  package static func isMember(_ s: Int32, of group: String?, in instance: PlacementInstance)
    -> Bool
  {
    group.map { instance.students[Int(s)].groups.contains($0) } ?? true
  }

  /// The stage a forced (pinned) applicant takes, given the seats `left` in each stage: a
  /// reserve of theirs if one has a seat, else the open seats, else any stage with a seat;
  /// `nil` when every seat is taken.
  package func forcedStage(of s: Int32, left: [Int], in instance: PlacementInstance) -> Int? {
    let groups = instance.students[Int(s)].groups
    return stages.indices.first { left[$0] > 0 && stages[$0].group.map(groups.contains) == true }
      ?? stages.indices.first { left[$0] > 0 && stages[$0].group == nil }
      ?? stages.indices.first { left[$0] > 0 }
  }
}

extension PlacementInstance {
  /// Every student's school as a small integer (schools numbered in order of first appearance).
  ///
  /// - Complexity: O(S).
  package var schoolIndices: [Int32] {
    var index: [String: Int32] = [:]
    return students.map { s in
      if let k = index[s.school] { return k }
      let k = Int32(index.count)
      index[s.school] = k
      return k
    }
  }

  /// ``schoolIndices`` when one of `plans` limits students per school (what reads them),
  /// otherwise empty, so that no plan without a limit pays for numbering the schools.
  ///
  /// - Complexity: O(S) with a limit, O(W) without.
  package func schoolIndices(for plans: [SeatPlan]) -> [Int32] {
    plans.contains { $0.maxPerSchool != nil } ? schoolIndices : []
  }
}
