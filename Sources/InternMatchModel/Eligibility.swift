/// Why a student may not take a worksite they listed: a set of reason codes.
///
/// ```swift
/// let why = Ineligibility.check(student: ana, worksite: clinic, policy: Policy())
/// why.codes  // ["age-below-minimum", "missing-credential"]
/// ```
public struct Ineligibility: OptionSet, Hashable, Sendable, Codable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The student is younger than the worksite's minimum age.
  public static let ageBelowMinimum = Ineligibility(rawValue: 1 << 0)
  /// The worksite has a minimum age and the student's age is not given.
  public static let ageUnknown = Ineligibility(rawValue: 1 << 1)
  /// The student's grade is below the worksite's minimum grade.
  public static let gradeBelowMinimum = Ineligibility(rawValue: 1 << 2)
  /// The worksite has a minimum grade and the student's grade is not given.
  public static let gradeUnknown = Ineligibility(rawValue: 1 << 3)
  /// The student lacks a credential the worksite requires.
  public static let missingCredential = Ineligibility(rawValue: 1 << 4)
  /// Both list schedule blocks and they share none.
  public static let noSharedSchedule = Ineligibility(rawValue: 1 << 5)
  /// Both have coordinates and are farther apart than the policy allows.
  public static let tooFar = Ineligibility(rawValue: 1 << 6)

  private static let named: [(Ineligibility, String)] = [
    (.ageBelowMinimum, "age-below-minimum"), (.ageUnknown, "age-unknown"),
    (.gradeBelowMinimum, "grade-below-minimum"), (.gradeUnknown, "grade-unknown"),
    (.missingCredential, "missing-credential"), (.noSharedSchedule, "no-shared-schedule"),
    (.tooFar, "too-far"),
  ]

  /// The stable reason codes that reports show, in a fixed order.
  public var codes: [String] { Self.named.filter { contains($0.0) }.map(\.1) }

  /// Every reason `student` may not take `worksite` under `policy`; empty when eligible.
  ///
  /// Eligibility is data: age ≥ minimum age, grade ≥ minimum grade, every required credential
  /// held, a shared schedule block when both list blocks, and distance within the policy limit
  /// when both have coordinates.
  ///
  /// - Complexity: O(r + b) for r required credentials and b schedule blocks.
  public static func check(student: Student, worksite: Worksite, policy: Policy) -> Ineligibility {
    var why: Ineligibility = []
    if worksite.minimumAge > 0 {
      if let age = student.age {
        if age < worksite.minimumAge { why.insert(.ageBelowMinimum) }
      } else {
        why.insert(.ageUnknown)
      }
    }
    if worksite.minimumGrade > 0 {
      if let grade = student.grade {
        if grade < worksite.minimumGrade { why.insert(.gradeBelowMinimum) }
      } else {
        why.insert(.gradeUnknown)
      }
    }
    if !worksite.requiredCredentials.isSubset(of: student.credentials) {
      why.insert(.missingCredential)
    }
    if !student.availability.isEmpty, !worksite.schedule.isEmpty,
      student.availability.isDisjoint(with: worksite.schedule)
    {
      why.insert(.noSharedSchedule)
    }
    if let limit = policy.maximumDistanceKilometres, let from = student.location,
      let to = worksite.location, from.distanceKilometres(to: to) > limit
    {
      why.insert(.tooFar)
    }
    return why
  }
}
