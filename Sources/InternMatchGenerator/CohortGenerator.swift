import InternMatchModel

/// Generates seeded, NYC-calibrated synthetic cohorts: students of the city's CTE high schools,
/// work-based-learning worksites, the students' preference lists and some worksites' rankings.
///
/// Schools, homes and sectors come from public NYC data (`Datasets/reference`, embedded in the
/// module); the rest follows `Calibration`. The same configuration always gives the same
/// cohort, on every run and platform: all randomness comes from `SplitMix64` streams seeded
/// from ``Configuration/seed``, and no output depends on hashing order.
///
/// ```swift
/// let cohort = CohortGenerator(.init(studentCount: 2_000, seed: 7)).generate()
/// cohort.students.count   // 2000
/// cohort.worksites.count  // 100, with about 2,100 seats in all
/// ```
///
/// - Complexity: O(S·k² + W + R log R) for S students listing up to k worksites each, W
///   worksites and R ranking entries.
public struct CohortGenerator: Sendable {
  /// What to generate.
  public struct Configuration: Sendable, Hashable {
    /// Number of students (0 gives an empty cohort).
    public var studentCount: Int
    /// The seed of every random draw.
    public var seed: UInt64
    /// Total seats across all worksites per student (default 1.05).
    public var seatsPerStudent: Double
    /// The most worksites a student lists (default 10).
    public var choicesPerStudent: Int
    /// Share (0–1) of worksites given a minimum group size of 2 or 3.
    public var minimumGroupShare: Double
    /// Number of linked student pairs (same school and cluster).
    public var linkedPairs: Int
    /// Whether to add the menu of work-based learning (tours, mock interviews, career days,
    /// teacher externships, teachers and `activities.csv`; see `MenuSampler`). Without it the
    /// cohort is exactly what it was before the option existed.
    public var activities: Bool

    /// Creates a configuration.
    public init(
      studentCount: Int, seed: UInt64, seatsPerStudent: Double = 1.05, choicesPerStudent: Int = 10,
      minimumGroupShare: Double = 0, linkedPairs: Int = 0, activities: Bool = false
    ) {
      self.studentCount = studentCount
      self.seed = seed
      self.seatsPerStudent = seatsPerStudent
      self.choicesPerStudent = choicesPerStudent
      self.minimumGroupShare = minimumGroupShare
      self.linkedPairs = linkedPairs
      self.activities = activities
    }
  }

  /// What this generator generates.
  public let configuration: Configuration

  /// Creates a generator. The student count and choices must not be negative, and seats per
  /// student must be finite and not negative.
  public init(_ configuration: Configuration) {
    precondition(configuration.studentCount >= 0, "CohortGenerator: negative student count")
    precondition(configuration.choicesPerStudent >= 0, "CohortGenerator: negative choices")
    precondition(
      configuration.seatsPerStudent >= 0 && configuration.seatsPerStudent.isFinite,
      "CohortGenerator: seats per student must be finite and not negative")
    self.configuration = configuration
  }

  /// Number of worksites for `studentCount` students: about one per 21 seats (one per 20
  /// students at 1.05 seats each), at least one when there are students, at most one per
  /// student.
  var worksiteCount: Int {
    let n = configuration.studentCount
    guard n > 0 else { return 0 }
    let seats = Double(n) * configuration.seatsPerStudent
    return min(n, max(1, Int((seats / Calibration.meanCapacity).rounded())))
  }

  /// Total seats: `studentCount × seatsPerStudent`, rounded.
  var seatCount: Int {
    Int((Double(configuration.studentCount) * configuration.seatsPerStudent).rounded())
  }

  /// Generates the cohort.
  ///
  /// Worksites are drawn first, then students with their lists, then rankings, each from its
  /// own random stream split off the seed.
  ///
  /// - Complexity: O(S·k² + W + R log R) for S students listing up to k worksites each, W
  ///   worksites and R ranking entries.
  public func generate() -> GeneratedCohort {
    guard configuration.studentCount > 0 else {
      return GeneratedCohort(students: [], worksites: [], rankings: [], rules: .init())
    }
    let tables = ReferenceTables.nyc
    var seeds = SplitMix64(seed: configuration.seed)
    var worksiteRNG = SplitMix64(seed: seeds.next())
    var studentRNG = SplitMix64(seed: seeds.next())
    var choiceRNG = SplitMix64(seed: seeds.next())
    var rankingRNG = SplitMix64(seed: seeds.next())

    let pool = WorksitePool.generate(
      count: worksiteCount, seats: seatCount, tables: tables, using: &worksiteRNG)
    let roster = StudentRoster.generate(
      count: configuration.studentCount, choices: configuration.choicesPerStudent,
      pool: pool, tables: tables, attributes: &studentRNG, choices: &choiceRNG)
    let rankings = roster.rankings(of: pool, using: &rankingRNG)
    // Side constraints draw from their own stream, so cohorts without them are unchanged.
    var ruleRNG = SplitMix64(seed: seeds.next())
    var worksites = pool.worksites
    SideRuleSampler.minimumGroups(
      share: configuration.minimumGroupShare, of: &worksites, using: &ruleRNG)
    let links = SideRuleSampler.links(
      configuration.linkedPairs, among: roster.students, using: &ruleRNG)
    var students = roster.students
    var rules = PlacementRules(links: links)
    if configuration.activities {
      // The menu draws from a stream of its own, split off after all the others.
      var menuRNG = SplitMix64(seed: seeds.next())
      MenuSampler.add(to: &students, worksites: &worksites, tables: tables, using: &menuRNG)
      rules.activities = Calibration.menu
    }
    return GeneratedCohort(
      students: students, worksites: worksites, rankings: rankings, rules: rules)
  }
}
