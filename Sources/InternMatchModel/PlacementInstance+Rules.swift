extension PlacementInstance {
  /// Checks a worksite's own side constraints: `max_per_school` and `min_group` in
  /// ``DatasetLimits/seats``, reserves with a group, a seat count in that range or a finite share
  /// between 0 and 1, and at most the
  /// capacity reserved in total.
  static func validate(
    sideConstraintsOf w: Worksite, at j: Int, into issues: inout [InstanceIssue]
  ) {
    DatasetLimits.check(
      w.maxPerSchool, DatasetLimits.seats, field: "max_per_school", .worksite(j), into: &issues)
    DatasetLimits.check(
      w.minimumGroupSize, DatasetLimits.seats, field: "min_group", .worksite(j), into: &issues)
    var reserved = 0
    for r in w.reserves {
      switch r.amount {
      case .seats(let n) where !DatasetLimits.seats.contains(n):
        DatasetLimits.check(
          n, DatasetLimits.seats, field: "reserve", label: "reserve for '\(r.group)'",
          .worksite(j), into: &issues)
      case .fraction(let f) where !(f.isFinite && (0...1).contains(f)):
        issues.append(
          .init(
            .error, .worksite(j), field: "reserve",
            "reserve share for '\(r.group)' must be between 0% and 100%"))
      default: break
      }
      if r.group.isEmpty {
        issues.append(.init(.error, .worksite(j), field: "reserve", "reserve names no group"))
      }
      reserved += r.count(ofCapacity: min(max(w.capacity, 0), DatasetLimits.seats.upperBound))
    }
    if DatasetLimits.seats.contains(w.capacity), reserved > w.capacity {
      issues.append(
        .init(
          .error, .worksite(j), field: "reserve",
          "reserves add up to \(reserved) seats, more than the capacity \(w.capacity)"))
    }
  }

  /// Resolves employer capacities, links and pins to indices, reporting unknown ids, a student
  /// pinned twice, a student linked to itself, more pins at a worksite than its seats, than its
  /// `max_per_school` from one school or than an employer's capacity (no strategy could honour
  /// them), negative capacities and a floor outside 0–1.
  static func resolve(
    _ rules: PlacementRules, students: IdentifierMap, roster: [Student],
    worksites: [Worksite], reservesRevert: Bool,
    worksiteIndex: IdentifierMap, into issues: inout [InstanceIssue]
  ) -> (pinned: [Int32], links: [(first: Int, second: Int)], employerLimit: [Int32]) {
    var employerLimit = [Int32](repeating: -1, count: worksites.count)
    var entryOfEmployer = IdentifierMap(minimumCapacity: rules.employerCapacity.count)
    for (k, e) in rules.employerCapacity.enumerated() {
      DatasetLimits.check(
        e.capacity, DatasetLimits.seats, field: "capacity", .employer(k), into: &issues)
      if entryOfEmployer.claim(e.employer, at: k) != nil {
        issues.append(
          .init(.error, .employer(k), field: "id", "employer '\(e.employer)' is listed twice"))
      }
    }
    var employed = [Bool](repeating: false, count: rules.employerCapacity.count)
    for (j, w) in worksites.enumerated() {
      guard let name = w.employer, let k = entryOfEmployer[name] else { continue }
      employerLimit[j] = Int32(k)
      employed[k] = true
    }
    for (k, e) in rules.employerCapacity.enumerated()
    where !employed[k] && entryOfEmployer[e.employer] == k {
      issues.append(
        .init(
          .warning, .employer(k), field: "id",
          "employer '\(e.employer)' has no worksite; its capacity is ignored"))
    }

    var links: [(first: Int, second: Int)] = []
    for (k, link) in rules.links.enumerated() {
      guard let a = students[link.first], let b = students[link.second] else {
        let missing = students[link.first] == nil ? link.first : link.second
        issues.append(.init(.error, .link(k), field: "student", "unknown student '\(missing)'"))
        continue
      }
      guard a != b else {
        issues.append(
          .init(.error, .link(k), field: "student", "student '\(link.first)' is linked to itself"))
        continue
      }
      links.append((a, b))
    }

    var pinned = [Int32](repeating: -1, count: roster.count)
    var pinsAt = [Int](repeating: 0, count: worksites.count)
    var pinsOfEmployer = [Int](repeating: 0, count: rules.employerCapacity.count)
    var pinsOfSchool: [Int: [String: Int]] = [:]  // worksite → school → pins
    // With a menu a person may hold several pins: ``resolve(menuPins:menu:students:roster:worksites:worksiteIndex:into:)``.
    for (k, pin) in rules.pins.enumerated() where rules.activities == nil {
      if pin.slot != nil {
        issues.append(
          .init(
            .error, .pin(k), field: "slot",
            "a pin's slot needs a menu of activities (activities.csv) and a worksite with slots"))
      }
      guard let (s, w) = resolve(pin: pin, at: k, students, worksiteIndex, into: &issues) else {
        continue
      }
      guard pinned[s] < 0 else {
        issues.append(
          .init(.error, .pin(k), field: "student", "student '\(pin.student)' is pinned twice"))
        continue
      }
      pinned[s] = Int32(w)
      pinsAt[w] += 1
      if pinsAt[w] - 1 == worksites[w].capacity {
        issues.append(
          .init(
            .error, .pin(k), field: "worksite",
            "more students are pinned to '\(pin.worksite)' than its \(worksites[w].capacity) seats"
          ))
      }
      if let limit = worksites[w].maxPerSchool {
        let school = roster[s].school
        let n = pinsOfSchool[w, default: [:]][school, default: 0] + 1
        pinsOfSchool[w, default: [:]][school] = n
        if n - 1 == limit {
          issues.append(
            .init(
              .error, .pin(k), field: "worksite",
              "more students of school \(school) are pinned to '\(pin.worksite)' than its "
                + "max_per_school \(limit)"))
        }
      }
      if employerLimit[w] >= 0 {
        let e = Int(employerLimit[w])
        pinsOfEmployer[e] += 1
        if pinsOfEmployer[e] - 1 == rules.employerCapacity[e].capacity {
          issues.append(
            .init(
              .error, .pin(k), field: "worksite",
              "more students are pinned to employer '\(rules.employerCapacity[e].employer)' "
                + "than its capacity \(rules.employerCapacity[e].capacity)"))
        }
      }
    }
    if !reservesRevert {
      var pinnedGroups: [Int: [Set<String>]] = [:]
      for (s, w) in pinned.enumerated() where w >= 0 && !worksites[Int(w)].reserves.isEmpty {
        pinnedGroups[Int(w), default: []].append(roster[s].groups)
      }
      for (w, groups) in pinnedGroups.sorted(by: { $0.key < $1.key }) {
        if let short = reserveShortfall(worksites[w], seating: groups) {
          issues.append(
            .init(
              .error, .worksite(w), field: "reserve",
              "\(short.students) students pinned to '\(worksites[w].id)' may use only "
                + "\(short.seats) of its seats: reserves that do not revert keep the rest"))
        }
      }
    }
    if let floor = rules.schoolFloor, !(0...1).contains(floor) {
      issues.append(
        .init(.error, .policy, field: "school_floor", "school_floor must be between 0 and 1"))
    }
    return (pinned, links, employerLimit)
  }
}

