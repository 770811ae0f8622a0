/// Placement rate and mean rank for every value of one dimension (every school, borough, …),
/// with the largest gap in placement rate between two of them.
///
/// ```swift
/// let gap = breakdown.largestGap  // (best: "02M600" 97%, worst: "31R600" 71%)
/// ```
public struct EquityBreakdown: Hashable, Sendable, Codable {
  /// One value of the dimension.
  public struct Row: Hashable, Sendable, Codable {
    /// The value, such as a school's DBN.
    public var key: String
    /// Students with that value, and how many were placed.
    public var students: Int
    public var placed: Int
    /// Mean rank of those placed (0 when none).
    public var meanRank: Double

    /// Share placed (0–1).
    public var rate: Double { students == 0 ? 0 : Double(placed) / Double(students) }

    enum CodingKeys: String, CodingKey {
      case key, students, placed
      case meanRank = "mean_rank"
    }
  }

  /// The highest and lowest placement rates, among values with at least `minimumStudents`.
  public struct Gap: Hashable, Sendable, Codable {
    public var best: String
    public var bestRate: Double
    public var worst: String
    public var worstRate: Double
    /// `bestRate − worstRate`.
    public var gap: Double

    enum CodingKeys: String, CodingKey {
      case best
      case bestRate = "best_rate"
      case worst
      case worstRate = "worst_rate"
      case gap
    }
  }

  /// Rows sorted by key.
  public var rows: [Row]
  /// The largest placement-rate gap among values with at least 10 students (all values when
  /// none has 10), `nil` with fewer than two values.
  public var largestGap: Gap?

  /// The lowest and highest mean rank, among values with at least `minimumPlaced` placed.
  public struct RankGap: Hashable, Sendable {
    /// The value with the lowest (best) mean rank, and that mean.
    public var best: String
    public var bestMeanRank: Double
    /// The value with the highest (worst) mean rank, and that mean.
    public var worst: String
    public var worstMeanRank: Double
    /// `worstMeanRank − bestMeanRank` (≥ 0), in ranks.
    public var gap: Double
  }

  /// The largest mean-rank gap: among values with at least 10 students placed at a worksite
  /// they listed (mean rank above 0), all such values when fewer than two have 10 placed; the
  /// lowest mean rank against the highest. `nil` with fewer than two values having a mean rank.
  /// Computed from ``rows``, so `summary.json` does not carry it.
  ///
  /// ```swift
  /// breakdown.largestMeanRankGap?.gap  // 0.8: Queens 1.9 vs Bronx 2.7
  /// ```
  ///
  /// - Complexity: O(rows).
  public var largestMeanRankGap: RankGap? {
    let ranked = rows.filter { $0.meanRank > 0 }
    let sizable = ranked.filter { $0.placed >= 10 }
    let candidates = sizable.count >= 2 ? sizable : ranked
    guard candidates.count >= 2,
      let best = candidates.min(by: { ($0.meanRank, $0.key) < ($1.meanRank, $1.key) }),
      var worst = candidates.max(by: { ($0.meanRank, $1.key) < ($1.meanRank, $0.key) })
    else { return nil }
    if worst.key == best.key, let last = candidates.last { worst = last }  // every mean equal
    return RankGap(
      best: best.key, bestMeanRank: best.meanRank, worst: worst.key,
      worstMeanRank: worst.meanRank, gap: worst.meanRank - best.meanRank)
  }

  enum CodingKeys: String, CodingKey {
    case rows
    case largestGap = "largest_gap"
  }

  /// Creates a breakdown from its rows.
  public init(_ rows: [Row]) {
    self.rows = rows.sorted { $0.key < $1.key }
    let sizable = self.rows.filter { $0.students >= 10 }
    let candidates = sizable.count >= 2 ? sizable : self.rows
    if candidates.count >= 2,
      let best = candidates.max(by: { ($0.rate, $1.key) < ($1.rate, $0.key) }),
      var worst = candidates.min(by: { ($0.rate, $0.key) < ($1.rate, $1.key) })
    {
      // Every rate equal: the highest is the first key and the lowest the last, never one group.
      if worst.key == best.key, let last = candidates.last { worst = last }
      largestGap = Gap(
        best: best.key, bestRate: best.rate, worst: worst.key, worstRate: worst.rate,
        gap: best.rate - worst.rate)
    } else {
      largestGap = nil
    }
  }
}
