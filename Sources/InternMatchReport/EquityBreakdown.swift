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
      let worst = candidates.min(by: { ($0.rate, $0.key) < ($1.rate, $1.key) })
    {
      largestGap = Gap(
        best: best.key, bestRate: best.rate, worst: worst.key, worstRate: worst.rate,
        gap: best.rate - worst.rate)
    } else {
      largestGap = nil
    }
  }
}
