import InternMatchModel

/// The headline numbers of a menu run (`activities.csv`), kind by kind, as written to
/// `summary.json` and printed for people.
///
/// ```swift
/// let summary = MenuSummary(instance: instance, placement: p, rows: rows, rankCost: .linear,
///                           strategy: "optimal", solver: "network-simplex", seed: nil)
/// summary.kinds.first?.placed  // placements of the first kind served
/// ```
///
/// - Complexity: O(K·(S + W) + rows + slots) for K kinds.
public struct MenuSummary: Hashable, Sendable, Codable {
  /// One kind's numbers.
  public struct Kind: Hashable, Sendable, Codable {
    /// The kind, its priority, who takes it and its caps.
    public var kind: WorksiteKind
    public var priority: Int
    public var participants: ParticipantRole
    public var maxPerParticipant: Int
    public var maxPerEmployer: Int?
    /// Worksites of the kind and their seats (in each slot for worksites with slots).
    public var worksites: Int
    public var seats: Int
    /// Placements of the kind, their rank cost, and the placements by rank within the kind.
    public var placed: Int
    public var rankCost: Int
    public var rankHistogram: [String: Int]
    /// (person, kind) rows left short, by reason.
    public var shortByReason: [String: Int]
    /// Mean rank (within the kind) of the placements; `nil` with none.
    public var meanRank: Double?
    /// People the kind is offered to (of its role, when `max_per_participant` > 0), and those
    /// people by their number of placements of the kind: `peopleByPlacements["0"]` got none.
    public var people: Int
    public var peopleByPlacements: [String: Int]
    /// Of ``seats``, the seats at worksites with slots (`capacity` × slots).
    public var slotSeats: Int
    /// Seats left empty at worksites without slots, and seats left empty in one slot label
    /// at worksites with slots: ``unfilledSeats`` + ``unfilledSlots`` = ``seats`` − ``placed``.
    public var unfilledSeats: Int
    public var unfilledSlots: Int
    /// Seats and placements in each slot label over the kind's worksites with slots, by label.
    public var slotUse: [SlotUse]
    /// The kind's people by `school` and by `borough` (`unknown` when empty): people, those
    /// with at least one placement of the kind, and the mean rank of their placements; empty
    /// for a kind offered to nobody or without worksites.
    public var equity: [String: EquityBreakdown]
    /// Blocking pairs of the kind given the kinds served before it
    /// (``/InternMatchModel/PlacementInstance/menuBlockingPairs(in:priorities:)``, priorities
    /// of the run's seed); `nil` when not counted.
    public var blockingPairs: Int? = nil

    enum CodingKeys: String, CodingKey {
      case kind, priority, participants, worksites, seats, placed, people, equity
      case maxPerParticipant = "max_per_participant"
      case maxPerEmployer = "max_per_employer"
      case rankCost = "rank_cost"
      case rankHistogram = "rank_histogram"
      case shortByReason = "short_by_reason"
      case meanRank = "mean_rank"
      case peopleByPlacements = "people_by_placements"
      case slotSeats = "slot_seats"
      case unfilledSeats = "unfilled_seats"
      case unfilledSlots = "unfilled_slots"
      case slotUse = "slot_use"
      case blockingPairs = "blocking_pairs"
    }

    /// Seats left empty over the kind: ``unfilledSeats`` + ``unfilledSlots``.
    public var unfilled: Int { unfilledSeats + unfilledSlots }

    /// Whether the kind is in play: offered to somebody, with a worksite or a row left short
    /// (the text, the report and `compare` show only these; `summary.json` has every kind).
    public var isInPlay: Bool { people > 0 && (worksites > 0 || !shortByReason.isEmpty) }
  }

  /// One slot label's seats and placements within a kind.
  public struct SlotUse: Hashable, Sendable, Codable {
    /// The label, as the worksites' `slots` give it.
    public var label: String
    /// Seats in that label: the `capacity` of every worksite of the kind listing it.
    public var seats: Int
    /// Placements in that label.
    public var placed: Int
  }

