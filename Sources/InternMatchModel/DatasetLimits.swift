/// The range every count in a dataset must lie in, checked when an instance is built (and so
/// when a dataset is read, as `file:line:column`).
///
/// The bounds are far beyond any real cohort (New York City has about 60,000 CTE students) and
/// small enough that the sums the solvers form stay far inside `Int`: ten million seats at each
/// of a million worksites is 10¹³, and a rank (a list position, at most 100,000) squared is
/// 10¹⁰. Memory never follows a stated capacity: the strategies size their seat arrays by the
/// seats that can be used, `min(capacity, applicants)`.
///
/// ```swift
/// DatasetLimits.seats.contains(3_000_000_000)  // false: an error naming the cell
/// DatasetLimits.describe(DatasetLimits.age)    // "0–150"
/// ```
public enum DatasetLimits {
  /// Seats and seat limits: `capacity`, `max_per_school`, `min_group`, reserve seats and an
  /// employer's `capacity`.
  public static let seats: ClosedRange<Int> = 0...10_000_000
  /// Ages in years: a student's `age` and a worksite's `min_age`.
  public static let age: ClosedRange<Int> = 0...150
  /// Grade levels: a student's `grade` and a worksite's `min_grade`.
  public static let grade: ClosedRange<Int> = 0...20
  /// A worksite's rank of an applicant in `rankings.csv`.
  public static let rank: ClosedRange<Int> = 1...10_000_000
  /// Entries in one student's preference list (ranks are list positions, so this also bounds
  /// a rank written by a student; its square, 10¹⁰, fits every cost sum).
  public static let listLength: ClosedRange<Int> = 0...100_000
  /// `mip_time_limit_seconds`: up to 1,000,000 s (11.6 days; GLPK counts milliseconds in a
  /// 32-bit integer).
  public static let mipTimeLimitSeconds: ClosedRange<Double> = 0.001...1_000_000

  /// `"0–150"`, `"1–10,000,000"`: a range as messages show it.
  public static func describe(_ range: ClosedRange<Int>) -> String {
    "\(grouped(range.lowerBound))–\(grouped(range.upperBound))"
  }

  /// `10000000` as `10,000,000`.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (k, c) in digits.enumerated() {
      if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return n < 0 ? "-" + out : out
  }

  /// An error when `value` of `field` is outside `range`: "capacity 3000000000 is out of range
  /// (0–10,000,000)".
  static func check(
    _ value: Int?, _ range: ClosedRange<Int>, field: String, label: String? = nil,
    _ record: InstanceIssue.Record, into issues: inout [InstanceIssue]
  ) {
    guard let value, !range.contains(value) else { return }
    issues.append(
      .init(
        .error, record, field: field,
        "\(label ?? field) \(value) is out of range (\(describe(range)))"))
  }
}
