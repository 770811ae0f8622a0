/// JSON of the index-based results: plain values, no wrapper keys.
///
/// A ``Placement`` is the array of worksite indices, `null` for an unplaced student, and a
/// ``StudentOutcome`` an object of `worksite` and `rank`, or of `unplaced_reason`:
///
/// ```swift
/// try JSONEncoder().encode(Placement([0, nil]))                 // [0,null]
/// try JSONEncoder().encode(StudentOutcome.unplaced(.choicesFull))
/// // {"unplaced_reason":"choices-full"}
/// ```
///
/// Both hold indices into an instance; ``PlacementRecord`` (from
/// ``PlacementInstance/records(of:)-(Placement)``) is the same outcome keyed by ids.
extension Placement: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let worksites = try container.decode([Int?].self)
    if let bad = worksites.first(where: { ($0 ?? 0) < 0 || ($0 ?? 0) > Int(Int32.max) }) {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "worksite index \(bad ?? 0) is out of range")
    }
    self.init(worksites)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(assignment.map { $0 < 0 ? nil : Int($0) })
  }
}

extension StudentOutcome: Codable {
  enum CodingKeys: String, CodingKey {
    case worksite, rank
    case unplacedReason = "unplaced_reason"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let reason = try container.decodeIfPresent(UnplacedReason.self, forKey: .unplacedReason) {
      self = .unplaced(reason)
    } else {
      self = .placed(
        worksite: try container.decode(Int.self, forKey: .worksite),
        rank: try container.decode(Int.self, forKey: .rank))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .placed(let worksite, let rank):
      try container.encode(worksite, forKey: .worksite)
      try container.encode(rank, forKey: .rank)
    case .unplaced(let reason):
      try container.encode(reason, forKey: .unplacedReason)
    }
  }
}