extension PlacementInstance {
  /// The person and worksite indices of pin record `k`, or `nil` with an error for an unknown
  /// id (the person's first).
  static func resolve(
    pin: Pin, at k: Int, _ students: IdentifierMap, _ worksiteIndex: IdentifierMap,
    into issues: inout [InstanceIssue]
  ) -> (student: Int, worksite: Int)? {
    guard let s = students[pin.student] else {
      issues.append(.init(.error, .pin(k), field: "student", "unknown student '\(pin.student)'"))
      return nil
    }
    guard let w = worksiteIndex[pin.worksite] else {
      issues.append(.init(.error, .pin(k), field: "worksite", "unknown worksite '\(pin.worksite)'"))
      return nil
    }
    return (s, w)
  }

  /// The worksites where `rank-maximal` cannot run: a `max_per_school` together with reserves
  /// that do not revert (its staged network cannot hold both seat types and school limits).
  public var worksitesRankMaximalCannotHold: [Int] {
    Self.worksitesCombiningSchoolLimitsAndFixedReserves(worksites, policy: policy)
  }

  static func worksitesCombiningSchoolLimitsAndFixedReserves(
    _ worksites: [Worksite], policy: Policy
  ) -> [Int] {
    guard !policy.reservesRevert else { return [] }
    return worksites.indices.filter {
      worksites[$0].maxPerSchool != nil && !worksites[$0].reserves.isEmpty
    }
  }

