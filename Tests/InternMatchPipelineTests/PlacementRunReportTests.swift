import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("PlacementRun: report.html's explanations and seat values")
struct PlacementRunReportTests {
  /// The page `run` writes.
  static func page(_ run: PlacementRun) throws -> String {
    let file = try #require(run.outputs().first { $0.name == "report.html" })
    return String(decoding: file.contents, as: UTF8.self)
  }

  @Test("optimal: the report explains and prices without writing the explanation files")
  func optimalExplains() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("tiny"))
    let run = try PlacementRun(dataset, configuration: .init(report: true))
    #expect(run.outputs().map(\.name) == ["placements.csv", "summary.json", "report.html"])
    let explained = try #require(run.explanation)
    let html = try Self.page(run)
    // Every worksite whose one more seat places a student is a ranked row with its change.
    let placing = explained.seatValues.filter { ($0.placedChange ?? 0) > 0 }
    #expect(!placing.isEmpty)
    for v in placing {
      #expect(
        html.contains(
          "data-worksite=\"\(v.worksite)\" data-placed-change=\"\(v.placedChange ?? 0)\" "
            + "data-rank-cost-change=\"\(v.rankCostChange ?? 0)\""), "\(v.worksite)")
    }
    #expect(html.contains("<strong>\(placing.count) of 6 worksites</strong> would place one more"))
    // The lookup carries each student's story, as ExplanationStory tells it.
    #expect(html.contains("You were placed at your 2nd choice"))
    #expect(!html.contains("id=\"seat-values-absent\""))
  }

  @Test("with --explain too, the files join; the bytes of placements.csv never change")
  func explainAndReport() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("tiny"))
    let both = try PlacementRun(dataset, configuration: .init(explain: true, report: true))
    let plain = try PlacementRun(dataset, configuration: .init())
    #expect(both.outputs().map(\.name).suffix(3) == PlacementRun.explanationNames[...])
    #expect(both.outputs()[0].contents == plain.outputs()[0].contents)
  }

  @Test("stable: stories, and the seat-value section says plainly why it is absent")
  func stableHasNoSeatValues() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("tiny"))
    let run = try PlacementRun(dataset, configuration: .init(strategy: .stable, report: true))
    let html = try Self.page(run)
    #expect(
      html.contains(
        "Seat values are not shown: seat values are computed for optimal and optimal-squared "
          + "only (this run's strategy is stable)."))
    #expect(html.contains("You were"))
  }

  @Test("a re-match has no explanations of its own, and the page says so")
  func rematchSaysWhy() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("tiny"))
    let first = try PlacementRun(dataset, configuration: .init())
    let csv = try #require(first.outputs().first?.contents)
    let file = try PlacementFile.read([UInt8](csv), file: "p.csv", instance: dataset.instance)
    let run = try PlacementRun(
      dataset, configuration: .init(rematch: Rematch(previous: file), report: true))
    #expect(run.explanation == nil)
    let html = try Self.page(run)
    #expect(html.contains("Seat values are not shown: a re-match weighs moves"))
    #expect(html.contains("no explanations: a re-match weighs moves"))
  }
}
