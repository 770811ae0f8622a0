/// Why a student may not take a worksite they listed: a set of reason codes.
///
/// ```swift
/// let why = Ineligibility.check(student: ana, worksite: clinic, policy: Policy())
/// why.codes  // ["age-below-minimum", "missing-credential"]
/// ```
///
/// Its JSON is the array of ``codes``: `["age-below-minimum","missing-credential"]`.
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

  /// The reasons `codes` name; `nil` when one of them is not a reason code.
  ///
  /// ```swift
  /// Ineligibility(codes: ["too-far"]) == .tooFar  // true
  /// ```
  public init?(codes: [String]) {
    self = []
    for code in codes {
      guard let reason = Self.named.first(where: { $0.1 == code })?.0 else { return nil }
      insert(reason)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let codes = try container.decode([String].self)
    guard let reasons = Ineligibility(codes: codes) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "unknown reason code in \(codes)")
    }
    self = reasons
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(codes)
  }

  /// Every reason `student` may not take `worksite` under `policy`; empty when eligible.
  ///
  /// Eligibility is data: age ≥ minimum age, grade ≥ minimum grade, every required credential
  /// held, a shared schedule block when both list blocks, and distance within the policy limit
  /// when both have coordinates.
  ///
  /// - Complexity: O(r + b) for r required credentials and b schedule blocks.
  public static func check(student: Student, worksite: Worksite, policy: Policy) -> Ineligibility {
    check(
      Applicant(student), Requirements(worksite), limit: policy.maximumDistanceKilometres,
      lacksCredential: !worksite.requiredCredentials.isSubset(of: student.credentials),
      sharesNoBlock: !student.availability.isEmpty && !worksite.schedule.isEmpty
        && student.availability.isDisjoint(with: worksite.schedule))
  }

  /// What the rules read of a student, besides its sets.
  struct Applicant {
    var age: Int?
    var grade: Int?
    var location: Coordinate?

    init(_ s: Student) { (age, grade, location) = (s.age, s.grade, s.location) }
  }

  /// What the rules read of a worksite, besides its sets.
  struct Requirements {
    var minimumAge: Int
    var minimumGrade: Int
    var location: Coordinate?

    init(_ w: Worksite) {
      (minimumAge, minimumGrade, location) = (w.minimumAge, w.minimumGrade, w.location)
    }
  }

  /// The reasons, given the outcome of the two set tests: whether the student lacks a required
  /// credential, and whether both list schedule blocks and share none (as ``EligibilityTable``
  /// finds them on bit masks); `limit` is the policy's distance limit.
  ///
  /// - Complexity: O(1).
  static func check(
    _ student: Applicant, _ worksite: Requirements, limit: Double?, lacksCredential: Bool,
    sharesNoBlock: Bool
  ) -> Ineligibility {
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
    if lacksCredential { why.insert(.missingCredential) }
    if sharesNoBlock { why.insert(.noSharedSchedule) }
    if let limit, let from = student.location, let to = worksite.location,
      from.distanceKilometres(to: to) > limit
    {
      why.insert(.tooFar)
    }
    return why
  }
}

/// ``Ineligibility/check(student:worksite:policy:)`` for many pairs: the credentials and schedule
/// blocks that worksites name become bits, so that each pair costs a few integer operations
/// instead of set lookups.
///
/// Only tokens some worksite requires or schedules matter: a student's other credentials or
/// blocks can never decide a test. With more than 64 of either kind, every pair is checked on
/// the sets.
///
/// - Complexity: O(S·c + W·r) hash lookups to build, for S students with c tokens and W
///   worksites with r tokens; O(1) per pair after.
struct EligibilityTable {
  /// Required credentials and schedule blocks of each worksite, as bits.
  private var required: [UInt64] = []
  private var schedule: [UInt64] = []
  /// Credentials and free blocks of each student, as bits of the worksites' tokens.
  private var held: [UInt64] = []
  private var free: [UInt64] = []
  /// Whether each student lists any free block (perhaps none that a worksite names).
  private var listsBlocks: [Bool] = []
  /// The rest of what the rules read of each student and worksite.
  private var applicants: [Ineligibility.Applicant] = []
  private var requirements: [Ineligibility.Requirements] = []
  /// Whether the masks stand for the sets (at most 64 tokens of each kind).
  private let usesMasks: Bool
  private let policy: Policy

  /// Prepares the checks of `students` against `worksites` under `policy`. `setNumbers`, when
  /// not empty,
  /// numbers each student's credentials and free blocks (equal numbers, equal sets; -1, none),
  /// so that each distinct set is turned into bits once.
  init(
    students: [Student], worksites: [Worksite], policy: Policy,
    setNumbers: [(credentials: Int32, availability: Int32)]
  ) {
    self.policy = policy
    var credentialBit: [String: Int] = [:]
    var blockBit: [String: Int] = [:]
    func mask(_ tokens: Set<String>, _ bits: inout [String: Int], adding: Bool) -> UInt64 {
      var mask: UInt64 = 0
      for t in tokens {
        if adding, bits[t] == nil { bits[t] = bits.count }
        if let b = bits[t], b < 64 { mask |= 1 << UInt64(b) }
      }
      return mask
    }
    required = worksites.indices.map {
      mask(worksites[$0].requiredCredentials, &credentialBit, adding: true)
    }
    schedule = worksites.indices.map { mask(worksites[$0].schedule, &blockBit, adding: true) }
    usesMasks = credentialBit.count <= 64 && blockBit.count <= 64
    guard usesMasks else { return }
    let numbered = setNumbers.count == students.count
    let distinct = Int(setNumbers.lazy.map { max($0.credentials, $0.availability) }.max() ?? -1) + 1
    var heldOf = [UInt64?](repeating: nil, count: distinct)
    var freeOf = [UInt64?](repeating: nil, count: distinct)
    /// The mask of `set`, from `cache` when its number was seen.
    func mask(
      _ set: Set<String>, number: Int32?, _ bits: inout [String: Int],
      _ cache: inout [UInt64?]
    ) -> UInt64 {
      guard let number, number >= 0 else { return mask(set, &bits, adding: false) }
      if let known = cache[Int(number)] { return known }
      let computed = mask(set, &bits, adding: false)
      cache[Int(number)] = computed
      return computed
    }
    held.reserveCapacity(students.count)
    free.reserveCapacity(students.count)
    for i in students.indices {
      let numbers = numbered ? setNumbers[i] : nil
      held.append(
        mask(students[i].credentials, number: numbers?.credentials, &credentialBit, &heldOf))
      free.append(
        mask(students[i].availability, number: numbers?.availability, &blockBit, &freeOf))
    }
    listsBlocks = students.indices.map { !students[$0].availability.isEmpty }
    applicants = students.indices.map { Ineligibility.Applicant(students[$0]) }
    requirements = worksites.indices.map { Ineligibility.Requirements(worksites[$0]) }
  }

  /// Why student `i` may not take worksite `j`; empty when eligible.
  func check(
    student i: Int, of students: UnsafeBufferPointer<Student>, worksite j: Int,
    of worksites: UnsafeBufferPointer<Worksite>
  ) -> Ineligibility {
    guard usesMasks else {
      return Ineligibility.check(student: students[i], worksite: worksites[j], policy: policy)
    }
    return Ineligibility.check(
      applicants[i], requirements[j], limit: policy.maximumDistanceKilometres,
      lacksCredential: required[j] & ~held[i] != 0,
      sharesNoBlock: listsBlocks[i] && schedule[j] != 0 && free[i] & schedule[j] == 0)
  }
}
