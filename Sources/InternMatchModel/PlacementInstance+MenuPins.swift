extension PlacementInstance {
  /// Resolves the pins of a menu of activities (`pins.csv` with `activities.csv`) to
  /// placements and checks them against the menu's rules, each problem an error of the pin's
  /// record: an unknown person or worksite; a kind not offered to the person's role (a teacher
  /// pinned to a tour); a slot missing at a worksite with slots, unknown there, or given at a
  /// worksite without slots; the same (person, worksite) pinned twice; two pins of a person
  /// sharing a slot label; more pins of a person of a kind than `max_per_participant`, or with
  /// one employer than `max_per_employer`; more pins at a worksite (in a slot) than its seats.
  ///
  /// A pin fixes one placement of the person, of the worksite's kind; it need not be on the
  /// person's list (rank 0 then, as single-seat pins), and at a worksite with slots it names
  /// the slot it takes, so that every rule is decided here, before any strategy runs.
  ///
  /// ```swift
  /// // pins.csv: S1,MOCK-1,09:00 and S1,MOCK-2,09:00 → "… holds two pins in slot '09:00' …"
  /// ```
  ///
  /// - Complexity: O(P) hash operations for P pins.
  static func resolve(
    menuPins pins: [Pin], menu: ActivityMenu, students: IdentifierMap, roster: [Student],
    worksites: [Worksite], worksiteIndex: IdentifierMap, into issues: inout [InstanceIssue]
  ) -> [MenuPlacement.Entry] {
    var entries: [MenuPlacement.Entry] = []
    var pairs: [Int: Int] = [:]  // student << 32 | worksite → first record
    var labels: [PersonLabel: Int] = [:]  // first record
    var ofKind: [Int: Int] = [:]  // student << 3 | kind ordinal
    var ofEmployer: [PersonEmployer: Int] = [:]
    var seats: [Int: Int] = [:]  // worksite << 32 | (slot + 1)
    for (k, pin) in pins.enumerated() {
      guard let (s, w) = resolve(pin: pin, at: k, students, worksiteIndex, into: &issues) else {
        continue
      }
      let site = worksites[w]
      let rule = menu.rule(for: site.kind)
      let role = roster[s].role
      guard menu.offers(site.kind, to: role) else {
        issues.append(
          .init(
            .error, .pin(k), field: "worksite",
            "'\(pin.student)' (a \(role.rawValue)) is pinned to '\(pin.worksite)', a "
              + "\(site.kind.rawValue) the menu does not offer to \(role.rawValue)s"))
        continue
      }
      var slot: Int?
      switch (site.slots.isEmpty, pin.slot) {
      case (true, nil): slot = nil
      case (true, let label?):
        issues.append(
          .init(
            .error, .pin(k), field: "slot",
            "'\(pin.worksite)' has no slots, but the pin names slot '\(label)'"))
        continue
      case (false, nil):
        issues.append(
          .init(
            .error, .pin(k), field: "slot",
            "'\(pin.worksite)' has slots: the pin must name one of "
              + site.slots.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
              + (site.slots.count > 5 ? ", …" : "")))
        continue
      case (false, let label?):
        guard let t = site.slots.firstIndex(of: label) else {
          issues.append(
            .init(
              .error, .pin(k), field: "slot",
              "'\(pin.worksite)' has no slot '\(label)'"
                + NearestName.hint(for: label, among: site.slots)))
          continue
        }
        slot = t
      }
      if let first = pairs.updateValue(k, forKey: s << 32 | w) {
        pairs[s << 32 | w] = first
        issues.append(
          .init(
            .error, .pin(k), field: "worksite",
            "'\(pin.student)' is pinned to '\(pin.worksite)' twice (first at record "
              + "\(first + 1)); a person is placed at most once at a worksite"))
        continue
      }
      if let t = slot {
        let key = PersonLabel(student: s, label: site.slots[t])
        if let first = labels.updateValue(k, forKey: key) {
          labels[key] = first
          issues.append(
            .init(
              .error, .pin(k), field: "slot",
              "'\(pin.student)' holds two pins in slot '\(site.slots[t])' (first at record "
                + "\(first + 1)); a person is in one place at a time"))
        }
      }
      let kindKey = s << 3 | ActivityMenu.ordinal(site.kind)
      ofKind[kindKey, default: 0] += 1
      if ofKind[kindKey] == rule.maxPerParticipant + 1 {
        issues.append(
          .init(
            .error, .pin(k), field: "worksite",
            "'\(pin.student)' has more \(site.kind.rawValue) pins than its "
              + "max_per_participant \(rule.maxPerParticipant)"))
      }
      if let limit = rule.maxPerEmployer {
        let key = PersonEmployer(student: s, group: EmployerOfKind(site))
        ofEmployer[key, default: 0] += 1
        if ofEmployer[key] == limit + 1 {
          issues.append(
            .init(
              .error, .pin(k), field: "worksite",
              "'\(pin.student)' has more \(site.kind.rawValue) pins with employer "
                + "\(key.group.employer) than its max_per_employer \(limit)"))
        }
      }
      let seatKey = w << 32 | ((slot ?? -1) + 1)
      seats[seatKey, default: 0] += 1
      if seats[seatKey] == site.capacity + 1 {
        issues.append(
          .init(
            .error, .pin(k), field: "worksite",
            "more people are pinned to '\(pin.worksite)'"
              + (slot.map { " in slot '\(site.slots[$0])'" } ?? "")
              + " than its \(site.capacity) seats"))
      }
      entries.append(MenuPlacement.Entry(student: s, worksite: w, slot: slot))
    }
    return entries
  }

  /// The pin of `student` at worksite `w` with a menu, or `nil`.
  ///
  /// - Complexity: O(1).
  package func menuPin(of student: Int, at w: Int) -> MenuPlacement.Entry? {
    menuPinIndex[student << 32 | w].map { menuPins[$0] }
  }

  /// The rank (within the kind) of `student`'s placement at `w` with a menu: its eligible
  /// choice's rank; for a pinned pair that is no eligible choice, the worksite's position among
  /// the person's entries of its kind, or 0 when the list does not name it; `nil` otherwise.
  ///
  /// ```swift
  /// instance.menuRank(of: 0, at: 3)  // 2: the second mock interview on their list
  /// ```
  ///
  /// - Complexity: O(k) for k entries in the person's list.
  public func menuRank(of student: Int, at w: Int) -> Int? {
    if let rank = choices.rank(of: student, for: w) { return rank }
    guard menuPinIndex[student << 32 | w] != nil else { return nil }
    let kinds = students[student].preferences.map { worksiteIndex[$0].map { worksites[$0].kind } }
    let ranks = ActivityMenu.kindRanks(of: kinds)
    let id = worksites[w].id
    return students[student].preferences.firstIndex(of: id).map { ranks[$0] } ?? 0
  }

  /// Each person's pins, by person index (empty lists without pins).
  ///
  /// - Complexity: O(S + P).
  package var menuPinsByPerson: [[MenuPlacement.Entry]] {
    var byPerson = [[MenuPlacement.Entry]](repeating: [], count: students.count)
    for e in menuPins { byPerson[e.student].append(e) }
    return byPerson
  }
}

/// A person and a slot label (one pin per label).
private struct PersonLabel: Hashable {
  var student: Int
  var label: String
}

/// A person and a `max_per_employer` group.
private struct PersonEmployer: Hashable {
  var student: Int
  var group: EmployerOfKind
}
