/// The kind of work-based-learning experience a worksite offers: an activity of the menu
/// (``ActivityMenu``). `teacher-externship` is offered to teachers, the others to students.
///
/// ```swift
/// WorksiteKind(rawValue: "mock-interview")  // .mockInterview
/// ActivityMenu.defaultOrder.first           // .internship
/// ```
public enum WorksiteKind: String, Hashable, Sendable, Codable, CaseIterable {
  case internship
  case jobShadow = "job-shadow"
  case mockInterview = "mock-interview"
  case workplaceTour = "workplace-tour"
  case apprenticeship
  case careerDay = "career-day"
  /// Days to weeks at a company for a CTE teacher.
  case teacherExternship = "teacher-externship"
}

/// Seats offered by an industry partner at one site, with the rules a student must meet.
///
/// ```swift
/// let clinic = Worksite(id: "W1", employer: "Mount Sinai", cluster: "healthcare",
///                       capacity: 4, minimumAge: 16, requiredCredentials: ["cpr"])
/// clinic.kind  // .internship
/// ```
public struct Worksite: Hashable, Sendable, Codable, Identifiable {
  /// Unique worksite identifier.
  public var id: String
  /// The employer offering the seats, if given.
  public var employer: String?
  /// The worksite's career cluster key.
  public var cluster: String
  /// Number of seats (≥ 0).
  public var capacity: Int
  /// Borough or region, if known.
  public var borough: String?
  /// Location, if known.
  public var location: Coordinate?
  /// Minimum age in years; 0 means no limit.
  public var minimumAge: Int
  /// Minimum grade; 0 means no limit.
  public var minimumGrade: Int
  /// Credentials a student must hold, every one of them.
  public var requiredCredentials: Set<String>
  /// Schedule blocks when the seats run. Empty means "any".
  public var schedule: Set<String>
  /// The kind of experience.
  public var kind: WorksiteKind
  /// At most this many students from any one school; `nil` means no limit.
  public var maxPerSchool: Int?
  /// Either no student or at least this many (a worksite runs a cohort or nothing); `nil` or
  /// 1 means no minimum. Breaks the network structure: solved as a MIP.
  public var minimumGroupSize: Int?
  /// Seats set aside for priority groups.
  public var reserves: [SeatReserve]
  /// Time-slot labels (`2027-03-16T09:00`, `tour-day-am`): with slots the row offers
  /// `capacity` seats in each slot, and a placement takes one seat in one slot. Empty: no slots.
  public var slots: [String]

  /// Creates a worksite.
  public init(
    id: String, employer: String? = nil, cluster: String, capacity: Int, borough: String? = nil,
    location: Coordinate? = nil, minimumAge: Int = 0, minimumGrade: Int = 0,
    requiredCredentials: Set<String> = [], schedule: Set<String> = [],
    kind: WorksiteKind = .internship, maxPerSchool: Int? = nil, minimumGroupSize: Int? = nil,
    reserves: [SeatReserve] = [], slots: [String] = []
  ) {
    self.id = id
    self.employer = employer
    self.cluster = cluster
    self.capacity = capacity
    self.borough = borough
    self.location = location
    self.minimumAge = minimumAge
    self.minimumGrade = minimumGrade
    self.requiredCredentials = requiredCredentials
    self.schedule = schedule
    self.kind = kind
    self.maxPerSchool = maxPerSchool
    self.minimumGroupSize = minimumGroupSize
    self.reserves = reserves
    self.slots = slots
  }
}
