extension PlacementInstance {
  /// Every rule a menu `placement` breaks, found independently of any solver: each placement
  /// an eligible choice of the person's own list or their pin (``PlacementViolation/notAnEligibleChoice(student:worksite:)``) of a kind offered to
  /// their role, at most once per worksite, at most `max_per_participant` per kind and
  /// `max_per_employer` per kind and employer, a valid slot at a worksite with slots and none
  /// elsewhere, no two placements of a person sharing a slot label, and no worksite over its
  /// capacity (in each slot, for a worksite with slots), nor over `max_per_school` or an
  /// employer's `employers.csv` capacity (`capacityViolations(in:)`), every pin (`pins.csv`)
  /// placed in its slot. Empty means valid.
  ///
  /// ```swift
  /// instance.violations(in: menuPlacement).isEmpty  // true for any solver's result
  /// ```
  ///
  /// - Precondition: the instance has a menu (``activities``).
  /// - Complexity: O(n·k + W + slots) for n placements and k choices per person.
  public func violations(in placement: MenuPlacement) -> [PlacementViolation] {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    var found: [PlacementViolation] = []
    var load: [Int: Int] = [:]  // by worksite << 32 | (slot + 1)
    var start = 0
    let entries = placement.entries
    while start < entries.count {
      var end = start
      while end < entries.count, entries[end].student == entries[start].student { end += 1 }
      let s = entries[start].student
      guard students.indices.contains(s) else {
        found.append(.studentCountMismatch(expected: students.count, actual: s + 1))
        start = end
        continue
      }
      var perKind: [WorksiteKind: Int] = [:]
      var perEmployer: [EmployerOfKind: Int] = [:]
      var labels: Set<String> = []
      var previous = -1
      for e in entries[start..<end] {
        let w = e.worksite
        guard worksites.indices.contains(w) else {
          found.append(.unknownWorksite(student: s, worksite: w))
          continue
        }
        let site = worksites[w]
        if w == previous { found.append(.placedTwiceAtWorksite(student: s, worksite: w)) }
        previous = w
        if menuRank(of: s, at: w) == nil {
          found.append(.notAnEligibleChoice(student: s, worksite: w))
        }
        if !menu.offers(site.kind, to: students[s].role) {
          found.append(.kindNotOffered(student: s, worksite: w))
        }
        perKind[site.kind, default: 0] += 1
        if menu.rule(for: site.kind).maxPerEmployer != nil {
          perEmployer[EmployerOfKind(site), default: 0] += 1
        }
        if site.slots.isEmpty {
          if e.slot != nil { found.append(.badSlot(student: s, worksite: w)) }
          load[w << 32, default: 0] += 1
        } else if let slot = e.slot, site.slots.indices.contains(slot) {
          if !labels.insert(site.slots[slot]).inserted {
            found.append(.slotConflict(student: s, slot: site.slots[slot]))
          }
          load[w << 32 | (slot + 1), default: 0] += 1
        } else {
          found.append(.badSlot(student: s, worksite: w))
        }
      }
      for (kind, n) in perKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        let limit = menu.rule(for: kind).maxPerParticipant
        if n > limit {
          found.append(.overKindLimit(student: s, kind: kind, assigned: n, limit: limit))
        }
      }
      for (key, n) in perEmployer.sorted(by: { $0.key.employer < $1.key.employer }) {
        guard let limit = menu.rule(for: key.kind).maxPerEmployer, n > limit else { continue }
        found.append(
          .overEmployerLimitPerPerson(
            student: s, employer: key.employer, kind: key.kind, limit: limit))
      }
      start = end
    }
    // Pins (``menuPins``): each one placed, in its slot.
    for pin in menuPins where !placement.placements(of: pin.student).contains(pin) {
      found.append(.pinNotHonoured(student: pin.student, worksite: pin.worksite))
    }
    for (key, n) in load.sorted(by: { $0.key < $1.key }) {
      let (w, slot) = (key >> 32, (key & 0xFFFF_FFFF) - 1)
      guard n > worksites[w].capacity else { continue }
      if slot < 0 {
        found.append(.overCapacity(worksite: w, assigned: n, capacity: worksites[w].capacity))
      } else {
        found.append(
          .overSlotCapacity(
            worksite: w, slot: worksites[w].slots[slot], assigned: n,
            capacity: worksites[w].capacity))
      }
    }
    return found + capacityViolations(in: placement)
  }
}

/// The group `max_per_employer` counts in: a kind and an employer; a worksite without an
/// employer is an employer of its own (named by its id, so it limits nothing beyond the one
/// placement per worksite).
package struct EmployerOfKind: Hashable {
  package var kind: WorksiteKind
  /// The employer, or the id of a worksite without one.
  package var name: String
  package var hasEmployer: Bool

  /// The group of `site`'s placements.
  package init(_ site: Worksite) {
    kind = site.kind
    (name, hasEmployer) = (site.employer ?? site.id, site.employer != nil)
  }

  /// How messages name it.
  package var employer: String { hasEmployer ? name : "(worksite \(name))" }
}
