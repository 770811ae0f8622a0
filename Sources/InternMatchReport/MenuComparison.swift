import Foundation
import InternMatchModel

/// Strategies run on one menu of activities (`activities.csv`) under one or more lottery
/// seeds, kind by kind: what `internmatch compare` prints for a dataset with a menu.
///
/// There is one row per (strategy, seed, kind) — every kind offered to anybody, in service
/// order, then `all` over every kind — then, per (strategy, kind), four statistic rows over
/// the seeds whose `seed` is `mean`, `sd` (sample, n − 1), `min` or `max`, then one row per
/// skipped strategy with the reason. A row's numbers are those of the run's
/// ``MenuSummary/Kind`` (``MenuSummary`` for `all`): placements, mean rank, rank cost, rows left
/// short, unfilled seats (without slots) and unfilled seats in slots, and `with_k`: the people
/// offered the kind (every person for `all`) holding k placements of it.
///
/// ```swift
/// var table = MenuComparison(people: 200, seeds: [1])
/// table.add(strategy: "optimal", seed: 1, summary: summary, milliseconds: 12)
/// print(table.rendered(as: .csv))  // strategy,seed,kind,placed,mean_rank,…
/// ```
public struct MenuComparison: Hashable, Sendable {
  /// One kind's numbers for one strategy under one seed.
  public struct Row: Hashable, Sendable {
    /// The strategy's name in the table.
    public var strategy: String
    /// The seed of the run (for a strategy without a lottery, the seed the row stands under).
    public var seed: UInt64
    /// The kind, or `all`.
    public var kind: String
    /// Placements of the kind.
    public var placed: Int
    /// Mean rank within the kind of the placements; `nil` with none.
    public var meanRank: Double?
    /// Sum of the placements' ranks within the kind.
    public var rankCost: Int
    /// (person, kind) rows left short.
    public var short: Int
    /// Seats left empty at worksites without slots, and in one slot label at those with slots.
    public var unfilledSeats: Int
    public var unfilledSlots: Int
    /// People by their number of placements of the kind.
    public var peopleByPlacements: [String: Int]
    /// Time the strategy took to place.
    public var milliseconds: Double
  }

  /// People in the dataset.
  public var people: Int
  /// The seeds of the runs, in order.
  public var seeds: [UInt64]
  /// The rows, by strategy in the order run, seeds in order, kinds in service order.
  public var rows: [Row] = []
  /// Strategies not run, and why.
  public var skipped: [StrategyComparison.Skipped] = []

  /// An empty table.
  public init(people: Int, seeds: [UInt64]) {
    self.people = people
    self.seeds = seeds
  }

  /// Adds the rows of one run: every kind of `summary` offered to anybody, then `all`.
  public mutating func add(
    strategy: String, seed: UInt64, summary: MenuSummary, milliseconds: Double
  ) {
    for k in summary.kinds where k.isInPlay {
      rows.append(
        Row(
          strategy: strategy, seed: seed, kind: k.kind.rawValue, placed: k.placed,
          meanRank: k.meanRank, rankCost: k.rankCost,
          short: k.shortByReason.values.reduce(0, +), unfilledSeats: k.unfilledSeats,
          unfilledSlots: k.unfilledSlots, peopleByPlacements: k.peopleByPlacements,
          milliseconds: milliseconds))
    }
    let offered = summary.kinds.filter(\.isInPlay)
    let ranked = offered.compactMap { k in k.meanRank.map { ($0, k.placed) } }
    let rankedCount = ranked.reduce(0) { $0 + $1.1 }
    rows.append(
      Row(
        strategy: strategy, seed: seed, kind: "all", placed: summary.placements,
        meanRank: rankedCount == 0
          ? nil : ranked.reduce(0) { $0 + $1.0 * Double($1.1) } / Double(rankedCount),
        rankCost: offered.reduce(0) { $0 + $1.rankCost },
        short: offered.reduce(0) { $0 + $1.shortByReason.values.reduce(0, +) },
        unfilledSeats: offered.reduce(0) { $0 + $1.unfilledSeats },
        unfilledSlots: offered.reduce(0) { $0 + $1.unfilledSlots },
        peopleByPlacements: summary.peopleByPlacements, milliseconds: milliseconds))
  }

  /// The largest number of placements any row counts people with.
  var most: Int {
    rows.flatMap { $0.peopleByPlacements.keys.compactMap { Int($0) } }.max() ?? 0
  }

  /// The numeric columns, in order, as CSV and JSON name them: `placed`, `mean_rank`,
  /// `rank_cost`, `short`, `unfilled_seats`, `unfilled_slots`, `with_0` … `with_k`, `ms`.
  public var numericColumns: [String] {
    ["placed", "mean_rank", "rank_cost", "short", "unfilled_seats", "unfilled_slots"]
      + (0...most).map { "with_\($0)" } + ["ms"]
  }

