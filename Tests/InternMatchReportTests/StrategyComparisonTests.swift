import Foundation
import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchReport

@Suite("Strategy comparison table")
struct StrategyComparisonTests {
  /// Two seeds of strategy `a` (blocking pairs 2 and 4, 1 and 3 ms), one of `b` (unmeasured
  /// blocking pairs), and `c` skipped.
  func table() throws -> StrategyComparison {
    let instance = try TinyInstance.make()
    let m = OutcomeMetrics(instance: instance, placement: Placement(studentCount: 10))
    var table = StrategyComparison(students: 10, seeds: [7, 8])
    table.rows = [
      .init(strategy: "a", seed: 7, metrics: m, rankCost: 0, blockingPairs: 2, milliseconds: 1),
      .init(strategy: "a", seed: 8, metrics: m, rankCost: 0, blockingPairs: 4, milliseconds: 3),
      .init(strategy: "b", seed: 7, metrics: m, rankCost: 0, blockingPairs: nil, milliseconds: 1),
    ]
    table.skipped = [.init(strategy: "c", reason: "cannot honour links, pins")]
    return table
  }

  @Test("statistics: mean, sample standard deviation (n − 1), min and max per column")
  func statistics() throws {
    let stats = try table().statistics
    #expect(stats.map(\.name) == ["mean", "sd", "min", "max", "mean", "sd", "min", "max"])
    let blocking = try #require(StrategyComparison.numericColumns.firstIndex(of: "blocking"))
    let ms = try #require(StrategyComparison.numericColumns.firstIndex(of: "ms"))
    #expect(stats[0...3].map { $0.values[blocking] } == [3, 2.0.squareRoot(), 2, 4])
    #expect(stats[0...3].map { $0.values[ms] } == [2, 2.0.squareRoot(), 1, 3])
    // One seed: no sd; no blocking pairs measured: no statistic at all.
    #expect(stats[5].values[ms] == nil)
    #expect(stats[4...7].allSatisfy { $0.values[blocking] == nil })
    // Equal values: the mean is exactly the value (a plain sum of 100 × 0.8475 is not).
    #expect(StrategyComparison.mean(Array(repeating: 0.8475, count: 100)) == 0.8475)
    #expect(StrategyComparison.sampleStandardDeviation(Array(repeating: 0.8475, count: 100)) == 0)
  }

  @Test("CSV: numbers are numbers, statistic rows, skipped strategies with the reason")
  func csv() throws {
    let lines = try table().rendered(as: .csv).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(
      String(lines[0]) == "strategy,seed,"
        + StrategyComparison.numericColumns.joined(separator: ",")
        + ",skipped")
    #expect(lines.count == 1 + 2 + 4 + 1 + 4 + 1 + 1)  // header, a, a's stats, b, b's, c, ""
    let seeds = lines.dropFirst().dropLast().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)[1]
    }
    #expect(seeds == ["7", "8", "mean", "sd", "min", "max", "7", "mean", "sd", "min", "max", ""])
    let first = lines[1].split(separator: ",", omittingEmptySubsequences: false)
    // placed 0, rate 0 as a fraction (no percent sign anywhere).
    #expect(first[2] == "0" && first[3] == "0")
    #expect(!lines.joined().contains("%"))
    #expect(lines[12] == "c," + String(repeating: ",", count: 16) + "\"cannot honour links, pins\"")
  }

  @Test("JSON parses, numbers are numbers, statistic seeds are names, skipped are listed")
  func json() throws {
    let text = try table().rendered(as: .json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows.count == 2 + 4 + 1 + 4)
    #expect(rows[0]["seed"] as? Int == 7)
    #expect(rows[2]["seed"] as? String == "mean")
    #expect(rows[0]["blocking"] as? Int == 2)
    #expect(rows[3]["blocking"] as? Double == 2.0.squareRoot())
    #expect(rows[6]["blocking"] is NSNull)
    #expect(rows[0]["rate"] as? Double == 0)
    let skipped = try #require(object["skipped"] as? [[String: String]])
    #expect(skipped == [["strategy": "c", "reason": "cannot honour links, pins"]])
    #expect(object["seeds"] as? [Int] == [7, 8])
  }

  @Test("text and Markdown show every row and the skipped strategies")
  func human() throws {
    let table = try table()
    let markdown = table.rendered(as: .markdown)
    #expect(markdown.split(separator: "\n").count == 2 + 2 + 4 + 1 + 4 + 1)
    #expect(markdown.contains("- skipped: c: cannot honour links, pins"))
    #expect(markdown.contains("| a | sd |"))
    let text = table.rendered(as: .text)
    #expect(text.contains("2 seeds"))
    #expect(text.contains("skipped: c: cannot honour links, pins"))
    var single = table
    single.seeds = [7]
    #expect(single.rendered(as: .text).contains("seed 7"))
  }
}
