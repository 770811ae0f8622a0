extension PlacementInstance {
  /// Which students of an earlier placement still have their seat in this instance: for each
  /// student, the earlier worksite when it is still among the student's eligible choices (or
  /// their pin) and still has a seat, else `-1`. A re-match keeps these students where it can.
  ///
  /// ```swift
  /// instance.seatsStillHeld(by: previous)[s]  // 3: s may keep worksite 3; -1: nothing to keep
  /// ```
  ///
  /// - Complexity: O(S·k).
  package func seatsStillHeld(by previous: Placement) -> [Int32] {
    precondition(
      previous.assignment.count == students.count, "seatsStillHeld: one entry per student")
    return (0..<students.count).map { s in
      guard let w = previous.worksite(of: s), w < worksites.count, worksites[w].capacity > 0,
        pinnedWorksite[s] < 0 ? choices.rank(of: s, for: w) != nil : Int(pinnedWorksite[s]) == w
      else { return -1 }
      return Int32(w)
    }
  }

  /// The same instance with each student whose `held` entry is a worksite index held there as
  /// a pin (their own pins stay), for strategies that keep students in place by pins and for
  /// `solve --pin-from`. A hold at a worksite the student did not list is a pin there (rank 0,
  /// as in `pins.csv`). The instance is built again, so the holds are checked as `pins.csv` is:
  /// more than a worksite's seats, its `max_per_school`, an employer's capacity or its reserves
  /// allow is an error, at the pin records after the instance's own (`rules.pins.count` and on,
  /// in student order).
  ///
  /// - Throws: ``InstanceValidationError`` when the holds break a rule.
  /// - Complexity: that of building the instance.
  package func holding(_ held: [Int32]) throws(InstanceValidationError) -> PlacementInstance {
    precondition(held.count == students.count, "holding: one entry per student")
    var rules = self.rules
    for (s, w) in held.enumerated() where w >= 0 && pinnedWorksite[s] < 0 {
      rules.pins.append(Pin(student: students[s].id, worksite: worksites[Int(w)].id))
    }
    return try PlacementInstance(
      students: students, worksites: worksites, clusters: clusters, rankings: rankings,
      policy: policy, rules: rules)
  }
}

extension WorksitePriorities {
  /// `base` with incumbency first: at each worksite, the students `incumbents` places there come
  /// before every other applicant (after pinned students), ordered among themselves as `base`
  /// orders them — the priority NYC's later rounds give a student at the seat they hold.
  ///
  /// - Complexity: O(S·k + I log I) for I incumbents.
  package init(_ base: WorksitePriorities, incumbents: [Int32], instance: PlacementInstance) {
    var key = base.key
    let choices = instance.choices
    var entries: [(worksite: Int32, key: UInt64, student: Int, entry: Int)] = []
    for (s, w) in incumbents.enumerated() where w >= 0 {
      for c in choices.range(of: s) where choices.worksite[c] == w {
        entries.append((w, base.key[c], s, c))
      }
    }
    entries.sort { ($0.worksite, $0.key, $0.student) < ($1.worksite, $1.key, $1.student) }
    var position: UInt64 = 1
    for (k, e) in entries.enumerated() {
      position = k > 0 && entries[k - 1].worksite == e.worksite ? position + 1 : 1
      key[e.entry] = position
    }
    self.init(key: key, lottery: base.lottery, tier: base.tier, seed: base.seed)
  }
}
