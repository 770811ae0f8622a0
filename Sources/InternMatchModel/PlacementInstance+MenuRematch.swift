extension PlacementInstance {
  /// The placements of an earlier menu placement that still exist in this instance: the
  /// worksite still seats someone, its kind is still offered to the person's role, it is still
  /// an eligible choice of theirs or their pin, and at a worksite with slots the placement's
  /// slot is still one of its slots (by label, as the earlier file names it). A menu re-match
  /// keeps these where it can: the same person at the same worksite, in the same slot.
  ///
  /// ```swift
  /// instance.menuPlacementsStillHeld(by: previous).count  // placements a re-match may keep
  /// ```
  ///
  /// - Precondition: the instance has a menu.
  /// - Complexity: O(n·k) for n earlier placements and k choices per person.
  package func menuPlacementsStillHeld(by previous: MenuPlacement) -> [MenuPlacement.Entry] {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    return previous.entries.filter { e in
      guard students.indices.contains(e.student), worksites.indices.contains(e.worksite) else {
        return false
      }
      let site = worksites[e.worksite]
      guard site.capacity > 0, menu.offers(site.kind, to: students[e.student].role),
        menuRank(of: e.student, at: e.worksite) != nil
      else { return false }
      if site.slots.isEmpty { return e.slot == nil }
      return e.slot.map { site.slots.indices.contains($0) } ?? false
    }
  }

  /// The placements of `held` that can be pinned together with the instance's own pins without
  /// breaking a rule, taken person by person in `order` (each person's in `held`'s order): a
  /// placement is left out when its worksite (slot) has no seat left, the person is at
  /// `max_per_participant` of the kind or `max_per_employer` with the employer, or holds its
  /// slot label already. Pairs pinned already are left out (they are pins).
  ///
  /// ```swift
  /// let holds = instance.menuHolds(held, order: lottery)  // within every limit
  /// let fixed = try instance.holding(menu: holds)          // the same instance, holds pinned
  /// ```
  ///
  /// - Precondition: the instance has a menu.
  /// - Complexity: O(P + n) hash operations for P pins and n placements held.
  package func menuHolds(_ held: [MenuPlacement.Entry], order: [Int]) -> [MenuPlacement.Entry] {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    var seats: [Int: Int] = [:]  // worksite << 32 | (slot + 1)
    var ofKind: [Int: Int] = [:]  // person << 3 | kind ordinal
    var withEmployer: [Int: [EmployerOfKind: Int]] = [:]
    var labels: [Int: Set<String>] = [:]
    func count(_ e: MenuPlacement.Entry) {
      let site = worksites[e.worksite]
      seats[e.worksite << 32 | ((e.slot ?? -1) + 1), default: 0] += 1
      ofKind[e.student << 3 | ActivityMenu.ordinal(site.kind), default: 0] += 1
      withEmployer[e.student, default: [:]][EmployerOfKind(site), default: 0] += 1
      if let t = e.slot { labels[e.student, default: []].insert(site.slots[t]) }
    }
    for e in menuPins { count(e) }
    var byPerson = [[MenuPlacement.Entry]](repeating: [], count: students.count)
    for e in held where students.indices.contains(e.student) { byPerson[e.student].append(e) }
    var holds: [MenuPlacement.Entry] = []
    for s in order {
      for e in byPerson[s] where menuPin(of: s, at: e.worksite) == nil {
        let site = worksites[e.worksite]
        let rule = menu.rule(for: site.kind)
        guard seats[e.worksite << 32 | ((e.slot ?? -1) + 1), default: 0] < site.capacity,
          ofKind[s << 3 | ActivityMenu.ordinal(site.kind), default: 0] < rule.maxPerParticipant,
          withEmployer[s]?[EmployerOfKind(site)] ?? 0 < rule.maxPerEmployer ?? Int.max,
          !(e.slot.map { labels[s]?.contains(site.slots[$0]) ?? false } ?? false),
          !holds.contains(e)
        else { continue }
        count(e)
        holds.append(e)
      }
    }
    return holds
  }

  /// The same instance with `holds` added to its pins (after the instance's own, with their
  /// slot labels): for a menu re-match that keeps placements as pins, and for `solve
  /// --pin-from` on a menu. The instance is built again, so the holds are checked as `pins.csv`
  /// is, at pin records `rules.pins.count` and on, in `holds`' order.
  ///
  /// - Throws: ``InstanceValidationError`` when the holds break a rule.
  /// - Complexity: that of building the instance.
  package func holding(menu holds: [MenuPlacement.Entry]) throws(InstanceValidationError)
    -> PlacementInstance
  {
    var rules = self.rules
    for e in holds {
      rules.pins.append(
        Pin(
          student: students[e.student].id, worksite: worksites[e.worksite].id,
          slot: e.slot.map { worksites[e.worksite].slots[$0] }))
    }
    return try PlacementInstance(
      students: students, worksites: worksites, clusters: clusters, rankings: rankings,
      policy: policy, rules: rules)
  }
}