  /// The numeric values of `row`, in ``numericColumns`` order.
  func values(of row: Row) -> [Double?] {
    [
      Double(row.placed), row.meanRank, Double(row.rankCost), Double(row.short),
      Double(row.unfilledSeats), Double(row.unfilledSlots),
    ] + (0...most).map { Double(row.peopleByPlacements[String($0)] ?? 0) } + [row.milliseconds]
  }

  /// The (strategy, kind) pairs, in row order.
  public var groups: [(strategy: String, kind: String)] {
    var seen: Set<[String]> = []
    return rows.compactMap {
      seen.insert([$0.strategy, $0.kind]).inserted ? ($0.strategy, $0.kind) : nil
    }
  }

  /// Mean, sample standard deviation, minimum and maximum of every numeric column per
  /// (strategy, kind) over its seeds: `(strategy, kind, name, values)`.
  ///
  /// - Complexity: O(rows × columns).
  public var statistics: [(strategy: String, kind: String, name: String, values: [Double?])] {
    let width = numericColumns.count
    return groups.flatMap { group in
      let columns = rows.filter { $0.strategy == group.strategy && $0.kind == group.kind }
        .map(values)
      let perColumn = (0..<width).map { c in columns.compactMap { $0[c] } }
      func stat(_ name: String, _ f: ([Double]) -> Double?) -> (String, String, String, [Double?]) {
        (group.strategy, group.kind, name, perColumn.map { $0.isEmpty ? nil : f($0) })
      }
      return [
        stat("mean", StrategyComparison.mean),
        stat("sd", StrategyComparison.sampleStandardDeviation),
        stat("min") { $0.min() }, stat("max") { $0.max() },
      ]
    }
  }

  /// Every row in output order: per strategy its seeds' rows (kinds in order within a seed),
  /// then its statistics, kind by kind.
  func records() -> [(strategy: String, seed: String, kind: String, values: [Double?])] {
    let statistics = self.statistics
    var out: [(String, String, String, [Double?])] = []
    var strategies: [String] = []
    for r in rows where !strategies.contains(r.strategy) { strategies.append(r.strategy) }
    for strategy in strategies {
      for r in rows where r.strategy == strategy {
        out.append((strategy, String(r.seed), r.kind, values(of: r)))
      }
      for s in statistics where s.strategy == strategy {
        out.append((strategy, s.name, s.kind, s.values))
      }
    }
    return out
  }

  /// The table in `format` (CSV and JSON numbers as numbers; text and Markdown for people).
  public func rendered(as format: StrategyComparison.Format) -> String {
    let columns = numericColumns
    let records = records()
    switch format {
    case .csv:
      var text =
        (["strategy", "seed", "kind"] + columns + ["skipped"]).joined(separator: ",") + "\n"
      for r in records {
        text +=
          ([StrategyComparison.csvField(r.strategy), r.seed, r.kind]
          + r.values.map { $0.map(StrategyComparison.number) ?? "" } + [""]).joined(separator: ",")
          + "\n"
      }
      for s in skipped {
        text +=
          ([StrategyComparison.csvField(s.strategy), "", ""] + columns.map { _ in "" }
          + [StrategyComparison.csvField(s.reason)]).joined(separator: ",") + "\n"
      }
      return text
    case .json:
      let jsonRows = records.map { r in
        var fields = [
          ("strategy", StrategyComparison.jsonString(r.strategy)),
          ("seed", UInt64(r.seed) != nil ? r.seed : StrategyComparison.jsonString(r.seed)),
          ("kind", StrategyComparison.jsonString(r.kind)),
        ]
        for (c, name) in columns.enumerated() {
          fields.append((name, r.values[c].map(StrategyComparison.number) ?? "null"))
        }
        return "    {\n" + fields.map { "      \"\($0)\" : \($1)" }.joined(separator: ",\n")
          + "\n    }"
      }
      return StrategyComparison.jsonDocument(
        rows: jsonRows, seeds: seeds, skipped: skipped, count: ("people", people))
    case .markdown, .text:
      let human = records.map { r in
        let statistic = UInt64(r.seed) == nil
        return [r.strategy, r.seed, r.kind]
          + r.values.enumerated().map { c, v -> String in
            guard let v else { return "" }
            if c == 1 { return String(format: "%.2f", v) }
            if c == columns.count - 1 { return String(format: "%.1f", v) }
            return statistic ? String(format: "%.1f", v) : StrategyComparison.number(v)
          }
      }
      let headings =
        ["strategy", "seed", "kind"]
        + columns.map {
          $0.replacingOccurrences(of: "_", with: " ")
        }
      let notes = skipped.map { "skipped: \($0.strategy): \($0.reason)" }
      if format == .markdown { return StrategyComparison.markdownTable(headings, human, notes) }
      let seedText =
        seeds.count == 1 ? "seed \(seeds[0])" : "\(seeds.count) seeds (sd: sample, n − 1)"
      return "\(people) people, \(seedText); one row per kind offered, then all kinds; "
        + "with k = people holding k placements of the kind\n"
        + StrategyComparison.textTable(headings, human, notes)
    }
  }
}
