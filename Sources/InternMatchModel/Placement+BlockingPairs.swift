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
  /// - Complexity: O(L·log q) for plain worksites of capacity q; O(L·q) at worksites with
  ///   reserves or school limits.
  public func blockingPairs(in placement: Placement, priorities: WorksitePriorities)
    -> [(student: Int, worksite: Int)]
  {
    let plans = worksites.map { SeatPlan(worksite: $0, policy: policy) }
    let schools = schoolIndices(for: plans)
    // Each worksite's students, best first.
    var held = [[(key: UInt64, student: Int32)]](repeating: [], count: worksites.count)
    for s in 0..<students.count {
      guard let w = placement.worksite(of: s) else { continue }
      held[w].append((priorities.key(of: s, at: w, in: self), Int32(s)))
    }
    for w in held.indices { held[w].sort { ($0.key, $0.student) < ($1.key, $1.student) } }

    var found: [(student: Int, worksite: Int)] = []
    for s in 0..<students.count where pinnedWorksite[s] < 0 {
      let current = placement.worksite(of: s)
      for c in choices.range(of: s) {
        let w = Int(choices.worksite[c])
        if w == current { break }
        let key = priorities.key[c]
        guard key != WorksitePriorities.unacceptable else { continue }
        if wouldTake(
          Int32(s), key: key, worksite: w, held: held[w], plan: plans[w], schools: schools)
        {
          found.append((s, w))
        }
      }
    }
    return found
  }

  private func wouldTake(
    _ s: Int32, key: UInt64, worksite w: Int, held: [(key: UInt64, student: Int32)],
    plan: SeatPlan, schools: [Int32]
  ) -> Bool {
    let capacity = worksites[w].capacity
    if plan.isPlain {
      guard let worst = held.last, held.count >= capacity else { return capacity > 0 }
      return worst.key != WorksitePriorities.pinned && (key, s) < (worst.key, worst.student)
    }
    var applicants = held.map(\.student)
    let position = held.firstIndex { (key, s) < ($0.key, $0.student) } ?? held.count
    applicants.insert(s, at: position)
    let chosen = plan.choose(
      applicants, forced: { self.pinnedWorksite[Int($0)] == w }, in: self, schools: schools)
    return chosen[position]
  }
}
