/// A worksite's own position for one applicant (1 = best), from `rankings.csv`.
///
/// ```swift
/// let r = WorksiteRanking(worksite: "W1", student: "S4", rank: 1)
/// ```
public struct WorksiteRanking: Hashable, Sendable, Codable {
  /// The ranking worksite's id.
  public var worksite: String
  /// The ranked student's id.
  public var student: String
  /// The position, 1 = most preferred; ties are allowed.
  public var rank: Int

  /// Creates a ranking entry.
  @inlinable public init(worksite: String, student: String, rank: Int) {
    self.worksite = worksite
    self.student = student
    self.rank = rank
  }
}
