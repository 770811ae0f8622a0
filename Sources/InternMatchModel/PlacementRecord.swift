/// One student's outcome by ids — a row of `placements.csv` as a value — for JSON and for
/// programs that keep ids rather than the instance's indices.
///
/// ```swift
/// let records = instance.records(of: result.placement)
/// records[0]  // PlacementRecord(student: "ana", worksite: "mount-sinai", rank: 1)
/// try JSONEncoder().encode(records)
/// // [{"rank":1,"student":"ana","worksite":"mount-sinai"},
/// //  {"student":"ben","unplaced_reason":"no-eligible-choice"}]   (sorted keys)
/// ```
///
/// The JSON of a record has `student` always; `worksite` and `rank` when placed (rank 0 for a
/// seat off the student's own list, with `off_list` saying how it came: `pinned` or
/// `unranked`); `unplaced_reason` (an ``UnplacedReason`` code) when unplaced. Absent members are
/// left out, as in ``PlacementExplanation``. ``PlacementInstance/placement(from:)`` turns
/// records back into a ``Placement`` of the instance.
public struct PlacementRecord: Hashable, Sendable, Codable {
  /// The student's id.
  public var student: String
  /// The id of the worksite they take, or `nil` when unplaced.
  public var worksite: String?
  /// Their rank for it (0 for a seat off their list), or `nil` when unplaced.
  public var rank: Int?
  /// How a seat off the student's list came to them, or `nil` for a seat on it (and unplaced).
  public var offList: OffListSeat?
  /// Why they have no seat, or `nil` when placed.
  public var unplacedReason: UnplacedReason?

  /// A placed student's record.
  public init(student: String, worksite: String, rank: Int, offList: OffListSeat? = nil) {
    self.student = student
    self.worksite = worksite
    self.rank = rank
    self.offList = offList
  }

  /// An unplaced student's record.
  public init(student: String, unplacedReason: UnplacedReason) {
    self.student = student
    self.unplacedReason = unplacedReason
  }

  enum CodingKeys: String, CodingKey {
    case student, worksite, rank
    case offList = "off_list"
    case unplacedReason = "unplaced_reason"
  }
}

/// How a student came to a seat at a worksite they did not list (rank 0): the reason column of
/// `placements.csv` for such a seat.
public enum OffListSeat: String, Hashable, Sendable, Codable, CaseIterable {
  /// Their pin (`pins.csv`) holds them there.
  case pinned
  /// The policy's `place_unranked` gave it to them.
  case unranked
}

/// Records that name students or worksites an instance does not have, or a student twice:
/// every such id, so one pass finds them all.
public struct PlacementRecordError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Student ids not in the instance, in record order.
  public var unknownStudents: [String] = []
  /// Worksite ids not in the instance, in record order.
  public var unknownWorksites: [String] = []
  /// Student ids with more than one record.
  public var duplicateStudents: [String] = []

  /// Creates an error naming these ids.
  public init(
    unknownStudents: [String] = [], unknownWorksites: [String] = [],
    duplicateStudents: [String] = []
  ) {
    self.unknownStudents = unknownStudents
    self.unknownWorksites = unknownWorksites
    self.duplicateStudents = duplicateStudents
  }

  public var description: String {
    var parts: [String] = []
    if !unknownStudents.isEmpty {
      parts.append("unknown students: " + unknownStudents.joined(separator: ", "))
    }
    if !unknownWorksites.isEmpty {
      parts.append("unknown worksites: " + unknownWorksites.joined(separator: ", "))
    }
    if !duplicateStudents.isEmpty {
      parts.append("students listed twice: " + duplicateStudents.joined(separator: ", "))
    }
    return parts.joined(separator: "; ")
  }
}

extension PlacementInstance {
  /// How `student` came to a seat at `worksite` that is off their own list: their pin, else
  /// `place_unranked`.
  ///
  /// - Complexity: O(1).
  public func offListSeat(student: Int, worksite: Int) -> OffListSeat {
    pinnedWorksite[student] == worksite ? .pinned : .unranked
  }

  /// Every student's record under `placement`, in input order.
  ///
  /// - Complexity: that of ``outcomes(of:)``.
  public func records(of placement: Placement) -> [PlacementRecord] {
    records(of: outcomes(of: placement))
  }

  /// The records of `outcomes`, one per student of the instance, in input order.
  ///
  /// - Precondition: `outcomes` has one outcome per student.
  /// - Complexity: O(S).
  public func records(of outcomes: [StudentOutcome]) -> [PlacementRecord] {
    precondition(outcomes.count == students.count, "one outcome per student")
    return outcomes.enumerated().map { s, outcome in
      switch outcome {
      case .placed(let w, let rank):
        PlacementRecord(
          student: students[s].id, worksite: worksites[w].id, rank: rank,
          offList: rank == 0 ? offListSeat(student: s, worksite: w) : nil)
      case .unplaced(let reason):
        PlacementRecord(student: students[s].id, unplacedReason: reason)
      }
    }
  }

  /// The placement `records` describe, over this instance's students and worksites; students
  /// without a record are unplaced. Ranks and reasons are not trusted: they are the instance's
  /// to recompute (``outcomes(of:)``).
  ///
  /// ```swift
  /// try instance.placement(from: instance.records(of: p)) == p  // true
  /// ```
  ///
  /// - Throws: ``PlacementRecordError`` naming every unknown or repeated id.
  /// - Complexity: O(R) for R records.
  public func placement(from records: [PlacementRecord]) throws(PlacementRecordError)
    -> Placement
  {
    var placement = Placement(studentCount: students.count)
    var seen = [Bool](repeating: false, count: students.count)
    var error = PlacementRecordError()
    for record in records {
      guard let s = studentIndex[record.student] else {
        error.unknownStudents.append(record.student)
        continue
      }
      if seen[s] {
        error.duplicateStudents.append(record.student)
        continue
      }
      seen[s] = true
      guard let id = record.worksite else { continue }
      guard let w = worksiteIndex[id] else {
        error.unknownWorksites.append(id)
        continue
      }
      placement.assign(student: s, to: w)
    }
    guard error.unknownStudents.isEmpty, error.unknownWorksites.isEmpty,
      error.duplicateStudents.isEmpty
    else { throw error }
    return placement
  }
}