  /// People (students and teachers) and teachers among them.
  public var people: Int
  public var teachers: Int
  /// Placements over every kind.
  public var placements: Int
  /// People by their number of placements: `peopleByPlacements["2"]` hold two.
  public var peopleByPlacements: [String: Int]
  /// Students (role `student`) and teachers by their number of placements.
  public var studentsByPlacements: [String: Int]
  public var teachersByPlacements: [String: Int]
  /// Every kind, in service order.
  public var kinds: [Kind]
  /// The rank cost (`linear` or `squared`).
  public var rankCost: RankCost
  /// Strategy, backend, seed and status of the run.
  public var strategy: String
  public var solver: String
  public var seed: UInt64?
  public var status: String?
  /// Backend counters and stage timings in milliseconds.
  public var statistics: [String: Int]
  public var timingsMilliseconds: [String: Double]
  /// Number of warnings met while reading.
  public var warnings: Int
  /// For a re-match, the (person, kind) rows of `changes.csv` by change; `nil` otherwise.
  public var changes: [String: Int]? = nil

  enum CodingKeys: String, CodingKey {
    case people, teachers, placements, kinds, strategy, solver, seed, status, statistics
    case warnings, changes
    case peopleByPlacements = "people_by_placements"
    case studentsByPlacements = "students_by_placements"
    case teachersByPlacements = "teachers_by_placements"
    case rankCost = "rank_cost"
    case timingsMilliseconds = "timings_ms"
  }

