import Foundation

extension PlacementSummary {
  /// The MIP's proof in words, from the statistics `mip_max_placed_proven` and
  /// `mip_rank_cost_gap`; `nil` when no MIP ran.
  ///
  /// ```text
  /// Proof: every student who could be placed is placed; the rank cost is within 12 (0.3%) of the best possible at that count.
  /// ```
  ///
  /// The cost gap is measured at the maximum number placed, never on `−M·placed + cost`
  /// (see `PlacementMIP.LevelGap`).
  var mipProofSentence: String? {
    guard let proven = statistics["mip_max_placed_proven"] else { return nil }
    guard proven == 1, let gap = statistics["mip_rank_cost_gap"] else {
      return "Proof: not yet proven that every student who could be placed is placed "
        + "(raise mip_time_limit_seconds)."
    }
    let share = totalRankCost == 0 ? 0 : 100 * Double(gap) / Double(abs(totalRankCost))
    return "Proof: every student who could be placed is placed; the rank cost is "
      + (gap == 0
        ? "the best possible at that count."
        : "within \(grouped(gap)) (\(String(format: "%.2g", share))%) of the best possible at "
          + "that count.")
  }
}
