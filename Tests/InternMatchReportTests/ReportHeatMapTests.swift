import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchReport

/// The tiny dataset's optimum: S1→W2, S2→W3, S3→W1, S4→W2, the others unplaced.
private func tinyReport() throws -> (PlacementInstance, PlacementReport) {
  let instance = try TinyInstance.make()
  let placement = Placement([1, 2, 0, 1, nil, nil, nil, nil, nil, nil])
  let outcomes = instance.outcomes(of: placement)
  let summary = PlacementSummary(
    instance: instance, placement: placement, outcomes: outcomes, rankCost: .linear,
    strategy: "optimal", solver: "test", seed: 7)
  return (instance, PlacementReport(instance: instance, outcomes: outcomes, summary: summary))
}

@Suite("report.html: unfilled seats by cluster × borough")
struct ReportHeatMapTests {
  @Test("the tiny optimum's grid, cell by cell, with totals")
  func tinyGrid() throws {
    let (instance, _) = try tinyReport()
    let placement = Placement([1, 2, 0, 1, nil, nil, nil, nil, nil, nil])
    let grid = SeatGrid(instance: instance, outcomes: instance.outcomes(of: placement))
    #expect(grid.clusters == ["construction", "culinary", "healthcare", "it", "media"])
    #expect(grid.boroughs == ["Bronx", "Brooklyn", "Manhattan", "Staten Island"])
    // W4 (construction, Bronx, 1 seat) and W6 (media, Staten Island, 1 seat) are empty.
    #expect(
      grid.cell(cluster: "construction", borough: "Bronx")
        == SeatGrid.Cell(worksites: 1, seats: 1, unfilled: 1))
    // W1 (1 seat) and W2 (2 seats) are full.
    #expect(
      grid.cell(cluster: "it", borough: "Manhattan")
        == SeatGrid.Cell(worksites: 2, seats: 3, unfilled: 0))
    #expect(
      grid.cell(cluster: "culinary", borough: "Manhattan")
        == SeatGrid.Cell(worksites: 1, seats: 0, unfilled: 0))
    #expect(grid.cell(cluster: "it", borough: "Bronx") == nil)
    #expect(
      grid.cell(cluster: nil, borough: nil) == SeatGrid.Cell(worksites: 6, seats: 6, unfilled: 2))
    #expect(grid.cell(cluster: nil, borough: "Manhattan")?.seats == 3)
  }

  @Test("the page carries every cell's numbers, and the total agrees with the summary")
  func cellsInPage() throws {
    let (_, report) = try tinyReport()
    let html = report.html
    #expect(
      html.contains(
        "data-cluster=\"construction\" data-borough=\"Bronx\" data-unfilled=\"1\" data-seats=\"1\">1 of 1<"
      ))
    #expect(
      html.contains("data-cluster=\"*\" data-borough=\"*\" data-unfilled=\"2\" data-seats=\"6\""))
    #expect(html.contains("2 of 6 seats are unfilled"))
  }

  @Test("a shade step and the legend's range of that step always agree")
  func shadesMatchLegend() {
    #expect(HTMLPage.shadeRanges(peak: 10) == ["0", "1–2", "3–4", "5–6", "7–8", "9–10"])
    #expect(HTMLPage.shade(1, peak: 10) == 1)  // 0.5 rounds up
    #expect(HTMLPage.shade(0, peak: 0) == 0)
    for peak in 1...60 {
      let ranges = HTMLPage.shadeRanges(peak: peak)
      for value in 0...peak {
        let label = ranges[HTMLPage.shade(value, peak: peak)]
        let bounds = label.split(separator: "–").compactMap { Int($0) }
        #expect(
          bounds.count >= 1 && bounds[0] <= value && value <= bounds[bounds.count - 1],
          "peak \(peak), value \(value) shaded \(label)")
      }
    }
  }
}

@Suite("report.html: breakdowns and their largest gaps")
struct ReportBreakdownTests {
  @Test("mean-rank gap by school on the tiny optimum: 13K605 1.5 vs 02M600 2.0")
  func meanRankGap() throws {
    let (_, report) = try tinyReport()
    let schools = try #require(report.summary.metrics.equity["school"])
    let gap = try #require(schools.largestMeanRankGap)
    #expect(gap.best == "13K605" && gap.bestMeanRank == 1.5)
    #expect(gap.worst == "02M600" && gap.worstMeanRank == 2)
    #expect(gap.gap == 0.5)
    let html = report.html
    #expect(html.contains("<strong>Largest mean-rank gap: 0.50 ranks</strong>"))
    #expect(html.contains("<strong>Largest placement-rate gap: 100.0 percentage points</strong>"))
  }

  @Test("sizable groups (10 placed) decide the mean-rank gap when two or more exist")
  func sizableGroups() {
    let rows = [
      EquityBreakdown.Row(key: "a", students: 20, placed: 10, meanRank: 1.2),
      EquityBreakdown.Row(key: "b", students: 30, placed: 12, meanRank: 2.5),
      EquityBreakdown.Row(key: "c", students: 3, placed: 2, meanRank: 9),
      EquityBreakdown.Row(key: "d", students: 3, placed: 0, meanRank: 0),
    ]
    let gap = EquityBreakdown(rows).largestMeanRankGap
    #expect(gap?.best == "a" && gap?.worst == "b")
    // With one sizable group, every group with a mean rank counts; "d" has none.
    let small = EquityBreakdown(Array(rows[1...])).largestMeanRankGap
    #expect(small?.best == "b" && small?.worst == "c")
    #expect(EquityBreakdown([rows[3]]).largestMeanRankGap == nil)
  }

  @Test("every dimension has its section, each group a row marked in words")
  func sections() throws {
    let (_, report) = try tinyReport()
    let html = report.html
    for id in ["h-borough", "h-cluster", "h-school", "h-group", "h-unfilled", "h-seat-values"] {
      #expect(html.contains("id=\"\(id)\""), "\(id)")
    }
    #expect(html.contains("data-dimension=\"group\" data-key=\"none\" data-students=\"8\""))
    #expect(html.contains("▲ highest rate"))
    #expect(html.contains("▼ lowest rate"))
    // No explanations given: the seat-value section says why, the lookup has no stories.
    #expect(html.contains("Seat values are not shown: the run was made without explanations."))
    #expect(!html.contains("http://") && !html.contains("https://"))
  }
}
