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
  /// `max_per_employer` with (`max-per-employer`); otherwise every free seat left is in a slot
  /// the person is already placed in (`slot-conflict`).
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
    var rows: [MenuRow] = []
    rows.reserveCapacity(placement.count + students.count)
    for s in students.indices {
      let before = rows.count
      let mine = placement.placements(of: s)
      // Known, distinct worksites of each kind on the list.
      var listed = [Int](repeating: 0, count: ActivityMenu.defaultOrder.count)
      var seen: Set<Int> = []
      for id in students[s].preferences {
        if let w = worksiteIndex[id], seen.insert(w).inserted {
          listed[ActivityMenu.ordinal(worksites[w].kind)] += 1
        }
      }
      for rule in menu.served where menu.offers(rule.kind, to: students[s].role) {
        let ofKind = mine.filter { worksites[$0.worksite].kind == rule.kind }.map {
          e in
          MenuRow(
            student: s, kind: rule.kind, worksite: e.worksite,
            rank: menuRank(of: s, at: e.worksite),
            slot: e.slot.map { worksites[e.worksite].slots[$0] }, reason: nil)
        }
        rows += ofKind.sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }
        let due = min(rule.maxPerParticipant, listed[ActivityMenu.ordinal(rule.kind)])
        guard ofKind.count < due else { continue }
        rows.append(
          MenuRow(
            student: s, kind: rule.kind, worksite: nil, rank: nil, slot: nil,
            reason: shortfall(of: s, rule: rule, holding: mine, load: load)))
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

  /// Why person `s`, holding `holding`, is short of `rule`'s kind (see ``menuRows(of:)``).
  private func shortfall(
    of s: Int, rule: ActivityRule, holding: ArraySlice<MenuPlacement.Entry>, load: [[Int]]
  ) -> MenuShortfall {
    let eligible = choices.range(of: s).map { Int(choices.worksite[$0]) }.filter {
      worksites[$0].kind == rule.kind
    }
    guard !eligible.isEmpty else { return .noEligibleChoice }
    let held = Set(holding.map(\.worksite))
    let labels = Set(holding.compactMap { e in e.slot.map { worksites[e.worksite].slots[$0] } })
    // Worksites not held with a seat free, in some slot.
    let free = eligible.filter { w in
      !held.contains(w) && load[w].contains { $0 < worksites[w].capacity }
    }
    guard !free.isEmpty else { return .choicesFull }
    var withEmployer: [EmployerOfKind: Int] = [:]
    for e in holding where worksites[e.worksite].kind == rule.kind {
      withEmployer[EmployerOfKind(worksites[e.worksite]), default: 0] += 1
    }
    func employerBlocks(_ w: Int) -> Bool {
      rule.maxPerEmployer.map { withEmployer[EmployerOfKind(worksites[w]), default: 0] >= $0 }
        ?? false
    }
    func slotsBlock(_ w: Int) -> Bool {
      !worksites[w].slots.isEmpty
        && worksites[w].slots.indices.allSatisfy {
          load[w][$0] >= worksites[w].capacity || labels.contains(worksites[w].slots[$0])
        }
    }
    if free.contains(where: { !employerBlocks($0) && !slotsBlock($0) }) { return .freeSeatUnused }
    return free.allSatisfy(employerBlocks) ? .maxPerEmployer : .slotConflict
  }
}
