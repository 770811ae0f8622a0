/// Every student's eligible choices, flattened into contiguous arrays (compressed sparse rows).
///
/// Choices of student `s` are the entries `offsets[s] ..< offsets[s + 1]`, in the student's own
/// order (best first). Each entry holds the worksite index and the student's rank for it: its
/// 1-based position in the student's list, never renumbered, so ranks may have gaps where an
/// ineligible or unknown entry was.
///
/// ```swift
/// for c in table.range(of: 0) { print(table.worksite[c], table.rank[c]) }
/// ```
public struct ChoiceTable: Hashable, Sendable {
  /// Start of each student's entries; `studentCount + 1` values.
  public let offsets: [Int]
  /// Worksite index of each entry.
  public let worksite: [Int32]
  /// The student's rank (1-based list position) of each entry.
  public let rank: [Int32]

  /// Creates a table; `offsets` must start at 0 and be non-decreasing, ending at the count.
  public init(offsets: [Int], worksite: [Int32], rank: [Int32]) {
    precondition(
      offsets.first == 0 && offsets.last == worksite.count && rank.count == worksite.count,
      "ChoiceTable: offsets must span the entries")
    self.offsets = offsets
    self.worksite = worksite
    self.rank = rank
  }

  /// Number of students.
  public var studentCount: Int { offsets.count - 1 }
  /// Number of (student, worksite) entries.
  public var count: Int { worksite.count }

  /// The entry indices of student `s`.
  @inlinable
  public func range(of student: Int) -> Range<Int> { offsets[student]..<offsets[student + 1] }

  /// The rank `student` gave `worksite`, or `nil` when it is not among the student's eligible
  /// choices.
  ///
  /// - Complexity: O(k) for k choices of the student.
  public func rank(of student: Int, for worksite: Int) -> Int? {
    for c in range(of: student) where Int(self.worksite[c]) == worksite { return Int(rank[c]) }
    return nil
  }
}

/// A listed (student, worksite) pair that eligibility rules out, with why.
public struct IneligibleChoice: Hashable, Sendable, Codable {
  /// Student index.
  public var student: Int
  /// Worksite index.
  public var worksite: Int
  /// The student's rank for the worksite.
  public var rank: Int
  /// The reasons.
  public var reasons: Ineligibility

  /// Creates a pair.
  public init(student: Int, worksite: Int, rank: Int, reasons: Ineligibility) {
    self.student = student
    self.worksite = worksite
    self.rank = rank
    self.reasons = reasons
  }
}
