import InternMatch
import InternMatchTestSupport
import Testing

@Suite("Menu summary: per-kind metrics")
struct MenuSummaryTests {
  /// The summary of `strategy`'s menu placement of `instance`.
  static func summary(
    _ instance: PlacementInstance, _ strategy: any MenuPlacing = OptimalStrategy()
  ) throws -> (MenuSummary, [MenuRow], MenuPlacement) {
    let result = try strategy.placeMenu(instance)
    let rows = instance.menuRows(of: result.placement)
    return (
      MenuSummary(
        instance: instance, placement: result.placement, rows: rows, rankCost: .linear,
        strategy: result.strategy, solver: result.solver, seed: nil),
      rows, result.placement
    )
  }

  @Test("menu-tiny, worked by hand (Datasets/menu-tiny/README.md)")
  func menuTiny() throws {
    let instance = try DatasetReader.read(directory: Paths.dataset("menu-tiny")).instance
    let (summary, _, _) = try Self.summary(instance)
    #expect(summary.studentsByPlacements == ["0": 2, "2": 2])
    #expect(summary.teachersByPlacements == ["1": 1])
    let kinds = Dictionary(uniqueKeysWithValues: summary.kinds.map { ($0.kind, $0) })
    let internship = try #require(kinds[.internship])
    #expect(internship.placed == 2 && internship.rankCost == 3 && internship.meanRank == 1.5)
    // Ana, Ben, Cy and Dan are offered internships; Ana and Ben got one.
    #expect(internship.people == 4 && internship.peopleByPlacements == ["0": 2, "1": 2])
    #expect(internship.unfilledSeats == 0 && internship.unfilledSlots == 0)
    let interviews = try #require(kinds[.mockInterview])
    // M1 one seat and M2 two: Ben M1, Ana M2; one seat of M2 left.
    #expect(interviews.seats == 3 && interviews.placed == 2 && interviews.unfilledSeats == 1)
    #expect(interviews.shortByReason == ["choices-full": 1])
    let school = try #require(interviews.equity["school"]?.rows.first)
    #expect(school.key == "02M600" && school.students == 4 && school.placed == 2)
    let tours = try #require(kinds[.workplaceTour])
    #expect(tours.placed == 0 && tours.unfilledSeats == 5 && tours.meanRank == nil)
    let externships = try #require(kinds[.teacherExternship])
    #expect(externships.people == 1 && externships.peopleByPlacements == ["1": 1])
    // Kinds with no worksite and no row are not in play.
    #expect(
      summary.kinds.filter(\.isInPlay).map(\.kind) == [
        .internship, .mockInterview, .workplaceTour, .teacherExternship,
      ])
    #expect(kinds[.apprenticeship]?.equity.isEmpty == true)
    #expect(summary.text.contains("mock-interview: 2 placed of 3 seats (1 unfilled)"))
    #expect(!summary.text.contains("apprenticeship"))
  }

  @Test("a mock-interview day: every (volunteer, slot) filled, 40 in each of the six labels")
  func mockInterviewDay() throws {
    let instance = try DatasetReader.read(directory: Paths.dataset("mock-interview-day")).instance
    let (summary, _, _) = try Self.summary(instance)
    let interviews = try #require(summary.kinds.first { $0.kind == .mockInterview })
    #expect(interviews.slotSeats == 240 && interviews.placed == 240)
    #expect(interviews.unfilledSlots == 0 && interviews.unfilledSeats == 0)
    #expect(interviews.slotUse.count == 6)
    #expect(interviews.slotUse.allSatisfy { $0.seats == 40 && $0.placed == 40 })
    #expect(interviews.slotUse.map(\.label) == interviews.slotUse.map(\.label).sorted())
    #expect(summary.text.contains("0 unfilled, 0 of them in slots"))
  }

  @Test("the status line: proven, or stopped at the time limit with the gaps the search left")
  func statusLine() throws {
    let instance = try DatasetReader.read(directory: Paths.dataset("mock-interview-day")).instance
    var (summary, _, _) = try Self.summary(instance)
    summary.status = "optimal"
    summary.timingsMilliseconds = ["read": 2.5, "solve": 351, "total": 360]
    #expect(
      summary.text.contains("\nStatus: optimal\nTime: read 2.5 ms · solve 351 ms · total 360 ms\n"))
    summary.status = "feasible"
    summary.statistics["mip_proven_optimal"] = 0
    summary.statistics["mip_placed_gap"] = 0
    summary.statistics["mip_cost_gap"] = 12
    #expect(
      summary.text.contains(
        "\nStatus: feasible — a search stopped at its time limit: at most 0 more placed, "
          + "rank cost at most 12 lower\n"))
    summary.statistics["mip_sets_not_searched"] = 3
    #expect(
      summary.text.contains(
        "\nStatus: feasible — the time limit came before 3 sets were searched (they keep their "
          + "start): at most 0 more placed, rank cost at most 12 lower\n"))
  }

  /// A small seeded menu with slots, roles, caps per kind and per employer.
  static func randomInstance(seed: UInt64) throws -> PlacementInstance {
    var rng = SplitMix64(seed: seed)
    let siteKinds: [WorksiteKind] = [
      .internship, .mockInterview, .workplaceTour, .teacherExternship,
    ]
    let labels = [[], ["am"], ["pm"], ["am", "pm"], ["am", "mid", "pm"]]
    let worksites = (0..<Int.random(in: 3...8, using: &rng)).map { j in
      var w = Worksite(
        id: "W\(j)", employer: ["A", "B", "C"][Int.random(in: 0..<3, using: &rng)],
        cluster: "it", capacity: Int.random(in: 0...3, using: &rng),
        kind: siteKinds[Int.random(in: 0..<siteKinds.count, using: &rng)])
      w.borough = ["Bronx", nil][Int.random(in: 0..<2, using: &rng)]
      w.slots = labels[Int.random(in: 0..<labels.count, using: &rng)]
      return w
    }
    let students = (0..<Int.random(in: 3...12, using: &rng)).map { i in
      var s = Student(
        id: "S\(i)", school: ["X1", "X2"][Int.random(in: 0..<2, using: &rng)], cluster: "it",
        preferences: Array(
          worksites.map(\.id).shuffled(using: &rng).prefix(Int.random(in: 0...5, using: &rng))))
      s.borough = ["Queens", nil][Int.random(in: 0..<2, using: &rng)]
      if Int.random(in: 0..<5, using: &rng) == 0 { s.role = .teacher }
      return s
    }
    let rules = [
      ActivityRule(kind: .mockInterview, maxPerParticipant: 2, priority: 1, maxPerEmployer: 1),
      ActivityRule(kind: .internship, maxPerParticipant: 1, priority: 2),
      ActivityRule(kind: .workplaceTour, maxPerParticipant: 2, priority: 3),
    ]
    return try PlacementInstance(
      students: students, worksites: worksites,
      rules: PlacementRules(activities: ActivityMenu(rules)))
  }

  @Test(
    "invariants: per-kind sums equal the placements.csv rows, seats = placed + unfilled",
    arguments: 0..<40)
  func invariants(seed: UInt64) throws {
    let instance = try Self.randomInstance(seed: seed)
    for strategy: any MenuPlacing in [
      OptimalStrategy(), SerialDictatorshipStrategy(seed: seed), GreedyStrategy(seed: seed),
    ] {
      let (summary, rows, placement) = try Self.summary(instance, strategy)
      let placedRows = rows.filter { $0.worksite != nil }
      #expect(summary.placements == placedRows.count)
      #expect(summary.kinds.reduce(0) { $0 + $1.placed } == placedRows.count)
      #expect(summary.people == instance.students.count)
      for counts in [summary.peopleByPlacements] {
        #expect(counts.values.reduce(0, +) == summary.people)
      }
      #expect(
        summary.studentsByPlacements.values.reduce(0, +)
          + summary.teachersByPlacements.values.reduce(0, +) == summary.people)
      for k in summary.kinds {
        let ofKind = rows.filter { $0.kind == k.kind }
        #expect(k.placed == ofKind.count { $0.worksite != nil }, "\(k.kind) seed \(seed)")
        #expect(k.rankHistogram.values.reduce(0, +) == k.placed)
        #expect(k.shortByReason.values.reduce(0, +) == ofKind.count { $0.worksite == nil })
        #expect(k.unfilledSeats + k.unfilledSlots == k.seats - k.placed, "\(k.kind) seed \(seed)")
        #expect(k.peopleByPlacements.values.reduce(0, +) == k.people)
        let held = k.peopleByPlacements.reduce(0) { $0 + (Int($1.key) ?? 0) * $1.value }
        #expect(held == k.placed)
        let inSlots = placement.entries.count {
          instance.worksites[$0.worksite].kind == k.kind && $0.slot != nil
        }
        #expect(k.slotUse.reduce(0) { $0 + $1.placed } == inSlots)
        #expect(k.slotUse.reduce(0) { $0 + $1.seats } == k.slotSeats)
        #expect(k.slotSeats - inSlots == k.unfilledSlots)
        for (_, breakdown) in k.equity {
          #expect(breakdown.rows.reduce(0) { $0 + $1.students } == k.people)
          #expect(
            breakdown.rows.reduce(0) { $0 + $1.placed }
              == k.peopleByPlacements.filter {
                $0.key != "0"
              }.values.reduce(0, +))
        }
      }
    }
  }

  @Test("the HTML report carries every per-kind number of the summary, escaped")
  func report() throws {
    let instance = try DatasetReader.read(directory: Paths.dataset("mock-interview-day")).instance
    let (summary, rows, placement) = try Self.summary(instance)
    let html = MenuReport(instance: instance, placement: placement, rows: rows, summary: summary)
      .html
    #expect(html.contains("data-metric=\"placements\" data-value=\"\(summary.placements)\""))
    for k in summary.kinds where k.isInPlay {
      let kind = k.kind.rawValue
      #expect(html.contains("id=\"h-kind-\(kind)\""))
      #expect(
        html.contains("data-kind=\"\(kind)\" data-metric=\"placed\" data-value=\"\(k.placed)\""))
      for (rank, n) in k.rankHistogram {
        #expect(html.contains("data-kind=\"\(kind)\" data-rank=\"\(rank)\" data-value=\"\(n)\""))
      }
      for (count, n) in k.peopleByPlacements {
        #expect(html.contains("data-kind=\"\(kind)\" data-count=\"\(count)\" data-value=\"\(n)\""))
      }
      for use in k.slotUse {
        #expect(
          html.contains(
            "data-kind=\"\(kind)\" data-label=\"\(use.label)\" data-seats=\"\(use.seats)\" "
              + "data-placed=\"\(use.placed)\""))
      }
    }
    // The grid: V01 holds one person in each of its six slots.
    #expect(html.contains("data-worksite=\"V01\" data-slot=\"2027-03-16T09:00\" data-placed=\"1\""))
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(!html.contains("id=\"h-kind-apprenticeship\""))
  }

  @Test("compare on a menu: one row per kind in play and all, per seed; statistics per kind")
  func comparison() throws {
    let instance = try DatasetReader.read(directory: Paths.dataset("menu-tiny")).instance
    let table = try LotteryReplications(
      [
        ("optimal", OptimalStrategy()),
        ("serial-dictatorship", SerialDictatorshipStrategy(seed: 0)),
        ("stable-worksite-proposing", WorksiteProposingStableStrategy(seed: 0)),
      ], seeds: [1, 2, 3]
    ).runMenu(instance)
    #expect(table.skipped.map(\.strategy) == ["stable-worksite-proposing"])
    let kinds = ["internship", "mock-interview", "workplace-tour", "teacher-externship", "all"]
    #expect(table.rows.filter { $0.strategy == "optimal" && $0.seed == 1 }.map(\.kind) == kinds)
    #expect(table.rows.count == 2 * 3 * kinds.count)
    // Optimal runs once: every seed has its numbers; `all` sums the kinds.
    let all = try #require(table.rows.first { $0.strategy == "optimal" && $0.kind == "all" })
    #expect(all.placed == 5 && all.rankCost == 7 && all.short == 2 && all.unfilledSeats == 6)
    #expect(all.peopleByPlacements == ["0": 2, "1": 1, "2": 2])
    let csv = table.rendered(as: .csv)
    #expect(
      csv.hasPrefix(
        "strategy,seed,kind,placed,mean_rank,rank_cost,short,unfilled_seats,unfilled_slots,"
          + "with_0,with_1,with_2,ms,skipped\noptimal,1,internship,2,1.5,3,0,0,0,2,2,0,"))
    #expect(csv.contains("\noptimal,mean,all,5,1.4,7,2,6,0,2,1,2,"))
    #expect(csv.contains("\noptimal,sd,all,0,0,0,0,0,0,0,0,0,"))
    #expect(
      csv.hasSuffix(
        "stable-worksite-proposing,,,,,,,,,,,,,cannot place a menu of activities (activities.csv)\n"
      ))
    #expect(table.rendered(as: .text).contains("5 people, 3 seeds"))
    let page = MenuComparisonReport(table).html
    #expect(
      page.contains(
        "data-chart=\"placed\" data-kind=\"all\" data-strategy=\"optimal\" data-value=\"5.0000\""))
  }
}
