/// Why a person got fewer placements of a kind than they could have: a statement true of the
/// data and the placement (see ``PlacementInstance/menuRows(of:)``).
public enum MenuShortfall: String, Hashable, Sendable, Codable, CaseIterable {
  /// The person's list is empty.
  case noPreferences = "no-preferences"
  /// None of the ids on the person's list is a known worksite.
  case unknownChoices = "unknown-choices"
  /// No listed worksite of the kind is eligible (for the person's row without a kind: every
  /// known entry is of a kind not offered to their role).
  case noEligibleChoice = "no-eligible-choice"
  /// Every eligible choice of the kind the person does not hold is full.
  case choicesFull = "choices-full"
  /// An eligible choice of the kind has a seat free, but every such one is with an employer
  /// the person already has `max_per_employer` placements of the kind with.
  case maxPerEmployer = "max-per-employer"
  /// An eligible choice of the kind has a seat free, but every such one is at an employer
  /// holding its `employers.csv` capacity (every kind's placements counting).
  case employerFull = "employer-full"
  /// An eligible choice of the kind has a seat free, but every such one already holds
  /// `max_per_school` people of the person's school.
  case maxPerSchool = "max-per-school"
  /// An eligible choice of the kind has a seat free, but only in slots the person is already
  /// placed in (at another worksite).
  case slotConflict = "slot-conflict"
  /// An eligible choice of the kind has a seat free and no rule stops the person taking it
  /// (only a placement that is not optimal leaves one).
  case freeSeatUnused = "free-seat-unused"
}

/// One row of a menu's `placements.csv`: a placement, or a (person, kind) left short.
public struct MenuRow: Hashable, Sendable, Codable {
  /// The person's index.
  public var student: Int
  /// The kind; `nil` for the one row of a person with no row of any kind.
  public var kind: WorksiteKind?
  /// The worksite of a placement; `nil` for a shortfall.
  public var worksite: Int?
  /// The rank (within the kind) of a placement.
  public var rank: Int?
  /// The slot label of a placement at a worksite with slots.
  public var slot: String?
  /// Why the (person, kind) is short; `nil` for a placement.
  public var reason: MenuShortfall?
}

extension PlacementInstance {
  /// The rows of a menu's `placements.csv`, by person in input order: for each kind offered to
  /// the person's role, in service order, a row per placement (by rank), then one row with a
  /// reason when the person got fewer placements of the kind than
  /// min(`max_per_participant`, the known worksites of the kind on their list). A person with
  /// no row at all gets one without a kind: `no-preferences` (empty list), `unknown-choices`
  /// (no known id) or `no-eligible-choice` (every known entry of a kind not offered to them).
  ///
  /// A short row's reason is the first that holds: no eligible choice of the kind; every
  /// eligible choice of the kind the person does not hold full (`choices-full`); a seat free
  /// that no rule stops the person taking (`free-seat-unused`, only a placement that is not
  /// optimal leaves one); every worksite with a seat free at an employer the person has reached
  /// `max_per_employer` with (`max-per-employer`); every such worksite at an employer holding
  /// its `employers.csv` capacity (`employer-full`); every such worksite holding
  /// `max_per_school` people of the person's school (`max-per-school`); otherwise
  /// `slot-conflict` when a free seat left is in a slot the person is already placed in, else
  /// (the limits block different worksites) `employer-full` when it blocks one, else
  /// `max-per-school`.
  ///
  /// ```swift
  /// instance.menuRows(of: result.placement).first?.reason  // nil: a placement
  /// ```
  ///
  /// - Precondition: the instance has a menu and `placement` is valid for it.
  /// - Complexity: O(L + n + W) for L list entries and n placements.
  public func menuRows(of placement: MenuPlacement) -> [MenuRow] {
    guard let menu = activities else { preconditionFailure("the instance has no menu") }
    // Seats taken at each worksite, in each slot (index 0 without slots).
    var load = worksites.map { [Int](repeating: 0, count: max(1, $0.slots.count)) }
    for e in placement.entries { load[e.worksite][e.slot ?? 0] += 1 }
    let capacities = MenuCapacities(self, placement: placement)
    let kindOf = worksites.map { ActivityMenu.ordinal($0.kind) }
    let employer = employerGroupIDs()
    // The kinds each role takes, in service order.
    let servedTo = ParticipantRole.allCases.map { role in
      menu.served.filter { menu.offers($0.kind, to: role) }
    }
    var rows: [MenuRow] = []
    rows.reserveCapacity(placement.count + students.count)
    // Without `place_unranked`, a person's known, distinct entries of a kind offered to them
    // are exactly their eligible choices and ineligible entries of it: counted from those
    // tables (walked in person order) instead of looking each listed id up again.
    let fromTables = !policy.placeUnranked
    var nextIneligible = 0
    var listed = [Int](repeating: 0, count: ActivityMenu.defaultOrder.count)
    var seen = [Int32](repeating: -1, count: worksites.count)
    for s in students.indices {
      let before = rows.count
      let mine = placement.placements(of: s)
      // Known, distinct worksites of each kind on the list.
      for k in listed.indices { listed[k] = 0 }
      if fromTables {
        for c in choices.range(of: s) { listed[kindOf[Int(choices.worksite[c])]] += 1 }
        while nextIneligible < ineligibleChoices.count,
          ineligibleChoices[nextIneligible].student <= s
        {
          let entry = ineligibleChoices[nextIneligible]
          if entry.student == s { listed[kindOf[entry.worksite]] += 1 }
          nextIneligible += 1
        }
      } else {
        for id in students[s].preferences {
          if let w = worksiteIndex[id], seen[w] != Int32(s) {
            seen[w] = Int32(s)
            listed[kindOf[w]] += 1
          }
        }
      }
      let role = ParticipantRole.allCases.firstIndex(of: students[s].role) ?? 0
      for rule in servedTo[role] {
        let kind = ActivityMenu.ordinal(rule.kind)
        let first = rows.count
        for e in mine where kindOf[e.worksite] == kind {
          rows.append(
            MenuRow(
              student: s, kind: rule.kind, worksite: e.worksite,
              rank: menuRank(of: s, at: e.worksite),
              slot: e.slot.map { worksites[e.worksite].slots[$0] }, reason: nil))
        }
        rows[first...].sort { ($0.rank ?? 0) < ($1.rank ?? 0) }
        let due = min(rule.maxPerParticipant, listed[kind])
        guard rows.count - first < due else { continue }
        rows.append(
          MenuRow(
            student: s, kind: rule.kind, worksite: nil, rank: nil, slot: nil,
            reason: shortfall(
              of: s, rule: rule, holding: mine, load: load, kindOf: kindOf, employer: employer,
              capacities: capacities)))
      }
      guard rows.count == before else { continue }
      let reason: MenuShortfall =
        students[s].preferences.isEmpty
        ? .noPreferences : listedCount[s] == 0 ? .unknownChoices : .noEligibleChoice
      rows.append(
        MenuRow(student: s, kind: nil, worksite: nil, rank: nil, slot: nil, reason: reason))
    }
    return rows
  }

