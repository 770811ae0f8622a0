import InternMatchModel
import InternMatchReport
import InternMatchTestSupport
import Testing

@Suite("PlacementSummary.statusSentence: each status in a coordinator's words")
struct StatusSentenceTests {
  /// A summary of two students placed at ranks 1 and 2 (rank cost 3) by `strategy`, with
  /// `status`, `statistics` and `gap`.
  static func summary(
    _ status: String?, strategy: String = "optimal", statistics: [String: Int] = [:],
    gap: Int? = nil
  ) throws -> PlacementSummary {
    let instance = try PlacementInstance(
      students: [
        Student(id: "a", school: "X", cluster: "it", preferences: ["A"]),
        Student(id: "b", school: "X", cluster: "it", preferences: ["A", "B"]),
      ],
      worksites: [
        Worksite(id: "A", cluster: "it", capacity: 1),
        Worksite(id: "B", cluster: "it", capacity: 1),
      ])
    var summary = PlacementSummary(
      instance: instance, placement: Placement([0, 1]), rankCost: .linear, strategy: strategy,
      solver: "test", seed: nil, statistics: statistics)
    summary.status = status
    summary.gap = gap
    return summary
  }

  @Test("optimal: what the strategy's proven optimum promises")
  func optimal() throws {
    #expect(
      try Self.summary("optimal").statusSentence(policy: nil)
        == "proven best: every student who could be placed is placed, at the lowest possible "
        + "rank cost")
    #expect(
      try Self.summary("optimal", strategy: "rank-maximal").statusSentence(policy: nil)
        == "proven best: as many first choices as possible, then as many second choices, and so on"
    )
    #expect(
      try Self.summary("optimal", strategy: "min-worst-rank").statusSentence(policy: nil)?
        .contains("the smallest possible worst rank") == true)
  }

  @Test("complete: a mechanism's end, with no gap")
  func complete() throws {
    #expect(
      try Self.summary("complete", strategy: "stable").statusSentence(policy: nil)
        == "stable ran to its end; it follows its own rules (priorities, lottery turns) rather "
        + "than minimising a cost, so there is no gap to report")
  }

  @Test("feasible with the proven statistics: the time limit, the rank-cost gap, placed maximal")
  func feasibleProven() throws {
    let stopped = try Self.summary(
      "feasible", statistics: ["mip_max_placed_proven": 1, "mip_rank_cost_gap": 1], gap: 1)
    // 1 of 3 is 33.33…%, rounded up to 33.4%: a gap is never understated.
    #expect(
      stopped.statusSentence(policy: Policy(mipTimeLimitSeconds: 60))
        == "stopped at the 60 s time limit: within 33.4% of the best possible rank cost (at most "
        + "1 lower); every student who could be placed is placed")
    #expect(
      stopped.statusSentence(policy: Policy(mipTimeLimitSeconds: 0.5, mipGap: 0.01))?
        .hasPrefix("stopped within the accepted gap (mip_gap 1%) or at the 0.5 s time limit: ")
        == true)
    #expect(
      try Self.summary(
        "feasible", statistics: ["mip_max_placed_proven": 0, "mip_rank_cost_gap": 1]
      )
      .statusSentence(policy: nil)
        == "stopped before proving the placement best: the placement is valid, but a placement "
        + "with more students may exist")
    #expect(
      try Self.summary(
        "feasible", statistics: ["mip_max_placed_proven": 0, "mip_placed_gap": 3]
      )
      .statusSentence(policy: nil)
        == "stopped before proving the placement best: the placement is valid, but a placement "
        + "with up to 3 more students may exist")
    #expect(
      try Self.summary(
        "feasible", statistics: ["mip_max_placed_proven": 1, "mip_rank_cost_gap": 0]
      )
      .statusSentence(policy: Policy())
        == "stopped at the 60 s time limit: at the best possible rank cost; every student who "
        + "could be placed is placed")
  }

  @Test("feasible because the model is too large for GLPK: no time limit is named")
  func feasibleTooLarge() throws {
    #expect(
      try Self.summary(
        "feasible",
        statistics: [
          "mip_max_placed_proven": 0, "mip_placed_gap": 16, "mip_too_large_for_glpk": 1,
        ]
      )
      .statusSentence(policy: Policy())
        == "not proven best: the model has too many choices for GLPK's branch-and-cut "
        + "(memory), so only the network relaxation bounds it: the placement is valid, but a "
        + "placement with up to 16 more students may exist")
  }

  @Test("feasible without those statistics: the gap in the search's own objective")
  func feasibleGapOnly() throws {
    #expect(
      try Self.summary("feasible", gap: 1_007).statusSentence(policy: Policy())
        == "stopped at the 60 s time limit: the placement is valid but not proven best (gap 1007 "
        + "in the objective −M·placed + cost)")
  }

  @Test("infeasible, refused and no status")
  func others() throws {
    #expect(
      try Self.summary("infeasible").statusSentence(policy: nil)?.hasPrefix("no placement") == true)
    #expect(
      try Self.summary("refused", strategy: "greedy").statusSentence(policy: nil)
        == "not run: greedy cannot honour a rule of this dataset")
    #expect(try Self.summary(nil).statusSentence(policy: nil) == nil)
  }
}
