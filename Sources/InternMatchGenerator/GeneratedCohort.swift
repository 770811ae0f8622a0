import InternMatchModel

/// A synthetic cohort: students, worksites and worksites' rankings, ready for a
/// `PlacementInstance` or a dataset writer.
///
/// ```swift
/// let cohort = CohortGenerator(.init(studentCount: 100, seed: 1)).generate()
/// let instance = try PlacementInstance(
///   students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
/// ```
public struct GeneratedCohort: Sendable {
  /// Students `S000001`, `S000002`, … in order.
  public var students: [Student]
  /// Worksites `W000001`, `W000002`, … in order.
  public var worksites: [Worksite]
  /// Rankings of the worksites that rank their applicants, by worksite and then rank.
  public var rankings: [WorksiteRanking]
  /// Links between students, when asked for.
  public var rules: PlacementRules

  /// Creates a cohort.
  public init(
    students: [Student], worksites: [Worksite], rankings: [WorksiteRanking],
    rules: PlacementRules = .init()
  ) {
    self.students = students
    self.worksites = worksites
    self.rankings = rankings
    self.rules = rules
  }
}