  /// Finds the side rules that contradict each other, so that `validate` reports them and no
  /// strategy meets them as an infeasible model: a linked pair pinned to two worksites; a
  /// student pinned where their linked partner can be neither pinned nor placed; a pin at a
  /// worksite whose `min_group` its seats, or its pins with every eligible applicant, cannot
  /// reach; and, when `policy.json` names `rank-maximal`, a worksite it cannot hold.
  ///
  /// - Complexity: O(S + L + W + links + pins) for S students and L eligible choices.
  static func contradictions(
    pinned: [Int32], rules: PlacementRules, roster: [Student], worksites: [Worksite],
    studentIndex: IdentifierMap, worksiteIndex: IdentifierMap, choices: ChoiceTable,
    policy: Policy, into issues: inout [InstanceIssue]
  ) {
    func eligible(_ s: Int, _ w: Int) -> Bool {
      choices.range(of: s).contains { Int(choices.worksite[$0]) == w }
    }
    for (row, link) in rules.links.enumerated() {
      guard let a = studentIndex[link.first], let b = studentIndex[link.second], a != b else {
        continue
      }
      let (pa, pb) = (Int(pinned[a]), Int(pinned[b]))
      if pa >= 0, pb >= 0, pa != pb {
        issues.append(
          .init(
            .error, .link(row), field: "student_a",
            "linked students '\(link.first)' and '\(link.second)' are pinned to different "
              + "worksites '\(worksites[pa].id)' and '\(worksites[pb].id)'"))
      }
      for (pinnedOne, partner, w) in [(a, b, pa), (b, a, pb)]
      where w >= 0 && pinned[partner] < 0 && !eligible(partner, w) {
        issues.append(
          .init(
            .error, .link(row), field: pinnedOne == a ? "student_b" : "student_a",
            "'\(roster[pinnedOne].id)' is pinned to '\(worksites[w].id)', but the linked "
              + "'\(roster[partner].id)' has no eligible choice of it and is not pinned there"))
      }
    }

    var pinsAt: [Int: (count: Int, firstRow: Int)] = [:]
    for (row, pin) in rules.pins.enumerated() {
      guard let w = worksiteIndex[pin.worksite],
        worksites[w].minimumGroupSize.map({ $0 > 1 }) == true
      else { continue }
      pinsAt[w] = ((pinsAt[w]?.count ?? 0) + 1, pinsAt[w]?.firstRow ?? row)
    }
    if !pinsAt.isEmpty {
      var applicants = [Int](repeating: 0, count: worksites.count)
      for s in roster.indices where pinned[s] < 0 {
        for c in choices.range(of: s) { applicants[Int(choices.worksite[c])] += 1 }
      }
      for (w, pins) in pinsAt.sorted(by: { $0.key < $1.key }) {
        let m = worksites[w].minimumGroupSize ?? 0
        let reach = min(worksites[w].capacity, pins.count + applicants[w])
        guard reach < m else { continue }
        issues.append(
          .init(
            .error, .pin(pins.firstRow), field: "worksite",
            "'\(worksites[w].id)' has min_group \(m) but can seat at most \(reach) "
              + "(\(pins.count) pinned, \(applicants[w]) other eligible applicants, "
              + "\(worksites[w].capacity) seats): its pins cannot be honoured"))
      }
    }

    if policy.strategy == "rank-maximal" {
      for w in worksitesCombiningSchoolLimitsAndFixedReserves(worksites, policy: policy) {
        issues.append(
          .init(
            .error, .worksite(w), field: "max_per_school",
            "policy.json names rank-maximal, which cannot combine max_per_school and reserves "
              + "that do not revert on one worksite ('\(worksites[w].id)'); use optimal"))
      }
    }
  }
}
