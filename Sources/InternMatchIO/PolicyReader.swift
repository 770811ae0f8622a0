import Foundation
import InternMatchModel

/// Reads `policy.json`: the run settings that travel with a dataset.
///
/// ```json
/// { "strategy": "optimal", "seed": 2026, "rank_cost": "squared", "max_distance_km": 20 }
/// ```
///
/// Read strictly (``StrictJSON``): a syntax error, a key given twice, a trailing comma or text
/// that is not UTF-8 is an error with its line and column; integers are exact (`seed` takes
/// every value up to 18446744073709551615 and no other); an unknown key is an error naming the
/// nearest known one ("did you mean max_distance_km?"), and so is a strategy no command runs;
/// a value of the wrong type or out of range is an error at the value.
enum PolicyReader {
  static let file = "policy.json"
  static let keys = [
    "strategy", "seed", "rank_cost", "max_distance_km", "school_floor", "reserve_order",
    "reserves_revert", "place_unranked", "priority_groups", "tie_breaking",
    "mip_time_limit_seconds", "mip_gap", "placement_start",
  ]

  static func read(_ data: Data, issues: inout [DatasetIssue]) -> Policy {
    var policy = Policy()
    let root: StrictJSON.Value
    do {
      root = try StrictJSON.parse([UInt8](data))
    } catch {
      issues.append(
        DatasetIssue(
          .error, file: file, line: error.place.line, column: error.place.column,
          "not valid JSON: \(error.message)", code: "policy-syntax"))
      return policy
    }
    guard let members = root.object else {
      issues.append(
        DatasetIssue(
          .error, file: file, line: root.place.line, column: root.place.column,
          "the top level must be a JSON object", code: "policy-syntax"))
      return policy
    }
    var settings: [String: StrictJSON.Value] = [:]
    for member in members {
      guard keys.contains(member.key) else {
        issues.append(
          DatasetIssue(
            .error, file: file, line: member.keyPlace.line, column: member.keyPlace.column,
            "unknown setting '\(member.key)'; did you mean \(nearestKey(to: member.key))? "
              + "(known: \(keys.joined(separator: ", ")))", code: "policy-unknown-key"))
        continue
      }
      settings[member.key] = member.value
    }
    func error(_ key: String, _ message: String) {
      let place = settings[key]?.place
      issues.append(
        DatasetIssue(
          .error, file: file, line: place?.line, column: place?.column, message,
          code: "policy-value"))
    }
    if let value = settings["strategy"] {
      if let name = value.string, Policy.strategyNames.contains(name) {
        policy.strategy = name
      } else {
        error(
          "strategy",
          "strategy must be one of \(Policy.strategyNames.joined(separator: ", "))"
            + (value.string.map { ", not '\($0)'" } ?? ""))
      }
    }
    if let value = settings["seed"] {
      if let text = value.number, let seed = UInt64(text) {
        policy.seed = seed
      } else {
        error(
          "seed",
          "seed must be an integer from 0 to 18446744073709551615, written without a point or exponent"
        )
      }
    }
    if let value = settings["rank_cost"] {
      if let name = value.string, let cost = RankCost(rawValue: name) {
        policy.rankCost = cost
      } else {
        error(
          "rank_cost",
          "rank_cost must be one of \(RankCost.allCases.map(\.rawValue).joined(separator: ", "))")
      }
    }
    // Numeric settings: the key, what it must be, and where it goes.
    let positive = (test: { (x: Double) in x > 0 && x.isFinite }, text: "a positive number")
    let share = (test: { (x: Double) in (0...1).contains(x) }, text: "a number between 0 and 1")
    let limit = DatasetLimits.mipTimeLimitSeconds
    let seconds = (
      test: { (x: Double) in limit.contains(x) },
      text: "a number of seconds from \(limit.lowerBound) to \(Int(limit.upperBound))"
    )
    for (key, rule, apply) in [
      ("max_distance_km", positive, { (x: Double) in policy.maximumDistanceKilometres = x }),
      ("mip_time_limit_seconds", seconds, { (x: Double) in policy.mipTimeLimitSeconds = x }),
      ("school_floor", share, { (x: Double) in policy.schoolFloor = x }),
      ("mip_gap", share, { (x: Double) in policy.mipGap = x }),
    ] {
      guard let value = settings[key] else { continue }
      if let text = value.number, let x = Double(text), rule.test(x) {
        apply(x)
      } else {
        error(key, "\(key) must be \(rule.text)")
      }
    }
    if let value = settings["reserve_order"] {
      switch value.string {
      case "reserved-first": policy.reservedSeatsFirst = true
      case "open-first": policy.reservedSeatsFirst = false
      default: error("reserve_order", "reserve_order must be reserved-first or open-first")
      }
    }
    if let value = settings["priority_groups"] {
      let groups = value.array?.compactMap(\.string)
      if let groups, groups.count == value.array?.count, !groups.contains(where: \.isEmpty) {
        policy.priorityGroups = groups
      } else {
        error(
          "priority_groups",
          "priority_groups must be a list of group names, highest priority first")
      }
    }
    if let value = settings["tie_breaking"] {
      if let name = value.string, let rule = TieBreaking(rawValue: name) {
        policy.tieBreaking = rule
      } else {
        error(
          "tie_breaking",
          "tie_breaking must be one of "
            + TieBreaking.allCases.map(\.rawValue).joined(separator: ", "))
      }
    }
    if let value = settings["placement_start"] {
      if let text = value.string, let date = CivilDate(text: Array(text.utf8)) {
        policy.placementStart = date.description
      } else {
        error(
          "placement_start",
          "placement_start must be a date, written YYYY-MM-DD (or MM/DD/YYYY)")
      }
    }
    for (key, apply) in [
      ("reserves_revert", { (b: Bool) in policy.reservesRevert = b }),
      ("place_unranked", { (b: Bool) in policy.placeUnranked = b }),
    ] {
      guard let value = settings[key] else { continue }
      if let b = value.bool {
        apply(b)
      } else {
        error(key, "\(key) must be true or false")
      }
    }
    return policy
  }

  /// The known key nearest to `key` by edit distance (``NearestName``; ties go to the earlier
  /// key in ``keys``).
  static func nearestKey(to key: String) -> String {
    NearestName.nearest(to: key, among: keys) ?? keys[0]
  }
}
