import Foundation
import InternMatchModel

/// Strategies run on one cohort under one or more lottery seeds, rendered as a text, Markdown or
/// CSV table or as JSON: the harness for comparing matching mechanisms.
///
/// There is one row per (strategy, seed), then — per strategy — four statistic rows over its
/// seeds whose `seed` cell is `mean`, `sd`, `min` or `max`, then one row per skipped strategy
/// with the reason. `sd` is the sample standard deviation (divisor n − 1; empty with one seed).
/// A cell with no value (no distances, no blocking pairs measured) is left out of the
/// statistics; a statistic with no values is empty.
///
/// In CSV and JSON every number is a number: shares (`rate`, `seats_used`, `school_gap`,
/// `group_gap`) are fractions from 0 to 1, and an empty cell is empty (CSV) or `null` (JSON).
/// Text and Markdown show shares as percentages and gaps in percentage points.
///
/// ```swift
/// var table = StrategyComparison(students: 2000, seeds: [1, 2])
/// table.rows.append(.init(strategy: "stable", seed: 1, metrics: m, rankCost: 4380,
///                         blockingPairs: 0, milliseconds: 6.1))
/// print(table.rendered(as: .csv))  // strategy,seed,placed,rate,…
/// ```
public struct StrategyComparison: Hashable, Sendable {
  /// Output formats.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    case text, markdown, csv, json
  }

  /// One strategy's results under one seed.
  public struct Row: Hashable, Sendable {
    public var strategy: String
    /// The seed of the lottery the strategy drew (for a strategy that draws none, the seed whose
    /// worksite priorities the blocking pairs were counted against).
    public var seed: UInt64
    public var metrics: OutcomeMetrics
    /// Sum of ranks of placed students (the `linear` objective's second level).
    public var rankCost: Int
    /// Blocking pairs with respect to the seed's worksite priorities, when measured.
    public var blockingPairs: Int?
    /// Time the strategy took to place (not to read or measure).
    public var milliseconds: Double

    public init(
      strategy: String, seed: UInt64, metrics: OutcomeMetrics, rankCost: Int,
      blockingPairs: Int?, milliseconds: Double
    ) {
      self.strategy = strategy
      self.seed = seed
      self.metrics = metrics
      self.rankCost = rankCost
      self.blockingPairs = blockingPairs
      self.milliseconds = milliseconds
    }
  }

  /// A strategy that was not run, and why (the side constraints it cannot honour).
  public struct Skipped: Hashable, Sendable {
    public var strategy: String
    public var reason: String

    public init(strategy: String, reason: String) {
      self.strategy = strategy
      self.reason = reason
    }
  }

  /// The statistics of one strategy's numeric columns over its seeds.
  public struct Statistics: Hashable, Sendable {
    /// `mean`, `sd`, `min` or `max`.
    public var name: String
    public var strategy: String
    /// One value per numeric column (``StrategyComparison/numericColumns``); `nil` when the
    /// column has no values, or for `sd` over a single value.
    public var values: [Double?]
  }

  /// Students in the cohort and the seeds of the runs.
  public var students: Int
  public var seeds: [UInt64]
  /// The rows, grouped by strategy in the order run, seeds in order within each.
  public var rows: [Row] = []
  /// Strategies not run.
  public var skipped: [Skipped] = []

  public init(students: Int, seeds: [UInt64]) {
    self.students = students
    self.seeds = seeds
  }

  /// The numeric columns, in order, as they are named in CSV and JSON.
  public static let numericColumns = [
    "placed", "rate", "rank_1", "rank_2", "rank_3", "mean_rank", "median_rank", "worst_rank",
    "rank_cost", "blocking", "seats_used", "mean_km", "school_gap", "group_gap", "ms",
  ]
  /// The same columns as text and Markdown headings.
  static let headings = [
    "placed", "rate", "rank 1", "rank 2", "rank 3", "mean rank", "median", "worst", "rank cost",
    "blocking", "seats used", "km", "school gap", "group gap", "ms",
  ]
  /// The numeric columns shown as percentages in text and Markdown.
  static let shares: Set<Int> = [1, 10, 12, 13]
  /// The numeric columns that are whole numbers in every row.
  static let counts: Set<Int> = [0, 2, 3, 4, 7, 8, 9]

  /// The numeric values of `row`, in ``numericColumns`` order.
  public static func values(of row: Row) -> [Double?] {
    let m = row.metrics
    func profile(_ r: Int) -> Double {
      Double(r <= m.rankProfile.count ? m.rankProfile[r - 1] : 0)
    }
    return [
      Double(m.placed), m.placementRate, profile(1), profile(2), profile(3), m.meanRank,
      m.medianRank, Double(m.worstRank), Double(row.rankCost), row.blockingPairs.map(Double.init),
      m.seatUtilisation, m.meanDistanceKilometres, m.equity["school"]?.largestGap?.gap,
      m.equity["group"]?.largestGap?.gap, row.milliseconds,
    ]
  }

  /// The strategies run, in order.
  public var strategies: [String] {
    var seen: Set<String> = []
    return rows.map(\.strategy).filter { seen.insert($0).inserted }
  }

  /// Mean, sample standard deviation, minimum and maximum of every numeric column, per
  /// strategy, over its rows.
  ///
  /// - Complexity: O(rows × columns).
  public var statistics: [Statistics] {
    strategies.flatMap { strategy in
      let columns = rows.filter { $0.strategy == strategy }.map(Self.values)
      let perColumn = Self.numericColumns.indices.map { c in columns.compactMap { $0[c] } }
      func stat(_ name: String, _ f: ([Double]) -> Double?) -> Statistics {
        Statistics(
          name: name, strategy: strategy, values: perColumn.map { $0.isEmpty ? nil : f($0) })
      }
      return [
        stat("mean", Self.mean),
        stat("sd", Self.sampleStandardDeviation),
        stat("min") { $0.min() },
        stat("max") { $0.max() },
      ]
    }
  }

  /// The mean of `xs` (not empty), summed as differences from the first value so that equal
  /// values have exactly their value as mean (100 × 0.8475 / 100 is not 0.8475 in binary).
  static func mean(_ xs: [Double]) -> Double {
    let first = xs[0]
    return first + xs.reduce(0) { $0 + ($1 - first) } / Double(xs.count)
  }

  /// The sample standard deviation (divisor n − 1), or `nil` for fewer than two values.
  static func sampleStandardDeviation(_ xs: [Double]) -> Double? {
    guard xs.count > 1 else { return nil }
    let mean = Self.mean(xs)
    let squares = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(xs.count - 1)).squareRoot()
  }

  /// The table in `format`.
  public func rendered(as format: Format) -> String {
    switch format {
    case .csv: csv()
    case .json: json()
    case .markdown: markdown()
    case .text: text()
    }
  }

  // MARK: Machine formats

  /// The rows in output order: per strategy its seeds then its statistics, then the skipped.
  private func records() -> [(strategy: String, seed: String?, values: [Double?], note: String?)] {
    let statistics = self.statistics
    var records: [(String, String?, [Double?], String?)] = []
    for strategy in strategies {
      for row in rows where row.strategy == strategy {
        records.append((strategy, String(row.seed), Self.values(of: row), nil))
      }
      for stat in statistics where stat.strategy == strategy {
        records.append((strategy, stat.name, stat.values, nil))
      }
    }
    for skip in skipped {
      records.append((skip.strategy, nil, Self.numericColumns.map { _ in nil }, skip.reason))
    }
    return records
  }

  /// A number as CSV and JSON write it: whole numbers without a fraction, others in Swift's
  /// shortest round-tripping form.
  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
  }

  private func csv() -> String {
    let header = ["strategy", "seed"] + Self.numericColumns + ["skipped"]
    var lines = [header.joined(separator: ",")]
    for record in records() {
      let cells =
        [Self.csvField(record.strategy), record.seed ?? ""]
        + record.values.map { $0.map(Self.number) ?? "" } + [Self.csvField(record.note ?? "")]
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func json() -> String {
    let rows = records().filter { $0.note == nil }.map { record in
      var fields = [("strategy", Self.jsonString(record.strategy))]
      // A seed is a number; a statistic's name is a string.
      let seed = record.seed ?? ""
      fields.append(("seed", UInt64(seed) != nil ? seed : Self.jsonString(seed)))
      for (c, name) in Self.numericColumns.enumerated() {
        fields.append((name, record.values[c].map(Self.number) ?? "null"))
      }
      return "    {\n" + fields.map { "      \"\($0)\" : \($1)" }.joined(separator: ",\n")
        + "\n    }"
    }
    return Self.jsonDocument(
      rows: rows, seeds: seeds, skipped: skipped, count: ("students", students))
  }

  /// `{"rows": [...], "seeds": [...], "skipped": [...], "<count>": n}` with `rows` already
  /// rendered (each an indented object), keys sorted, as `compare --format json` prints it.
  static func jsonDocument(
    rows: [String], seeds: [UInt64], skipped: [Skipped], count: (name: String, value: Int)
  ) -> String {
    var out = "{\n  \"rows\" : ["
    for (i, row) in rows.enumerated() { out += (i == 0 ? "\n" : ",\n") + row }
    out += rows.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"seeds\" : [" + seeds.map(String.init).joined(separator: ", ") + "],\n"
    out += "  \"skipped\" : ["
    out += skipped.map {
      "\n    {\n      \"reason\" : \(Self.jsonString($0.reason)),\n"
        + "      \"strategy\" : \(Self.jsonString($0.strategy))\n    }"
    }.joined(separator: ",")
    out += skipped.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"\(count.name)\" : \(count.value)\n}\n"
    return out
  }

  /// A JSON string literal.
  static func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  // MARK: Human formats

  /// A cell for a person: shares as percentages, gaps in points, counts whole in seed rows.
  private static func cell(_ value: Double?, column c: Int, statistic: Bool) -> String {
    guard let value else { return "" }
    if shares.contains(c) {
      let points = String(format: "%.1f", 100 * value)
      return c == 1 || c == 10 ? points + "%" : points
    }
    if counts.contains(c) { return statistic ? String(format: "%.1f", value) : number(value) }
    switch c {
    case 5: return String(format: "%.2f", value)
    case 6: return String(format: statistic ? "%.2f" : "%g", value)
    default: return String(format: "%.1f", value)
    }
  }

  private func humanRows() -> [[String]] {
    records().filter { $0.note == nil }.map { record in
      let statistic = record.seed.flatMap(UInt64.init) == nil
      return [record.strategy, record.seed ?? ""]
        + record.values.enumerated().map {
          Self.cell($1, column: $0, statistic: statistic)
        }
    }
  }

  private var skippedLines: [String] {
    skipped.map { "skipped: \($0.strategy): \($0.reason)" }
  }

  private func markdown() -> String {
    Self.markdownTable(["strategy", "seed"] + Self.headings, humanRows(), skippedLines)
  }

  /// A Markdown table of `rows` under `columns`, then `notes` as a list.
  static func markdownTable(_ columns: [String], _ rows: [[String]], _ notes: [String]) -> String {
    let header = "| " + columns.joined(separator: " | ") + " |"
    let rule = "|" + columns.map { _ in "---|" }.joined()
    let body = rows.map { "| " + $0.joined(separator: " | ") + " |" }
    let list = notes.isEmpty ? [] : [""] + notes.map { "- " + $0 }
    return ([header, rule] + body + list).joined(separator: "\n") + "\n"
  }

  private func text() -> String {
    let seedText =
      seeds.count == 1 ? "seed \(seeds[0])" : "\(seeds.count) seeds (sd: sample, n − 1)"
    return
      "\(students) students, \(seedText); gaps are the largest placement-rate differences "
      + "(percentage points)\n"
      + Self.textTable(["strategy", "seed"] + Self.headings, humanRows(), skippedLines)
  }

  /// `rows` under `columns` as aligned plain text (the first column left-aligned, the others
  /// right-aligned), then `notes`, one per line.
  static func textTable(_ columns: [String], _ rows: [[String]], _ notes: [String]) -> String {
    let all = [columns] + rows
    let widths = columns.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
    let lines = all.map { cells in
      cells.enumerated().map { c, text in
        c == 0
          ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[c] - text.count) + text
      }.joined(separator: "  ")
    }
    return (lines + notes).joined(separator: "\n") + "\n"
  }
}
