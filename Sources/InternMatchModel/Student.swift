/// A high-school CTE student who can be placed into one work-based-learning seat.
///
/// ```swift
/// let ana = Student(id: "S1", school: "02M600", cluster: "it", grade: 11, age: 16,
///                   preferences: ["W7", "W2"])
/// ana.preferences.first  // "W7", her rank-1 choice
/// ```
public struct Student: Hashable, Sendable, Codable, Identifiable {
  /// Unique student identifier.
  public var id: String
  /// The school (for NYC, its DBN).
  public var school: String
  /// The student's career cluster key.
  public var cluster: String
  /// Grade level (9–12), if known.
  public var grade: Int?
  /// Age in whole years, if known.
  public var age: Int?
  /// Borough or region, if known.
  public var borough: String?
  /// Home or school location, if known.
  public var location: Coordinate?
  /// Credentials held, such as `osha-10` or `food-handler`.
  public var credentials: Set<String>
  /// Priority groups, such as `ell` or `iep`.
  public var groups: Set<String>
  /// Schedule blocks when the student is free, such as `mon-pm`. Empty means "any".
  public var availability: Set<String>
  /// Worksite ids, most preferred first. Position `i` (0-based) is rank `i + 1` (with
  /// `activities.csv`: the position among the entries of the worksite's kind, see
  /// ``ActivityMenu``). A ``WorksiteList``: it reads as an array of ids, and a dataset's
  /// lists share their storage.
  public var preferences: WorksiteList
  /// Whether the person is a student (the default) or a teacher (teacher externships).
  public var role: ParticipantRole = .student

  /// Creates a student whose list is an array of ids.
  @inlinable public init(
    id: String, school: String, cluster: String, grade: Int? = nil, age: Int? = nil,
    borough: String? = nil, location: Coordinate? = nil, credentials: Set<String> = [],
    groups: Set<String> = [], availability: Set<String> = [], preferences: [String] = []
  ) {
    self.init(
      id: id, school: school, cluster: cluster, grade: grade, age: age, borough: borough,
      location: location, credentials: credentials, groups: groups, availability: availability,
      preferences: WorksiteList(preferences))
  }

  /// Creates a student whose list is a ``WorksiteList`` (such as another student's).
  @inlinable public init(
    id: String, school: String, cluster: String, grade: Int? = nil, age: Int? = nil,
    borough: String? = nil, location: Coordinate? = nil, credentials: Set<String> = [],
    groups: Set<String> = [], availability: Set<String> = [], preferences: WorksiteList
  ) {
    self.id = id
    self.school = school
    self.cluster = cluster
    self.grade = grade
    self.age = age
    self.borough = borough
    self.location = location
    self.credentials = credentials
    self.groups = groups
    self.availability = availability
    self.preferences = preferences
  }
}
