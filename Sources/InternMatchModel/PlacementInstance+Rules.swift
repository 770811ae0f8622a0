extension PlacementInstance {
  /// Checks a worksite's own side constraints: `max_per_school` ≥ 0, `min_group` ≥ 0, reserves
  /// with a group, a non-negative seat count or a share between 0 and 1, and at most the
  /// capacity reserved in total.
  static func validate(
    sideConstraintsOf w: Worksite, at j: Int, into issues: inout [InstanceIssue]
  ) {
    if let k = w.maxPerSchool, k < 0 {
      issues.append(
        .init(.error, .worksite(j), field: "max_per_school", "max_per_school \(k) is negative"))
    }
    if let m = w.minimumGroupSize, m < 0 {
      issues.append(.init(.error, .worksite(j), field: "min_group", "min_group \(m) is negative"))
    }
    var reserved = 0
    for r in w.reserves {
      switch r.amount {
      case .seats(let n) where n < 0:
        issues.append(
          .init(.error, .worksite(j), field: "reserve", "reserve for '\(r.group)' is negative"))
      case .fraction(let f) where !(0...1).contains(f):
        issues.append(
          .init(
            .error, .worksite(j), field: "reserve",
            "reserve share for '\(r.group)' must be between 0% and 100%"))
      default: break
      }
      if r.group.isEmpty {
        issues.append(.init(.error, .worksite(j), field: "reserve", "reserve names no group"))
      }
      reserved += r.count(ofCapacity: max(w.capacity, 0))
    }
    if reserved > max(w.capacity, 0) {
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
    _ rules: PlacementRules, students: [String: Int], roster: [Student],
    worksites: [Worksite], reservesRevert: Bool,
    worksiteIndex: [String: Int], into issues: inout [InstanceIssue]
  ) -> (pinned: [Int32], links: [(first: Int, second: Int)], employerLimit: [Int32]) {
    var employerLimit = [Int32](repeating: -1, count: worksites.count)
    var entryOfEmployer: [String: Int] = [:]
    for (k, e) in rules.employerCapacity.enumerated() {
      if e.capacity < 0 {
        issues.append(
          .init(.error, .employer(k), field: "capacity", "capacity \(e.capacity) is negative"))
      }
      if entryOfEmployer[e.employer] != nil {
        issues.append(
          .init(.error, .employer(k), field: "id", "employer '\(e.employer)' is listed twice"))
      }
      entryOfEmployer[e.employer] = k
    }
    var employed: Set<String> = []
    for (j, w) in worksites.enumerated() {
      guard let name = w.employer, let k = entryOfEmployer[name] else { continue }
      employerLimit[j] = Int32(k)
      employed.insert(name)
    }
    for (k, e) in rules.employerCapacity.enumerated() where !employed.contains(e.employer) {
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

    var pinned = [Int32](repeating: -1, count: students.count)
    var pinsAt = [Int](repeating: 0, count: worksites.count)
    var pinsOfEmployer = [Int](repeating: 0, count: rules.employerCapacity.count)
    var pinsOfSchool: [String: Int] = [:]
    for (k, pin) in rules.pins.enumerated() {
      guard let s = students[pin.student] else {
        issues.append(.init(.error, .pin(k), field: "student", "unknown student '\(pin.student)'"))
        continue
      }
      guard let w = worksiteIndex[pin.worksite] else {
        issues.append(
          .init(.error, .pin(k), field: "worksite", "unknown worksite '\(pin.worksite)'"))
        continue
      }
      guard pinned[s] < 0 else {
        issues.append(
          .init(.error, .pin(k), field: "student", "student '\(pin.student)' is pinned twice"))
        continue
      }
      pinned[s] = Int32(w)
      pinsAt[w] += 1
      if pinsAt[w] == worksites[w].capacity + 1 {
        issues.append(
          .init(
            .error, .pin(k), field: "worksite",
            "more students are pinned to '\(pin.worksite)' than its \(worksites[w].capacity) seats"
          ))
      }
      if let limit = worksites[w].maxPerSchool {
        let school = roster[s].school
        let n = pinsOfSchool[pin.worksite + "\u{1F}" + school, default: 0] + 1
        pinsOfSchool[pin.worksite + "\u{1F}" + school] = n
        if n == limit + 1 {
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
        if pinsOfEmployer[e] == rules.employerCapacity[e].capacity + 1 {
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
