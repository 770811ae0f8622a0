/// A kind of side constraint a dataset may carry, so that a strategy can say which it honours.
///
/// ```swift
/// instance.sideRules  // [.pins, .minimumGroup]
/// ```
public enum SideRule: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
  /// Placements fixed in advance (`pins.csv`).
  case pins
  /// At most k students of one school at a worksite (`max_per_school`).
  case maxPerSchool = "max_per_school"
  /// Seats across an employer's worksites (`employers.csv`).
  case employerCapacity = "employer_capacity"
  /// Seats reserved for priority groups (`reserve`).
  case reserves
  /// A placement floor per school (`school_floor`).
  case schoolFloor = "school_floor"
  /// A worksite holds 0 or at least m students (`min_group`).
  case minimumGroup = "min_group"
  /// Two students at the same worksite or both unplaced (`links.csv`).
  case links
  /// Several placements per person, kind by kind (`activities.csv`).
  case activities
  /// Worksites offering seats in time slots (`slots`).
  case slots
  /// At most k placements of a kind per person and employer (`max_per_employer`).
  case maxPerEmployer = "max_per_employer"

  public var description: String { rawValue }
}

extension PlacementInstance {
  /// The side constraints present in this instance.
  ///
  /// - Complexity: O(W).
  public var sideRules: Set<SideRule> {
    var found: Set<SideRule> = []
    if !rules.pins.isEmpty { found.insert(.pins) }
    if !rules.employerCapacity.isEmpty { found.insert(.employerCapacity) }
    if rules.schoolFloor != nil { found.insert(.schoolFloor) }
    if !linkedPairs.isEmpty { found.insert(.links) }
    if let menu = rules.activities {
      found.insert(.activities)
      if menu.listed.contains(where: { $0.maxPerEmployer != nil }) {
        found.insert(.maxPerEmployer)
      }
    }
    for w in worksites {
      if w.maxPerSchool != nil { found.insert(.maxPerSchool) }
      if !w.reserves.isEmpty { found.insert(.reserves) }
      if let m = w.minimumGroupSize, m > 1 { found.insert(.minimumGroup) }
      if !w.slots.isEmpty { found.insert(.slots) }
    }
    return found
  }
}
