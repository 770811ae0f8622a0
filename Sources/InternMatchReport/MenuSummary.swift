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
/// - Complexity: O(S + W + rows).
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
    /// Blocking pairs of the kind given the kinds served before it
    /// (``/InternMatchModel/PlacementInstance/menuBlockingPairs(in:priorities:)``, priorities
    /// of the run's seed); `nil` when not counted.
    public var blockingPairs: Int? = nil

    enum CodingKeys: String, CodingKey {
      case kind, priority, participants, worksites, seats, placed
      case maxPerParticipant = "max_per_participant"
      case maxPerEmployer = "max_per_employer"
      case rankCost = "rank_cost"
      case rankHistogram = "rank_histogram"
      case shortByReason = "short_by_reason"
      case blockingPairs = "blocking_pairs"
    }
  }

  /// People (students and teachers) and teachers among them.
  public var people: Int
  public var teachers: Int
  /// Placements over every kind.
  public var placements: Int
  /// People by their number of placements: `peopleByPlacements["2"]` hold two.
  public var peopleByPlacements: [String: Int]
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

  enum CodingKeys: String, CodingKey {
    case people, teachers, placements, kinds, strategy, solver, seed, status, statistics
    case warnings
    case peopleByPlacements = "people_by_placements"
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
    people = instance.students.count
    teachers = instance.students.count { $0.role == .teacher }
    placements = placement.count
    var held = [Int](repeating: 0, count: instance.students.count)
    for e in placement.entries { held[e.student] += 1 }
    peopleByPlacements = Dictionary(held.map { (String($0), 1) }, uniquingKeysWith: +)
    let objective = instance.objective(of: placement, rankCost: rankCost)
    kinds = menu.served.enumerated().map { level, rule in
      let sites = instance.worksites.filter { $0.kind == rule.kind }
      let ofKind = rows.filter { $0.kind == rule.kind }
      return Kind(
        kind: rule.kind, priority: rule.priority, participants: rule.participants,
        maxPerParticipant: rule.maxPerParticipant, maxPerEmployer: rule.maxPerEmployer,
        worksites: sites.count,
        seats: sites.reduce(0) { $0 + $1.capacity * max(1, $1.slots.count) },
        placed: objective.levels[level].placed, rankCost: objective.levels[level].cost,
        rankHistogram: Dictionary(
          ofKind.compactMap { $0.reason == nil ? ($0.rank.map(String.init) ?? "0", 1) : nil },
          uniquingKeysWith: +),
        shortByReason: Dictionary(
          ofKind.compactMap { $0.reason.map { ($0.rawValue, 1) } }, uniquingKeysWith: +))
    }
    self.rankCost = rankCost
    self.strategy = strategy
    self.solver = solver
    self.seed = seed
    self.statistics = statistics
    timingsMilliseconds = [:]
    self.warnings = warnings
  }

  /// The summary for people: placements per kind in service order, then people by their
  /// number of placements.
  ///
  /// ```text
  /// Placed 3 activities for 2 people (teachers among them: 1), strategy optimal (…).
  /// mock-interview: 2 placed, rank cost 3, short 0 · internship: 1 placed, rank cost 1, short 1
  /// People by placements: 0: 0 · 1: 1 · 2: 1
  /// ```
  public var text: String {
    let offered = kinds.filter { $0.placed > 0 || !$0.shortByReason.isEmpty }
    let perKind = offered.map {
      "\($0.kind.rawValue): \($0.placed) placed, rank cost \($0.rankCost), short "
        + "\($0.shortByReason.values.reduce(0, +))"
    }
    let byCount = peopleByPlacements.compactMap { key, n in Int(key).map { ($0, n) } }.sorted {
      $0.0 < $1.0
    }
    return [
      "Placed \(placements) activities for \(people) people (teachers among them: \(teachers)), "
        + "strategy \(strategy) (\(solver)).",
      perKind.isEmpty ? "No kind placed." : perKind.joined(separator: " · "),
      "People by placements: " + byCount.map { "\($0.0): \($0.1)" }.joined(separator: " · "),
    ].joined(separator: "\n") + "\n"
  }
}
