extension PlacementInstance {
  /// The blocking pairs of `placement` (justified envy) under worksite `priorities`: a student
  /// and a worksite among the student's eligible choices, ranked above the student's placement
  /// (any choice, for an unplaced student), that would take the student — choosing among its
  /// current students and this one by its ``SeatPlan`` and `priorities`, it keeps the student.
  /// Pinned students are not counted (their placement is fixed) and are never displaced.
  /// Employer-wide capacities are not part of a worksite's choice.
  ///
  /// A placement with no blocking pair, in which no worksite holds an applicant it finds
  /// unacceptable, is stable (Gale & Shapley 1962; Balinski & Sönmez 1999 for priorities).
  ///
  /// ```swift
  /// let priorities = WorksitePriorities(instance: instance, seed: 7)
  /// instance.blockingPairs(in: placement, priorities: priorities).count  // 0 for `stable`
  /// ```
  ///
  /// - Complexity: O(L·(P + log q)) for L choice entries, worksites of q seats and P passes
  ///   of their filling (one for a plain worksite; see `SeatPlan/passes`), after
  ///   O(P·q log q) per worksite to record how it filled its seats.
  public func blockingPairs(in placement: Placement, priorities: WorksitePriorities)
    -> [(student: Int, worksite: Int)]
  {
    let plans = worksites.map { SeatPlan(worksite: $0, policy: policy) }
    let schools = schoolIndices(for: plans)
    // Each worksite's students, best first, side by side in one array (a counting sort by
    // worksite, then each worksite's run sorted): worksite w's are `held[start[w]..<start[w + 1]]`.
    var start = [Int](repeating: 0, count: worksites.count + 1)
    for s in 0..<students.count {
      if let w = placement.worksite(of: s) { start[w + 1] += 1 }
    }
    for w in worksites.indices { start[w + 1] += start[w] }
    var held = [(key: UInt64, student: Int32)](repeating: (0, 0), count: start[worksites.count])
    var next = start
    for s in 0..<students.count {
      guard let w = placement.worksite(of: s) else { continue }
      held[next[w]] = (priorities.key(of: s, at: w, in: self), Int32(s))
      next[w] += 1
    }
    held.withUnsafeMutableBufferPointer { held in
      for w in worksites.indices {
        var run = UnsafeMutableBufferPointer(rebasing: held[start[w]..<start[w + 1]])
        run.sort { ($0.key, $0.student) < ($1.key, $1.student) }
      }
    }

    // Worksites with reserves or a school limit, by their index into `fillings` (-1: plain).
    var filling = [Int32](repeating: -1, count: worksites.count)
    var fillings: [HeldFilling] = []
    for w in worksites.indices where !plans[w].isPlain {
      filling[w] = Int32(fillings.count)
      fillings.append(
        HeldFilling(
          Array(held[start[w]..<start[w + 1]]), worksite: w, plan: plans[w], in: self,
          schools: schools))
    }
    // A plain worksite takes a student exactly when (key, student) comes before its cutoff:
    // one comparison per choice entry, with no array of held students read.
    let cutoff = worksites.indices.map { w in
      plainCutoff(worksite: w, held: held[start[w]..<start[w + 1]])
    }
    var found: [(student: Int, worksite: Int)] = []
    for s in 0..<students.count where pinnedWorksite[s] < 0 {
      let current = placement.worksite(of: s)
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        if w == current { break }
        let key = priorities.key[c]
        guard key != WorksitePriorities.unacceptable else { continue }
        let f = Int(filling[w])
        let takes =
          f < 0
          ? (key, Int32(s)) < (cutoff[w].key, cutoff[w].student)
          : fillings[f].wouldTake(Int32(s), key: key, in: self, schools: schools)
        if takes { found.append((s, w)) }
      }
    }
    return found
  }

  /// The (key, student) before which a plain worksite holding `held` (best first) takes an
  /// applicant of acceptable key: past everyone while it has a free seat, before no one when
  /// it has no seat or is full of pins, else its worst student held.
  private func plainCutoff(worksite w: Int, held: ArraySlice<(key: UInt64, student: Int32)>) -> (
    key: UInt64, student: Int32
  ) {
    let capacity = worksites[w].capacity
    let never: (key: UInt64, student: Int32) = (0, Int32.min)
    guard let worst = held.last, held.count >= capacity else {
      return capacity > 0 ? (WorksitePriorities.unacceptable, Int32.max) : never
    }
    return worst.key == WorksitePriorities.pinned ? never : worst
  }
}

