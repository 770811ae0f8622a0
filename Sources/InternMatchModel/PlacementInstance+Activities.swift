extension PlacementInstance {
  /// The menu in force (`activities.csv`), or `nil`: one placement in total per person.
  public var activities: ActivityMenu? { rules.activities }

  /// Checks the menu's rules: each kind listed once, priorities unique and in range,
  /// `max_per_participant` and `max_per_employer` in range. Every problem is an error of the
  /// rule's record.
  ///
  /// - Complexity: O(K) for K rules.
  static func validate(menu: ActivityMenu, into issues: inout [InstanceIssue]) {
    var kinds: [WorksiteKind: Int] = [:]
    var priorities: [Int: Int] = [:]
    for (k, rule) in menu.listed.enumerated() {
      if let first = kinds.updateValue(k, forKey: rule.kind) {
        kinds[rule.kind] = first
        issues.append(
          .init(
            .error, .activity(k), field: "kind",
            "kind '\(rule.kind.rawValue)' is listed twice (first at record \(first + 1))"))
      }
      if !DatasetLimits.activityPriority.contains(rule.priority) {
        DatasetLimits.check(
          rule.priority, DatasetLimits.activityPriority, field: "priority", .activity(k),
          into: &issues)
      } else if let first = priorities.updateValue(k, forKey: rule.priority) {
        priorities[rule.priority] = first
        issues.append(
          .init(
            .error, .activity(k), field: "priority",
            "priority \(rule.priority) is also that of '\(menu.listed[first].kind.rawValue)' "
              + "(record \(first + 1)); kinds are served one after another"))
      }
      DatasetLimits.check(
        rule.maxPerParticipant, DatasetLimits.activitiesPerParticipant,
        field: "max_per_participant", .activity(k), into: &issues)
      DatasetLimits.check(
        rule.maxPerEmployer, DatasetLimits.activitiesPerParticipant, field: "max_per_employer",
        .activity(k), into: &issues)
    }
  }

  /// An error at the first worksite with slots, when there is no menu: slots place several
  /// activities per person, which needs `activities.csv` (without it a person gets one
  /// placement in total, and no strategy could honour the slots).
  ///
  /// - Complexity: O(W).
  static func requireMenu(forSlotsOf worksites: [Worksite], into issues: inout [InstanceIssue]) {
    let slotted = worksites.indices.filter { !worksites[$0].slots.isEmpty }
    guard let first = slotted.first else { return }
    let more = slotted.count > 1 ? " (and \(slotted.count - 1) more worksites)" : ""
    issues.append(
      .init(
        .error, .worksite(first), field: "slots",
        "slots need a menu of activities (activities.csv)\(more); without one each person "
          + "gets one placement in total"))
  }

  /// Checks a worksite's slot labels: none empty, none repeated in the row, at most
  /// ``DatasetLimits/slotsPerWorksite``.
  ///
  /// - Complexity: O(labels).
  static func validate(slotsOf w: Worksite, at j: Int, into issues: inout [InstanceIssue]) {
    guard !w.slots.isEmpty else { return }
    if !DatasetLimits.slotsPerWorksite.contains(w.slots.count) {
      issues.append(
        .init(
          .error, .worksite(j), field: "slots",
          "\(w.slots.count) slots, more than "
            + DatasetLimits.grouped(DatasetLimits.slotsPerWorksite.upperBound)))
    }
    var seen: Set<String> = []
    for label in w.slots {
      if label.isEmpty {
        issues.append(.init(.error, .worksite(j), field: "slots", "a slot label is empty"))
      } else if !seen.insert(label).inserted {
        issues.append(
          .init(.error, .worksite(j), field: "slots", "slot '\(label)' is listed twice"))
      }
    }
  }
}
