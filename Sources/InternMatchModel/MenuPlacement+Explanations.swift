extension PlacementInstance {
  /// Why every person got what they got on a menu `placement`, kind by kind
  /// (``MenuExplanation``), in input order: each entry of their list classified by the first
  /// ``MenuChoiceOutcome`` that applies, with every fact of the placement that stops them
  /// taking an eligible entry they do not hold, and each (person, kind)'s short reason as
  /// ``menuRows(of:)`` gives it.
  ///
  /// Every statement is a fact of the data and the final placement, whatever the strategy:
  /// "full" means no seat of the worksite (in any slot) is free now; a slot conflict names the
  /// person's placement holding each free slot's label. Which rows a kind shows: every entry
  /// of the kind when the person is short of it, else those ranked at or above their worst
  /// placement of the kind.
  ///
  /// ```swift
  /// let ana = instance.menuExplanations(of: placement)[0]
  /// ana.kinds[1].choices.first?.outcome  // .full: her 1st mock interview went to another
  /// ana.kinds[1].choices.first?.detail   // "full;max-per-employer=Acme"
  /// ```
  ///
  /// - Precondition: the instance has a menu and `placement` is valid for it.
  /// - Complexity: O(L + n + W + slots) for L list entries and n placements.
  public func menuExplanations(of placement: MenuPlacement) -> [MenuExplanation] {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    var load = worksites.map { [Int](repeating: 0, count: max(1, $0.slots.count)) }
    for e in placement.entries { load[e.worksite][e.slot ?? 0] += 1 }
    let capacities = MenuCapacities(self, placement: placement)
    var ineligible: [Int: Ineligibility] = [:]
    for pair in ineligibleChoices { ineligible[pair.student << 32 | pair.worksite] = pair.reasons }
    let kinds = ActivityMenu.defaultOrder.count
    var shortfall: [Int: MenuShortfall] = [:]  // by person × kinds + ordinal; kindless: + kinds
    for row in menuRows(of: placement) {
      guard let reason = row.reason else { continue }
      shortfall[row.student * (kinds + 1) + (row.kind.map(ActivityMenu.ordinal) ?? kinds)] =
        reason
    }
    return students.indices.map { s in
      let person = students[s]
      let mine = placement.placements(of: s)
      var held: [Int: MenuPlacement.Entry] = [:]
      var holder: [String: Int] = [:]  // slot label → the worksite holding it
      var ofKind = [Int](repeating: 0, count: kinds)
      var withEmployer: [EmployerOfKind: Int] = [:]
      for e in mine {
        let site = worksites[e.worksite]
        held[e.worksite] = e
        if let t = e.slot { holder[site.slots[t]] = e.worksite }
        ofKind[ActivityMenu.ordinal(site.kind)] += 1
        withEmployer[EmployerOfKind(site), default: 0] += 1
      }
      let sites = person.preferences.map { worksiteIndex[$0] }
      let ranks = ActivityMenu.kindRanks(of: sites.map { $0.map { worksites[$0].kind } })
      var rows = [[MenuChoiceExplanation]](repeating: [], count: kinds)
      var listed = [Int](repeating: 0, count: kinds)
      var other: [MenuChoiceExplanation] = []
      var seen: Set<Int> = []
      for (i, id) in person.preferences.enumerated() {
        guard let w = sites[i] else {
          other.append(
            .init(position: i + 1, kind: nil, rank: nil, worksite: id, outcome: .unknownWorksite))
          continue
        }
        let site = worksites[w]
        let rule = menu.rule(for: site.kind)
        var row = MenuChoiceExplanation(
          position: i + 1, kind: site.kind, rank: ranks[i], worksite: id, outcome: .placed)
        let first = seen.insert(w).inserted
        if first { listed[ActivityMenu.ordinal(site.kind)] += 1 }
        if !first {
          row.outcome = .duplicate
        } else if let e = held[w], menuPin(of: s, at: w) != nil {
          // A pin is the reason, whatever eligibility says.
          row.slot = e.slot.map { site.slots[$0] }
          row.detail = "pinned"
        } else if !menu.offers(site.kind, to: person.role) {
          row.outcome = .notOffered
          row.detail = "participants=\(rule.participants.rawValue)"
        } else if let why = ineligible[s << 32 | w] {
          row.outcome = .ineligible
          row.detail = why.codes.joined(separator: ";")
        } else if site.capacity == 0 {
          row.outcome = .noSeats
        } else if let e = held[w] {
          row.slot = e.slot.map { site.slots[$0] }
        } else {
          let facts = blockingFacts(
            at: w, of: s, rule: rule, load: load[w], capacities: capacities, holder: holder,
            held: (ofKind[ActivityMenu.ordinal(site.kind)], withEmployer[EmployerOfKind(site)] ?? 0)
          )
          row.outcome = facts.first?.outcome ?? .freeSeatUnused
          row.detail = facts.map(\.text).joined(separator: ";")
        }
        if menu.offers(site.kind, to: person.role) {
          rows[ActivityMenu.ordinal(site.kind)].append(row)
        } else {
          other.append(row)
        }
      }
      var explained: [MenuKindExplanation] = []
      for rule in menu.served where menu.offers(rule.kind, to: person.role) {
        let k = ActivityMenu.ordinal(rule.kind)
        guard listed[k] > 0 else { continue }
        let short = shortfall[s * (kinds + 1) + k]
        let worst = rows[k].filter { $0.outcome == .placed }.compactMap(\.rank).max() ?? Int.max
        explained.append(
          MenuKindExplanation(
            kind: rule.kind, maxPerParticipant: rule.maxPerParticipant, listed: listed[k],
            shortfall: short,
            choices: short != nil ? rows[k] : rows[k].filter { ($0.rank ?? 0) <= worst }))
      }
      return MenuExplanation(
        student: person.id, role: person.role, kinds: explained, other: other,
        reason: shortfall[s * (kinds + 1) + kinds])
    }
  }

  /// The facts of a placement that stop a person taking worksite `w` (eligible, not held), in
  /// the order of ``MenuChoiceOutcome``: no seat free in any slot; the employer at its
  /// `employers.csv` capacity; `max_per_school` of `s`'s school held; free seats only in slots
  /// whose labels the person holds (`holder` maps each label they hold to the worksite
  /// holding it); `max_per_employer` reached; `max_per_participant` reached (`held`: the
  /// person's placements of the kind, and of the kind with `w`'s employer).
  private func blockingFacts(
    at w: Int, of s: Int, rule: ActivityRule, load: [Int], capacities: MenuCapacities,
    holder: [String: Int],
    held: (ofKind: Int, withEmployer: Int)
  ) -> [(outcome: MenuChoiceOutcome, text: String)] {
    let site = worksites[w]
    var facts: [(outcome: MenuChoiceOutcome, text: String)] = []
    let free = load.indices.filter { load[$0] < site.capacity }
    if free.isEmpty {
      facts.append((.full, "full"))
    }
    if capacities.employerFull(w) {
      facts.append((.employerFull, "employer-full=" + (site.employer ?? "")))
    }
    if capacities.schoolFull(student: s, at: w) {
      facts.append((.maxPerSchool, "max-per-school=" + students[s].school))
    }
    if !free.isEmpty, !site.slots.isEmpty, free.allSatisfy({ holder[site.slots[$0]] != nil }) {
      var labels: [String] = []
      for t in free where !labels.contains(site.slots[t]) { labels.append(site.slots[t]) }
      let held = labels.map { "\($0)@\(worksites[holder[$0] ?? w].id)" }
      facts.append((.slotConflict, "slot-conflict=" + held.joined(separator: ",")))
    }
    if let limit = rule.maxPerEmployer, held.withEmployer >= limit {
      facts.append((.maxPerEmployer, "max-per-employer=" + EmployerOfKind(site).employer))
    }
    if held.ofKind >= rule.maxPerParticipant {
      facts.append((.atCap, "at-cap=\(rule.maxPerParticipant)"))
    }
    return facts
  }
}
