import Foundation
import InternMatch

/// The query parameters of `POST /placements`, as a run configuration.
///
/// | parameter | values | default |
/// |---|---|---|
/// | `strategy` | a strategy name (`optimal`, `stable`, …) | `policy.json`'s, else `optimal` |
/// | `seed` | an unsigned 64-bit integer | `policy.json`'s, else 0 |
/// | `rank_cost` | `linear`, `squared` | `policy.json`'s, else `linear` |
/// | `backend` | `network`, `glpk` | `network` |
/// | `cross_check` | `true`, `false` | `false` |
///
/// ```swift
/// let configuration = try RunParameters.configuration(query: "strategy=stable&seed=7")
/// configuration.strategy  // .stable
/// ```
///
/// Any other parameter, a parameter given twice or a value out of its set is a malformed
/// request, so that a misspelt `sed=7` is not silently a run with seed 0.
public enum RunParameters {
  /// The parameters understood, in the order the documentation lists them.
  public static let names = ["strategy", "seed", "rank_cost", "backend", "cross_check"]

  /// The configuration `query` (the part of the URI after `?`, percent-encoded) asks for, with
  /// `commandLine` recorded in the manifest.
  ///
  /// - Throws: ``DatasetUpload/Malformed`` naming the parameter at fault.
  public static func configuration(query: String?, commandLine: [String] = [])
    throws(DatasetUpload.Malformed) -> PlacementRun.Configuration
  {
    var configuration = PlacementRun.Configuration(commandLine: commandLine)
    var seen: Set<String> = []
    for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
      let (name, value) = decode(pair)
      guard names.contains(name) else {
        throw DatasetUpload.Malformed(
          message: "unknown query parameter '\(name)' (expected "
            + names.joined(separator: ", ") + ")")
      }
      guard seen.insert(name).inserted else {
        throw DatasetUpload.Malformed(message: "query parameter '\(name)' given twice")
      }
      func values(_ allowed: [String]) -> String {
        "'\(value)' is not a \(name) (expected " + allowed.joined(separator: ", ") + ")"
      }
      switch name {
      case "strategy":
        guard let strategy = StrategyName(rawValue: value) else {
          throw DatasetUpload.Malformed(message: values(StrategyName.allCases.map(\.rawValue)))
        }
        configuration.strategy = strategy
      case "seed":
        guard let seed = UInt64(value) else {
          throw DatasetUpload.Malformed(message: "seed '\(value)' is not an unsigned integer")
        }
        configuration.seed = seed
      case "rank_cost":
        guard let cost = RankCost(rawValue: value) else {
          throw DatasetUpload.Malformed(message: values(RankCost.allCases.map(\.rawValue)))
        }
        configuration.rankCost = cost
      case "backend":
        guard let backend = OptimalStrategy.Backend(rawValue: value) else {
          throw DatasetUpload.Malformed(
            message: values(OptimalStrategy.Backend.allCases.map(\.rawValue)))
        }
        configuration.backend = backend
      default:  // cross_check
        guard let flag = ["true": true, "false": false][value] else {
          throw DatasetUpload.Malformed(message: values(["true", "false"]))
        }
        configuration.crossCheck = flag
      }
    }
    return configuration
  }

  /// `name=value`, percent-decoded, `+` read as a space (form encoding).
  static func decode(_ pair: Substring) -> (name: String, value: String) {
    func text(_ part: Substring) -> String {
      let spaced = part.replacingOccurrences(of: "+", with: " ")
      return spaced.removingPercentEncoding ?? spaced
    }
    guard let equals = pair.firstIndex(of: "=") else { return (text(pair), "") }
    return (text(pair[..<equals]), text(pair[pair.index(after: equals)...]))
  }
}
