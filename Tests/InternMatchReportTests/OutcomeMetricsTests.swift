import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchReport

@Suite("Outcome metrics and comparison tables")
struct OutcomeMetricsTests {
  @Test("hand-computed metrics on the tiny dataset's optimum")
  func tiny() throws {
    let instance = try TinyInstance.make()
    let placement = Placement([1, 2, 0, 1, nil, nil, nil, nil, nil, nil])
    let m = OutcomeMetrics(instance: instance, placement: placement)
    #expect(m.placed == 4)
    #expect(m.placementRate == 0.4)
    #expect(m.rankProfile == [1, 3])
    #expect(m.meanRank == 1.75)
    #expect(m.medianRank == 2)
    #expect(m.worstRank == 2)
    #expect(m.seats == 6)
    #expect(abs(m.seatUtilisation - 4.0 / 6) < 1e-12)
    // School 02M600: S1, S2 placed (2/2); 13K605: S3, S4 (2/2); the others 0/2.
    let schools = try #require(m.equity["school"])
    #expect(schools.rows.map(\.key) == ["02M600", "09X412", "13K605", "24Q600", "31R600"])
    #expect(schools.rows.map(\.placed) == [2, 0, 2, 0, 0])
    #expect(schools.largestGap?.best == "02M600")
    #expect(schools.largestGap?.worst == "09X412")
    #expect(schools.largestGap?.gap == 1)
    let groups = try #require(m.equity["group"])
    #expect(groups.rows.map(\.key) == ["ell", "iep", "none"])
    #expect(groups.rows.map(\.students) == [1, 1, 8])
    #expect(m.meanDistanceKilometres != nil)
  }
}

@Suite("Median rank")
struct MedianRankTests {
  @Test("the median read from the rank profile is the median of the sorted ranks")
  func medianOfSortedRanks() throws {
    for seed in UInt64(1)...20 {
      let instance = RandomInstances.make(seed: seed, maxStudents: 5, maxWorksites: 4)
      var found = false
      BruteForce.forEachValidPlacement(instance) { placement in
        found = true
        let m = OutcomeMetrics(instance: instance, placement: placement)
        let ranks = instance.outcomes(of: placement).compactMap { outcome -> Int? in
          if case .placed(_, let r) = outcome, r > 0 { return r }
          return nil
        }.sorted()
        let mid = ranks.count / 2
        let expected =
          ranks.isEmpty
          ? 0 : ranks.count % 2 == 1 ? Double(ranks[mid]) : Double(ranks[mid - 1] + ranks[mid]) / 2
        #expect(m.medianRank == expected, "seed \(seed)")
      }
      #expect(found)
    }
  }
}

@Suite("One mean rank")
struct MeanRankTests {
  @Test("a student pinned off their list is left out of every mean rank")
  func pinnedOffList() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "a", school: "X", cluster: "it", preferences: ["A"]),
        Student(id: "b", school: "X", cluster: "it", preferences: ["A", "B"]),
        Student(id: "p", school: "X", cluster: "it", preferences: ["A"]),
      ],
      worksites: [
        Worksite(id: "A", cluster: "it", capacity: 1),
        Worksite(id: "B", cluster: "it", capacity: 1),
        Worksite(id: "C", cluster: "it", capacity: 1),
      ],
      rules: PlacementRules(pins: [Pin(student: "p", worksite: "C")]))
    let placement = Placement([0, 1, 2])
    let summary = PlacementSummary(
      instance: instance, placement: placement, rankCost: .linear, strategy: "optimal",
      solver: "test", seed: nil)
    // Ranks 1 and 2 on the lists; the pinned student has none: (1 + 2) / 2, not (1 + 2) / 3.
    #expect(summary.metrics.unlisted == 1)
    #expect(summary.meanRank == 1.5)
    #expect(summary.metrics.meanRank == 1.5)
    #expect(summary.metrics.equity["school"]?.rows.first?.meanRank == 1.5)
    #expect(summary.text.contains("mean 1.50"))
  }

  @Test("equal rates and mean ranks: the largest gaps name two groups, first and last key")
  func tiedGaps() {
    let rows = ["it", "business", "healthcare"].map {
      EquityBreakdown.Row(key: $0, students: 12, placed: 10, meanRank: 2)
    }
    let breakdown = EquityBreakdown(rows)
    #expect(breakdown.largestGap?.best == "business")
    #expect(breakdown.largestGap?.worst == "it")
    #expect(breakdown.largestGap?.gap == 0)
    #expect(breakdown.largestMeanRankGap?.best == "business")
    #expect(breakdown.largestMeanRankGap?.worst == "it")
  }
}
