import Foundation
import InternMatchModel

/// Reads `policy.json`: the run settings that travel with a dataset.
///
/// ```json
/// { "strategy": "optimal", "seed": 2026, "rank_cost": "squared", "max_distance_km": 20 }
/// ```
///
/// Unknown keys are warnings; a value of the wrong type or out of range is an error.
enum PolicyReader {
  static let file = "policy.json"
  static let keys = [
    "strategy", "seed", "rank_cost", "max_distance_km", "school_floor", "reserve_order",
    "reserves_revert", "place_unranked", "priority_groups", "tie_breaking",
    "mip_time_limit_seconds", "mip_gap",
  ]

  static func read(_ data: Data, issues: inout [DatasetIssue]) -> Policy {
    var policy = Policy()
    func error(_ message: String) {
      issues.append(DatasetIssue(.error, file: file, line: nil, column: nil, message))
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      issues.append(
        DatasetIssue(
          .error, file: file, line: nil, column: nil,
          "not valid JSON: \((error as NSError).localizedDescription)"))
      return policy
    }
    guard let settings = object as? [String: Any] else {
      error("the top level must be a JSON object")
      return policy
    }
    for key in settings.keys.sorted() where !keys.contains(key) {
      issues.append(
        DatasetIssue(
          .warning, file: file, line: nil, column: nil,
          "unknown setting '\(key)' ignored (known: \(keys.joined(separator: ", ")))"))
    }
    if let value = settings["strategy"] {
      if let name = value as? String {
        policy.strategy = name
      } else {
        error("strategy must be a string")
      }
    }
    if let value = settings["seed"] {
      if let number = value as? NSNumber, !Self.isBoolean(number),
        let seed = UInt64(exactly: number.doubleValue)
      {
        policy.seed = seed
      } else {
        error("seed must be a non-negative integer")
      }
    }
    if let value = settings["rank_cost"] {
      if let name = value as? String, let cost = RankCost(rawValue: name) {
        policy.rankCost = cost
      } else {
        error(
          "rank_cost must be one of \(RankCost.allCases.map(\.rawValue).joined(separator: ", "))")
      }
    }
    // Numeric settings: the key, what it must be, and where it goes.
    let positive = (test: { (x: Double) in x > 0 && x.isFinite }, text: "a positive number")
    let share = (test: { (x: Double) in (0...1).contains(x) }, text: "a number between 0 and 1")
    for (key, rule, apply) in [
      ("max_distance_km", positive, { (x: Double) in policy.maximumDistanceKilometres = x }),
      ("mip_time_limit_seconds", positive, { (x: Double) in policy.mipTimeLimitSeconds = x }),
      ("school_floor", share, { (x: Double) in policy.schoolFloor = x }),
      ("mip_gap", share, { (x: Double) in policy.mipGap = x }),
    ] {
      guard let value = settings[key] else { continue }
      if let number = value as? NSNumber, !Self.isBoolean(number), rule.test(number.doubleValue) {
        apply(number.doubleValue)
      } else {
        error("\(key) must be \(rule.text)")
      }
    }
    if let value = settings["reserve_order"] {
      switch value as? String {
      case "reserved-first": policy.reservedSeatsFirst = true
      case "open-first": policy.reservedSeatsFirst = false
      default: error("reserve_order must be reserved-first or open-first")
      }
    }
    if let value = settings["priority_groups"] {
      if let groups = value as? [String], !groups.contains(where: \.isEmpty) {
        policy.priorityGroups = groups
      } else {
        error("priority_groups must be a list of group names, highest priority first")
      }
    }
    if let value = settings["tie_breaking"] {
      if let name = value as? String, let rule = TieBreaking(rawValue: name) {
        policy.tieBreaking = rule
      } else {
        error(
          "tie_breaking must be one of "
            + TieBreaking.allCases.map(\.rawValue).joined(separator: ", "))
      }
    }
    for (key, apply) in [
      ("reserves_revert", { (b: Bool) in policy.reservesRevert = b }),
      ("place_unranked", { (b: Bool) in policy.placeUnranked = b }),
    ] {
      guard let value = settings[key] else { continue }
      if let number = value as? NSNumber, Self.isBoolean(number) {
        apply(number.boolValue)
      } else {
        error("\(key) must be true or false")
      }
    }
    return policy
  }

  /// Whether JSON gave `true` or `false` (Foundation bridges booleans to `NSNumber` of type `c`).
  private static func isBoolean(_ number: NSNumber) -> Bool {
    String(cString: number.objCType) == "c"
  }
}