  /// Why person `s`, holding `holding`, is short of `rule`'s kind (see ``menuRows(of:)``);
  /// `kindOf` and `employer` are each worksite's kind ordinal and employer group, `capacities`
  /// the placement's counts against `max_per_school` and `employers.csv`.
  private func shortfall(
    of s: Int, rule: ActivityRule, holding: ArraySlice<MenuPlacement.Entry>, load: [[Int]],
    kindOf: [Int], employer: [Int32], capacities: MenuCapacities
  ) -> MenuShortfall {
    let kind = ActivityMenu.ordinal(rule.kind)
    let eligible = choices.range(of: s).map { Int(choices.worksite[$0]) }.filter {
      kindOf[$0] == kind
    }
    guard !eligible.isEmpty else { return .noEligibleChoice }
    let labels = Set(holding.compactMap { e in e.slot.map { worksites[e.worksite].slots[$0] } })
    // Worksites not held with a seat free, in some slot.
    let free = eligible.filter { w in
      !holding.contains { $0.worksite == w } && load[w].contains { $0 < worksites[w].capacity }
    }
    guard !free.isEmpty else { return .choicesFull }
    func employerBlocks(_ w: Int) -> Bool {
      guard let limit = rule.maxPerEmployer else { return false }
      return holding.count(where: {
        kindOf[$0.worksite] == kind && employer[$0.worksite] == employer[w]
      })
        >= limit
    }
    func slotsBlock(_ w: Int) -> Bool {
      !worksites[w].slots.isEmpty
        && worksites[w].slots.indices.allSatisfy {
          load[w][$0] >= worksites[w].capacity || labels.contains(worksites[w].slots[$0])
        }
    }
    let employerFull = { (w: Int) in capacities.employerFull(w) }
    let schoolFull = { (w: Int) in capacities.schoolFull(student: s, at: w) }
    if free.contains(where: {
      !employerBlocks($0) && !slotsBlock($0) && !employerFull($0) && !schoolFull($0)
    }) {
      return .freeSeatUnused
    }
    if free.allSatisfy(employerBlocks) { return .maxPerEmployer }
    if free.allSatisfy(employerFull) { return .employerFull }
    if free.allSatisfy(schoolFull) { return .maxPerSchool }
    if free.contains(where: slotsBlock) { return .slotConflict }
    return free.contains(where: employerFull) ? .employerFull : .maxPerSchool
  }
}
