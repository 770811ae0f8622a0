import Foundation
import InternMatchModel

extension PlacementSummary {
  /// What ``status`` proves, in words a coordinator reads: "proven best: every student who could
  /// be placed is placed, at the lowest possible rank cost", or for a search stopped early
  /// "stopped at the 60 s time limit: within 0.3% of the best possible rank cost; every student
  /// who could be placed is placed". `nil` when the summary has no status.
  ///
  /// A stopped search (`feasible`) is described from its statistics when they are present:
  /// `mip_max_placed_proven` (1 when no placement has more students, 0 when one may, with
  /// `mip_placed_gap`, how many more at most, when a bound is known) and
  /// `mip_rank_cost_gap` (how much lower, in the run's rank-cost units, the rank cost of a
  /// placement with as many students could at most be; shown as a percentage of
  /// ``totalRankCost``, rounded up so that it never understates). Without them it gives
  /// ``gap`` in the units of the search's objective `−M·placed + cost`. A model too large for
  /// GLPK (`mip_too_large_for_glpk` 1) is said to be bounded by the network relaxation alone,
  /// not stopped at the time limit, which it may never have reached.
  ///
  /// - Parameter policy: the run's policy, for the time limit (`mip_time_limit_seconds`) and
  ///   accepted gap (`mip_gap`) that a stopped search names; `nil` names neither value.
  /// - Complexity: O(1).
  public func statusSentence(policy: Policy?) -> String? {
    guard let status else { return nil }
    switch status {
    case "optimal": return "proven best: " + provenObjective
    case "complete":
      return "\(strategy) ran to its end; it follows its own rules (priorities, lottery turns) "
        + "rather than minimising a cost, so there is no gap to report"
    case "feasible": return stopReason(policy) + ": " + stoppedSearchClaims
    case "infeasible": return "no placement exists: the data's own rules contradict each other"
    case "refused": return "not run: \(strategy) cannot honour a rule of this dataset"
    default: return status
    }
  }

  /// What a proven optimum of the strategy's objective promises.
  private var provenObjective: String {
    switch strategy {
    case "rank-maximal":
      "as many first choices as possible, then as many second choices, and so on"
    case "min-worst-rank":
      "every student who could be placed is placed, with the smallest possible worst rank, "
        + "then the lowest possible rank cost"
    case "optimal", "optimal-squared":
      "every student who could be placed is placed, at the lowest possible rank cost"
    default: "the best possible result for \(strategy)'s objective"
    }
  }

  /// Why a search ended before proving its answer best.
  private func stopReason(_ policy: Policy?) -> String {
    if statistics["mip_too_large_for_glpk"] == 1 {
      return "not proven best: the model has too many choices for GLPK's branch-and-cut "
        + "(memory), so only the network relaxation bounds it"
    }
    guard let policy else { return "stopped before proving the placement best" }
    let limit = "the \(String(format: "%g", policy.mipTimeLimitSeconds)) s time limit"
    guard policy.mipGap > 0 else { return "stopped at " + limit }
    let accepted = String(format: "%g", 100 * policy.mipGap)
    return "stopped within the accepted gap (mip_gap \(accepted)%) or at \(limit)"
  }

  /// What a stopped search still proves: the rank-cost gap and whether placed is maximal.
  private var stoppedSearchClaims: String {
    let maximal = statistics["mip_max_placed_proven"]
    let rankGap = statistics["mip_rank_cost_gap"]
    guard maximal != nil || rankGap != nil else {
      return "the placement is valid but not proven best (gap \(gap ?? 0) in the objective "
        + "−M·placed + cost)"
    }
    if maximal == 0 {
      guard let more = statistics["mip_placed_gap"] else {
        return "the placement is valid, but a placement with more students may exist"
      }
      return "the placement is valid, but a placement with up to \(more) more students may exist"
    }
    var claims: [String] = []
    if let rankGap {
      if rankGap <= 0 {
        claims.append("at the best possible rank cost")
      } else if totalRankCost > 0 {
        let percent = (1000 * Double(rankGap) / Double(totalRankCost)).rounded(.up) / 10
        claims.append(
          "within \(String(format: "%g", percent))% of the best possible rank cost "
            + "(at most \(rankGap) lower)")
      } else {
        claims.append("the rank cost could be at most \(rankGap) lower")
      }
    }
    if maximal == 1 { claims.append("every student who could be placed is placed") }
    return claims.joined(separator: "; ")
  }
}