  /// Summarises `placement` of `instance`, whose `menuRows` are `rows`.
  ///
  /// - Precondition: the instance has a menu.
  public init(
    instance: PlacementInstance, placement: MenuPlacement, rows: [MenuRow], rankCost: RankCost,
    strategy: String, solver: String, seed: UInt64?, statistics: [String: Int] = [:],
    warnings: Int = 0
  ) {
    guard let menu = instance.activities else { preconditionFailure("the instance has no menu") }
    let students = instance.students
    let worksites = instance.worksites
    people = students.count
    teachers = students.count { $0.role == .teacher }
    placements = placement.count
    var held = [Int](repeating: 0, count: students.count)
    // Placements of each person by kind level, and seats taken per worksite and slot.
    var heldOfKind = [[Int]](
      repeating: [Int](repeating: 0, count: students.count), count: menu.served.count)
    var load = worksites.map { [Int](repeating: 0, count: max(1, $0.slots.count)) }
    for e in placement.entries {
      held[e.student] += 1
      heldOfKind[menu.level(of: worksites[e.worksite].kind)][e.student] += 1
      load[e.worksite][e.slot ?? 0] += 1
    }
    // Counted by number in a flat array, then keyed by text: one String per distinct count,
    // not one per person.
    func tally(_ counts: some Sequence<Int>) -> [String: Int] {
      var byCount: [Int] = []
      for n in counts {
        if n >= byCount.count { byCount += repeatElement(0, count: n - byCount.count + 1) }
        byCount[n] += 1
      }
      var tallied: [String: Int] = [:]
      for (n, people) in byCount.enumerated() where people > 0 { tallied[String(n)] = people }
      return tallied
    }
    peopleByPlacements = tally(held)
    studentsByPlacements = tally(
      students.indices.lazy.filter { students[$0].role == .student }
        .map { held[$0] })
    teachersByPlacements = tally(
      students.indices.lazy.filter { students[$0].role == .teacher }
        .map { held[$0] })
    // The ranks of each person's placements of each kind, from the rows.
    var ranks = [[[Int]]](
      repeating: [[Int]](repeating: [], count: students.count), count: menu.served.count)
    for row in rows where row.worksite != nil {
      if let kind = row.kind { ranks[menu.level(of: kind)][row.student].append(row.rank ?? 0) }
    }
    // Per kind level, from the rows in one pass: placement rows by rank (0 without one), short
    // rows by reason, and the sum and number of the placements' ranks above 0 (counted as
    // integers, one String per distinct key instead of one per row).
    var rankCounts = [[Int]](repeating: [], count: menu.served.count)
    var reasonCounts = [[Int]](
      repeating: [Int](repeating: 0, count: MenuShortfall.allCases.count),
      count: menu.served.count)
    var rankSum = [Int](repeating: 0, count: menu.served.count)
    var ranked = [Int](repeating: 0, count: menu.served.count)
    for row in rows {
      guard let kind = row.kind else { continue }
      let level = menu.level(of: kind)
      if let reason = row.reason {
        reasonCounts[level][MenuShortfall.allCases.firstIndex(of: reason) ?? 0] += 1
      } else {
        let rank = row.rank ?? 0
        if rank >= rankCounts[level].count {
          rankCounts[level] += repeatElement(0, count: rank - rankCounts[level].count + 1)
        }
        rankCounts[level][rank] += 1
      }
      if row.worksite != nil, let rank = row.rank, rank > 0 {
        rankSum[level] += rank
        ranked[level] += 1
      }
    }
    let objective = instance.objective(of: placement, rankCost: rankCost)
    kinds = menu.served.enumerated().map { level, rule in
      let sites = worksites.indices.filter { worksites[$0].kind == rule.kind }
      let offered = students.indices.filter { menu.offers(rule.kind, to: students[$0].role) }
      var seats = 0
      var slotSeats = 0
      var unfilledSeats = 0
      var unfilledSlots = 0
      var byLabel: [String: (seats: Int, placed: Int)] = [:]
      for w in sites {
        let site = worksites[w]
        let empty = load[w].reduce(0) { $0 + max(0, site.capacity - $1) }
        seats += site.capacity * max(1, site.slots.count)
        guard !site.slots.isEmpty else {
          unfilledSeats += empty
          continue
        }
        slotSeats += site.capacity * site.slots.count
        unfilledSlots += empty
        for (t, label) in site.slots.enumerated() {
          byLabel[label, default: (0, 0)].seats += site.capacity
          byLabel[label, default: (0, 0)].placed += load[w][t]
        }
      }
      var school = TallyTable()
      var borough = TallyTable()
      for s in offered {
        school.count(students[s].school, ranks: ranks[level][s])
        borough.count(students[s].borough ?? "unknown", ranks: ranks[level][s])
      }
      return Kind(
        kind: rule.kind, priority: rule.priority, participants: rule.participants,
        maxPerParticipant: rule.maxPerParticipant, maxPerEmployer: rule.maxPerEmployer,
        worksites: sites.count, seats: seats,
        placed: objective.levels[level].placed, rankCost: objective.levels[level].cost,
        rankHistogram: Dictionary(
          uniqueKeysWithValues: rankCounts[level].enumerated().filter { $0.element > 0 }.map {
            (String($0.offset), $0.element)
          }),
        shortByReason: Dictionary(
          uniqueKeysWithValues: zip(MenuShortfall.allCases, reasonCounts[level]).filter {
            $0.1 > 0
          }.map { ($0.0.rawValue, $0.1) }),
        meanRank: ranked[level] == 0 ? nil : Double(rankSum[level]) / Double(ranked[level]),
        people: offered.count, peopleByPlacements: tally(offered.map { heldOfKind[level][$0] }),
        slotSeats: slotSeats, unfilledSeats: unfilledSeats, unfilledSlots: unfilledSlots,
        slotUse: byLabel.sorted { $0.key < $1.key }.map {
          SlotUse(label: $0.key, seats: $0.value.seats, placed: $0.value.placed)
        },
        equity: offered.isEmpty || sites.isEmpty
          ? [:] : ["school": school.breakdown, "borough": borough.breakdown])
    }
    self.rankCost = rankCost
    self.strategy = strategy
    self.solver = solver
    self.seed = seed
    self.statistics = statistics
    timingsMilliseconds = [:]
    self.warnings = warnings
  }

