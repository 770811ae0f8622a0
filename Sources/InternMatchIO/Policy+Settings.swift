import InternMatchModel

/// A policy as `policy.json` spells it: every key, with its default filled in where the file
/// left it out — what a run manifest records as the *effective* policy.
///
/// ```swift
/// let json = try JSONEncoder().encode(PolicySettings(Policy()))
/// // {"rank_cost":"linear","reserve_order":"reserved-first","mip_gap":0, …}
/// ```
///
/// The keys are those `PolicyReader` reads, so the record reads back as the same policy.
public struct PolicySettings: Hashable, Sendable, Encodable {
  /// The policy recorded.
  public var policy: Policy

  /// Records `policy`.
  public init(_ policy: Policy) { self.policy = policy }

  enum CodingKeys: String, CodingKey {
    case strategy, seed
    case rankCost = "rank_cost"
    case maxDistance = "max_distance_km"
    case schoolFloor = "school_floor"
    case reserveOrder = "reserve_order"
    case reservesRevert = "reserves_revert"
    case placeUnranked = "place_unranked"
    case priorityGroups = "priority_groups"
    case tieBreaking = "tie_breaking"
    case mipTimeLimit = "mip_time_limit_seconds"
    case mipGap = "mip_gap"
    case placementStart = "placement_start"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    // Absent settings are written as null: "no limit", "no floor", "not named".
    try c.encode(policy.strategy, forKey: .strategy)
    try c.encode(policy.seed, forKey: .seed)
    try c.encode(policy.rankCost, forKey: .rankCost)
    try c.encode(policy.maximumDistanceKilometres, forKey: .maxDistance)
    try c.encode(policy.schoolFloor, forKey: .schoolFloor)
    try c.encode(policy.reservedSeatsFirst ? "reserved-first" : "open-first", forKey: .reserveOrder)
    try c.encode(policy.reservesRevert, forKey: .reservesRevert)
    try c.encode(policy.placeUnranked, forKey: .placeUnranked)
    try c.encode(policy.priorityGroups, forKey: .priorityGroups)
    try c.encode(policy.tieBreaking, forKey: .tieBreaking)
    try c.encode(policy.mipTimeLimitSeconds, forKey: .mipTimeLimit)
    try c.encode(policy.mipGap, forKey: .mipGap)
    try c.encode(policy.placementStart, forKey: .placementStart)
  }
}
