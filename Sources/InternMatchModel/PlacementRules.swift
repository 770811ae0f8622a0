/// Rules that span records: employer-wide capacities, students who must be placed together,
/// placements fixed in advance, and a placement floor per school.
///
/// ```swift
/// var rules = PlacementRules()
/// rules.employerCapacity = [EmployerCapacity(employer: "Mount Sinai", capacity: 12)]
/// rules.links = [StudentLink(first: "S1", second: "S2")]
/// rules.pins = [Pin(student: "S7", worksite: "W3")]
/// ```
public struct PlacementRules: Hashable, Sendable, Codable {
  /// Seats across all worksites of an employer (`employers.csv`).
  public var employerCapacity: [EmployerCapacity]
  /// Pairs placed at the same worksite or both unplaced (`links.csv`). Breaks the network
  /// structure: solved as a MIP.
  public var links: [StudentLink]
  /// Placements fixed in advance, such as continuing internships (`pins.csv`).
  public var pins: [Pin]
  /// Each school places at least this share (0–1) of its students, when feasible.
  public var schoolFloor: Double?
  /// The menu of activity kinds (`activities.csv`); `nil`: one placement in total per person.
  public var activities: ActivityMenu?

  /// Creates rules.
  public init(
    employerCapacity: [EmployerCapacity] = [], links: [StudentLink] = [], pins: [Pin] = [],
    schoolFloor: Double? = nil, activities: ActivityMenu? = nil
  ) {
    self.employerCapacity = employerCapacity
    self.links = links
    self.pins = pins
    self.schoolFloor = schoolFloor
    self.activities = activities
  }

  /// Whether no rule is set.
  public var isEmpty: Bool {
    employerCapacity.isEmpty && links.isEmpty && pins.isEmpty && schoolFloor == nil
      && activities == nil
  }
}

/// The most students an employer takes across all its worksites.
public struct EmployerCapacity: Hashable, Sendable, Codable {
  /// The employer, as named in `worksites.csv`'s `employer` column.
  public var employer: String
  /// Seats across all its worksites (≥ 0).
  public var capacity: Int

  public init(employer: String, capacity: Int) {
    self.employer = employer
    self.capacity = capacity
  }
}

/// Two students placed at the same worksite, or both unplaced.
public struct StudentLink: Hashable, Sendable, Codable {
  public var first: String
  public var second: String

  public init(first: String, second: String) {
    self.first = first
    self.second = second
  }
}

/// A placement fixed in advance.
///
/// ```swift
/// Pin(student: "S7", worksite: "W3")                                   // single seat
/// Pin(student: "S7", worksite: "MOCK-1", slot: "2027-03-16T09:00")     // a menu's slot
/// ```
public struct Pin: Hashable, Sendable, Codable {
  public var student: String
  public var worksite: String
  /// With a menu of activities, the slot label the pin takes at a worksite with slots
  /// (required there, empty elsewhere); `nil` without slots.
  public var slot: String?

  public init(student: String, worksite: String, slot: String? = nil) {
    self.student = student
    self.worksite = worksite
    self.slot = slot
  }
}