  /// The summary for people: the totals, then one line per kind offered to anybody, in
  /// service order — placed, seats and unfilled (slots apart), mean rank, rank cost, short rows,
  /// and the kind's people by their number of its placements — then students and teachers by
  /// their number of placements; then the status (with the gaps a search stopped at its time
  /// limit left), the stage timings and the seed.
  ///
  /// ```text
  /// Placed 5 activities for 5 people (teachers among them: 1), strategy optimal (…).
  /// internship: 2 placed of 2 seats (0 unfilled), mean rank 1.50, rank cost 3, short 0; people with 0/1: 2 · 2
  /// Students by placements: 0: 2 · 2: 2 · Teachers by placements: 1: 1
  /// Status: optimal
  /// Time: read 1.2 ms · solve 3.4 ms · verify 0.2 ms · write 2.0 ms · total 7.1 ms
  /// Seed: 0
  /// ```
  public var text: String {
    let offered = kinds.filter(\.isInPlay)
    let perKind = offered.map { k in
      let unfilled =
        k.slotSeats > 0
        ? "\(k.unfilled) unfilled, \(k.unfilledSlots) of them in slots"
        : "\(k.unfilled) unfilled"
      let byCount = Self.ordered(k.peopleByPlacements)
      return "\(k.kind.rawValue): \(k.placed) placed of \(k.seats) seats (\(unfilled)), mean rank "
        + (k.meanRank.map { String(format: "%.2f", $0) } ?? "—")
        + ", rank cost \(k.rankCost), short \(k.shortByReason.values.reduce(0, +)); people with "
        + byCount.map { String($0.0) }.joined(separator: "/") + ": "
        + byCount.map { String($0.1) }.joined(separator: " · ")
    }
    func line(_ title: String, _ counts: [String: Int]) -> String {
      "\(title) by placements: "
        + Self.ordered(counts).map { "\($0.0): \($0.1)" }.joined(separator: " · ")
    }
    let byRole =
      [
        studentsByPlacements.isEmpty ? nil : line("Students", studentsByPlacements),
        teachersByPlacements.isEmpty ? nil : line("Teachers", teachersByPlacements),
      ].compactMap { $0 }
    let closing = [
      status.map { "Status: \($0)" + statusNote }, PlacementSummary.timeLine(timingsMilliseconds),
      seed.map { "Seed: \($0)" },
    ].compactMap { $0 }
    return
      ([
        "Placed \(placements) activities for \(people) people (teachers among them: \(teachers)), "
          + "strategy \(strategy) (\(solver))."
      ] + (perKind.isEmpty ? ["No kind offered."] : perKind) + [byRole.joined(separator: " · ")]
      + closing)
      .joined(separator: "\n") + "\n"
  }

  /// What the status line adds to the status: for a search stopped at its time limit, or sets
  /// the deadline reached before their search (`mip_sets_not_searched`, which keep their
  /// start), the gaps left (`mip_placed_gap`: how many more could at most be placed;
  /// `mip_cost_gap`: how much lower the rank cost could at most be at the number placed), else
  /// nothing.
  var statusNote: String {
    guard statistics["mip_proven_optimal"] == 0 else { return "" }
    let placedGap = statistics["mip_placed_gap"].map { "at most \($0) more placed" }
    let costGap = statistics["mip_cost_gap"].map { "rank cost at most \($0) lower" }
    let parts = [placedGap, costGap].compactMap { $0 }
    let unsearched = statistics["mip_sets_not_searched", default: 0]
    let why =
      unsearched == 0
      ? " — a search stopped at its time limit"
      : unsearched == 1
        ? " — the time limit came before 1 set was searched (it keeps its start)"
        : " — the time limit came before \(unsearched) sets were searched (they keep their start)"
    return why + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
  }

  /// The `(k, people)` pairs of a by-placements tally, by k.
  static func ordered(_ counts: [String: Int]) -> [(Int, Int)] {
    counts.compactMap { key, n in Int(key).map { ($0, n) } }.sorted { $0.0 < $1.0 }
  }
}