/// How a worksite with reserves or a school limit filled its seats from the students it holds:
/// each pass's picks in order, so that whether it would also take one more applicant is a
/// binary search per pass instead of filling the seats again.
///
/// Adding an applicant `s` to the held set changes nothing in a pass that does not take `s`
/// (each pass walks the applicants best first and takes whoever fits), so `s` is taken exactly
/// when, in the first pass where it fits, it belongs to the pass's group, fewer picks than the
/// pass's seats come before it, and fewer than `max_per_school` students of its school were
/// taken before it (by pins, earlier passes, and this pass's earlier picks). That is what
/// ``SeatPlan/choose(_:forced:in:schools:)`` decides on the held students and `s`.
///
/// - Complexity: O(P·q log q) to build for P passes; O(P·log q) a query.
private struct HeldFilling {
  typealias Pick = (key: UInt64, student: Int32)
  let plan: SeatPlan
  let passes: [SeatPlan.Pass]
  /// Seats of each pass's stage left when the pass starts.
  let seatsAtStart: [Int]
  /// Each pass's picks, best first.
  let picks: [[Pick]]
  /// Per pass, each school's picks, best first (with a school limit only).
  let picksOfSchool: [[Int32: [Pick]]]
  /// Students of each school taken as pins (with a school limit only).
  let pinnedOfSchool: [Int32: Int]

  init(
    _ held: [Pick], worksite w: Int, plan: SeatPlan, in instance: PlacementInstance,
    schools: [Int32]
  ) {
    self.plan = plan
    passes = plan.passes
    var picks = [[Pick]](repeating: [], count: passes.count)
    var picksOfSchool = [[Int32: [Pick]]](repeating: [:], count: passes.count)
    var pinnedOfSchool: [Int32: Int] = [:]
    // Seats of each stage taken by pins.
    var taken = plan.stages.map { _ in 0 }
    plan.fill(
      held.map(\.student), forced: { instance.pinnedWorksite[Int($0)] == w }, in: instance,
      schools: schools
    ) { i, pass, stage in
      let school = plan.maxPerSchool == nil ? nil : schools[Int(held[i].student)]
      guard let pass else {
        // A pin beyond every seat (an invalid instance) takes no seat and counts for no school.
        guard let stage else { return }
        taken[stage] += 1
        if let school { pinnedOfSchool[school, default: 0] += 1 }
        return
      }
      picks[pass].append(held[i])
      if let school { picksOfSchool[pass][school, default: []].append(held[i]) }
    }
    (self.picks, self.picksOfSchool, self.pinnedOfSchool) = (picks, picksOfSchool, pinnedOfSchool)
    // Seats at the start of each pass: the stage's seats less pins and earlier passes' picks.
    var seatsAtStart: [Int] = []
    for (p, pass) in passes.enumerated() {
      seatsAtStart.append(plan.stages[pass.stage].seats - taken[pass.stage])
      taken[pass.stage] += picks[p].count
    }
    self.seatsAtStart = seatsAtStart
  }

  /// Whether the worksite, holding its students, would also take `s` (not held, not pinned
  /// there) with priority `key`.
  func wouldTake(_ s: Int32, key: UInt64, in instance: PlacementInstance, schools: [Int32])
    -> Bool
  {
    let school = plan.maxPerSchool == nil ? -1 : schools[Int(s)]
    var ofSchoolBefore = pinnedOfSchool[school] ?? 0
    for (p, pass) in passes.enumerated() {
      defer { ofSchoolBefore += picksOfSchool[p][school]?.count ?? 0 }
      guard SeatPlan.isMember(s, of: pass.group, in: instance),
        Self.countBetter(than: (key, s), in: picks[p]) < seatsAtStart[p]
      else { continue }
      if let limit = plan.maxPerSchool {
        let mine = picksOfSchool[p][school].map { Self.countBetter(than: (key, s), in: $0) } ?? 0
        guard ofSchoolBefore + mine < limit else { continue }
      }
      return true
    }
    return false
  }

  /// How many of `picks` (best first) come before `pick`.
  private static func countBetter(than pick: Pick, in picks: [Pick]) -> Int {
    var (low, high) = (0, picks.count)
    while low < high {
      let mid = (low + high) / 2
      if (picks[mid].key, picks[mid].student) < (pick.key, pick.student) {
        low = mid + 1
      } else {
        high = mid
      }
    }
    return low
  }
}
