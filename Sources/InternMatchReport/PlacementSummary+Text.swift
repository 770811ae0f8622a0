import Foundation

extension PlacementSummary {
  /// A short summary for people, a few lines long.
  ///
  /// ```text
  /// Placed 1,874 of 2,000 students (93.7%) with strategy optimal (glpk-simplex 5.0).
  /// Ranks: 1st 1,102 · 2nd 388 · 3rd 170 · 4th+ 214 · mean 2.01 · total cost 3,767 (linear)
  /// Unplaced 126: choices-full 71 · no-eligible-choice 31 · no-preferences 24
  /// Time: read 31 ms · solve 412 ms · verify 2 ms · write 5 ms · total 450 ms
  /// ```
  public var text: String {
    var lines: [String] = []
    let rate = students == 0 ? 0 : 100 * Double(placed) / Double(students)
    lines.append(
      "Placed \(grouped(placed)) of \(grouped(students)) students (\(String(format: "%.1f", rate))%) "
        + "into \(grouped(seats)) seats at \(grouped(worksites)) worksites, strategy \(strategy) (\(solver))."
    )
    let ranks = rankHistogram.compactMap { key, count in Int(key).map { ($0, count) } }
    var parts: [String] = []
    for rank in 1...3 {
      parts.append("\(ordinal(rank)) \(grouped(ranks.first { $0.0 == rank }?.1 ?? 0))")
    }
    let later = ranks.filter { $0.0 > 3 }.reduce(0) { $0 + $1.1 }
    parts.append("4th+ \(grouped(later))")
    parts.append("mean \(String(format: "%.2f", meanRank))")
    parts.append("total cost \(grouped(totalRankCost)) (\(rankCost.rawValue))")
    lines.append("Ranks: " + parts.joined(separator: " · "))
    if unplaced > 0 {
      lines.append(
        "Unplaced \(grouped(unplaced)): "
          + unplacedByReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
          .map { "\($0.key) \(grouped($0.value))" }.joined(separator: " · "))
    }
    if let changes {
      let order = ["kept", "moved", "newly-placed", "lost-seat", "withdrawn", "still-unplaced"]
      lines.append(
        "Changes: "
          + order.map { "\($0) \(grouped(changes[$0] ?? 0))" }.joined(separator: " · "))
    }
    if let status {
      lines.append(
        "Status: \(status)"
          + (statusNote.map { " — \($0)" } ?? gap.map { " (gap \(grouped($0)))" } ?? ""))
    }
    var quality = [
      "seats used \(String(format: "%.1f", 100 * metrics.seatUtilisation))%",
      "median rank \(String(format: "%g", metrics.medianRank))",
      "worst rank \(metrics.worstRank)",
    ]
    if let km = metrics.meanDistanceKilometres {
      quality.append("mean distance \(String(format: "%.1f", km)) km")
    }
    if let blockingPairs { quality.append("blocking pairs \(grouped(blockingPairs))") }
    lines.append("Outcome: " + quality.joined(separator: " · "))
    for dimension in ["school", "borough", "cluster", "group"] {
      guard let gap = metrics.equity[dimension]?.largestGap else { continue }
      lines.append(
        "Largest gap by \(dimension): \(gap.best) \(percent(gap.bestRate)) vs "
          + "\(gap.worst) \(percent(gap.worstRate)) placed")
    }
    if let time = Self.timeLine(timingsMilliseconds) { lines.append(time) }
    if let seed { lines.append("Seed: \(seed)") }
    return lines.joined(separator: "\n") + "\n"
  }

  private func percent(_ rate: Double) -> String { String(format: "%.1f%%", 100 * rate) }

  func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (k, ch) in digits.enumerated() {
      if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return n < 0 ? "-" + out : out
  }

  private func ordinal(_ n: Int) -> String {
    switch n {
    case 1: "1st"
    case 2: "2nd"
    case 3: "3rd"
    default: "\(n)th"
    }
  }

  /// The stage timings as one line, stages in pipeline order (`nil` without any):
  /// `Time: read 31 ms · solve 412 ms · verify 2.1 ms · total 450 ms`.
  static func timeLine(_ timings: [String: Double]) -> String? {
    let stages = [
      "read", "solve", "cross_check", "verify", "explain", "rosters", "write", "total",
    ].compactMap { stage in
      timings[stage].map { ms in
        "\(stage.replacingOccurrences(of: "_", with: "-")) "
          + (ms < 10 ? String(format: "%.1f ms", ms) : String(format: "%.0f ms", ms))
      }
    }
    return stages.isEmpty ? nil : "Time: " + stages.joined(separator: " · ")
  }
}
