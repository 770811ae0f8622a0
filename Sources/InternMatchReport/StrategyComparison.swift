import Foundation
import InternMatchModel

/// One row per strategy run on the same cohort, rendered as a text, Markdown or CSV table or as
/// JSON: the harness for comparing matching mechanisms.
///
/// ```swift
/// var table = StrategyComparison(students: 2000, seed: 7)
/// table.rows.append(.init(strategy: "optimal", metrics: m, rankCost: 4380, blockingPairs: 12,
///                         milliseconds: 6.1))
/// print(table.rendered(as: .markdown))
/// ```
public struct StrategyComparison: Hashable, Sendable, Codable {
  /// Output formats.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    case text, markdown, csv, json
  }

  /// One strategy's results.
  public struct Row: Hashable, Sendable, Codable {
    public var strategy: String
    public var metrics: OutcomeMetrics
    /// Sum of ranks of placed students (the `linear` objective's second level).
    public var rankCost: Int
    /// Blocking pairs with respect to worksite priorities, when measured.
    public var blockingPairs: Int?
    /// Time the strategy took to place (not to read or verify).
    public var milliseconds: Double

    enum CodingKeys: String, CodingKey {
      case strategy, metrics
      case rankCost = "rank_cost"
      case blockingPairs = "blocking_pairs"
      case milliseconds
    }

    public init(
      strategy: String, metrics: OutcomeMetrics, rankCost: Int, blockingPairs: Int?,
      milliseconds: Double
    ) {
      self.strategy = strategy
      self.metrics = metrics
      self.rankCost = rankCost
      self.blockingPairs = blockingPairs
      self.milliseconds = milliseconds
    }
  }

  /// Students in the cohort and the seed of every run.
  public var students: Int
  public var seed: UInt64
  /// The rows, in the order run.
  public var rows: [Row] = []

  public init(students: Int, seed: UInt64) {
    self.students = students
    self.seed = seed
  }

  static let columns = [
    "strategy", "placed", "rate", "rank 1", "rank 2", "rank 3", "mean rank", "median", "worst",
    "rank cost", "blocking", "seats used", "km", "school gap", "group gap", "ms",
  ]

  private func cells(_ row: Row) -> [String] {
    let m = row.metrics
    func profile(_ r: Int) -> String { String(r <= m.rankProfile.count ? m.rankProfile[r - 1] : 0) }
    func gap(_ dimension: String) -> String {
      m.equity[dimension]?.largestGap.map { String(format: "%.1f", 100 * $0.gap) } ?? ""
    }
    return [
      row.strategy, String(m.placed), String(format: "%.1f%%", 100 * m.placementRate), profile(1),
      profile(2), profile(3), String(format: "%.2f", m.meanRank),
      String(format: "%g", m.medianRank),
      String(m.worstRank), String(row.rankCost), row.blockingPairs.map(String.init) ?? "",
      String(format: "%.1f%%", 100 * m.seatUtilisation),
      m.meanDistanceKilometres.map { String(format: "%.1f", $0) } ?? "", gap("school"),
      gap("group"), String(format: "%.1f", row.milliseconds),
    ]
  }

  /// The table in `format`.
  public func rendered(as format: Format) -> String {
    let body = rows.map(cells)
    switch format {
    case .csv:
      let header = Self.columns.map { $0.replacingOccurrences(of: " ", with: "_") }
      return ([header] + body).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    case .markdown:
      let header = "| " + Self.columns.joined(separator: " | ") + " |"
      let rule = "|" + Self.columns.map { _ in "---|" }.joined()
      return ([header, rule] + body.map { "| " + $0.joined(separator: " | ") + " |" })
        .joined(separator: "\n") + "\n"
    case .text:
      let all = [Self.columns] + body
      let widths = Self.columns.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
      let lines = all.map { cells in
        cells.enumerated().map { c, text in
          c == 0
            ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            : String(repeating: " ", count: widths[c] - text.count) + text
        }.joined(separator: "  ")
      }
      return
        "\(students) students, seed \(seed); gaps are the largest placement-rate differences "
        + "(percentage points)\n" + lines.joined(separator: "\n") + "\n"
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
      return String(decoding: data, as: UTF8.self) + "\n"
    }
  }
}
