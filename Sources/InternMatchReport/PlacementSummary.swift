import InternMatchModel

/// The headline numbers of a run, as written to `summary.json` and printed for people.
///
/// ```swift
/// let summary = PlacementSummary(instance: instance, placement: p, rankCost: .linear,
///                                strategy: "optimal", solver: "glpk-simplex 5.0", seed: nil)
/// summary.placed  // students with a seat
/// ```
///
/// - Complexity: O(S + L).
public struct PlacementSummary: Hashable, Sendable, Codable {
  /// Number of students.
  public var students: Int
  /// Number of worksites and their total seats.
  public var worksites: Int
  public var seats: Int
  /// Students placed and unplaced.
  public var placed: Int
  public var unplaced: Int
  /// Unplaced students by reason code.
  public var unplacedByReason: [String: Int]
  /// Placed students by the rank of their seat: `rankHistogram["1"]` got their first choice.
  public var rankHistogram: [String: Int]
  /// Sum of the ranks of placed students.
  public var totalRank: Int
  /// The objective's rank cost (`linear` or `squared`) and its total.
  public var rankCost: RankCost
  public var totalRankCost: Int
  /// Mean rank of the students placed at a worksite on their own list, the same number as
  /// ``OutcomeMetrics/meanRank`` and every breakdown's: students placed off their list (a pin
  /// or `place_unranked`, reported with rank 0) have no rank and are left out; they are
  /// counted in `metrics.unlisted`. 0 when no one is placed on their list.
  public var meanRank: Double
  /// Strategy, backend and seed of the run.
  public var strategy: String
  public var solver: String
  public var seed: UInt64?
  /// Listed pairs ruled out by eligibility, by reason code.
  public var ineligibleByReason: [String: Int]
  /// Stage timings in milliseconds (`read`, `solve`, `cross_check` when asked for, `verify`,
  /// `explain` when the run explains (`--explain` or `--report`), `total`; the human summary
  /// adds `write`, which the file cannot hold).
  public var timingsMilliseconds: [String: Double]
  /// Backend counters, such as the number of components.
  public var statistics: [String: Int]
  /// Number of warnings met while reading.
  public var warnings: Int
  /// Rates, rank profile, utilisation, distance and equity breakdowns.
  public var metrics: OutcomeMetrics
  /// Blocking pairs (justified envy) with respect to worksite priorities, when measured.
  public var blockingPairs: Int?
  /// What a coordinator must read about the run (floors not met and why, a search stopped at
  /// its time limit); empty for a clean run.
  public var diagnostics: [String] = []
  /// How the run ended: `optimal` (proven), `feasible` (valid, optimality not proven: see
  /// ``gap``), or `complete` (a mechanism that optimises nothing ran to its end); `nil` when
  /// the summary was made outside a run.
  public var status: String?
  /// For a `feasible` run, the proven gap in the units of the search's objective
  /// (`−M·placed + cost`, as the diagnostics explain); `nil` otherwise.
  public var gap: Int?
  /// ``status`` in words a coordinator reads (``statusSentence(policy:)``), as the run set it;
  /// `nil` when the summary was made outside a run.
  public var statusNote: String?
  /// For a re-match, how many students each change (`kept`, `moved`, `newly-placed`,
  /// `lost-seat`, `withdrawn`, `still-unplaced`) applies to; `nil` otherwise.
  public var changes: [String: Int]?

  enum CodingKeys: String, CodingKey {
    case students, worksites, seats, placed, unplaced
    case unplacedByReason = "unplaced_by_reason"
    case rankHistogram = "rank_histogram"
    case totalRank = "total_rank"
    case rankCost = "rank_cost"
    case totalRankCost = "total_rank_cost"
    case meanRank = "mean_rank"
    case strategy, solver, seed
    case ineligibleByReason = "ineligible_by_reason"
    case timingsMilliseconds = "timings_ms"
    case statistics, warnings, metrics
    case blockingPairs = "blocking_pairs"
    case diagnostics, status, gap, changes
    case statusNote = "status_note"
  }

  /// Summarises `placement` of `instance`; `outcomes`, when the caller has them already, must be
  /// `instance.outcomes(of: placement)`.
  public init(
    instance: PlacementInstance, placement: Placement, outcomes: [StudentOutcome]? = nil,
    rankCost: RankCost, strategy: String, solver: String, seed: UInt64?,
    statistics: [String: Int] = [:], warnings: Int = 0,
    timingsMilliseconds: [String: Double] = [:], blockingPairs: Int? = nil
  ) {
    let outcomes = outcomes ?? instance.outcomes(of: placement)
    metrics = OutcomeMetrics(instance: instance, placement: placement, outcomes: outcomes)
    self.blockingPairs = blockingPairs
    students = instance.students.count
    worksites = instance.worksites.count
    seats = metrics.seats
    var byReason: [String: Int] = [:]
    for case .unplaced(let reason) in outcomes {
      byReason[reason.rawValue, default: 0] += 1
    }
    var histogram: [String: Int] = [:]
    var total = 0
    var totalCost = 0
    for (k, n) in metrics.rankProfile.enumerated() where n > 0 {
      histogram[String(k + 1)] = n
      total += (k + 1) * n
      totalCost += rankCost.cost(ofRank: k + 1) * n
    }
    let count = metrics.placed
    // Pairs counted by their set of reasons first: few distinct sets, many pairs.
    var bySet = [Int](repeating: 0, count: 256)
    for pair in instance.ineligibleChoices { bySet[Int(pair.reasons.rawValue)] += 1 }
    var ineligible: [String: Int] = [:]
    for (bits, n) in bySet.enumerated() where n > 0 {
      for code in Ineligibility(rawValue: UInt8(bits)).codes { ineligible[code, default: 0] += n }
    }
    placed = count
    unplaced = students - count
    unplacedByReason = byReason
    rankHistogram = histogram
    totalRank = total
    self.rankCost = rankCost
    totalRankCost = totalCost
    meanRank = metrics.meanRank
    self.strategy = strategy
    self.solver = solver
    self.seed = seed
    ineligibleByReason = ineligible
    self.timingsMilliseconds = timingsMilliseconds
    self.statistics = statistics
    self.warnings = warnings
  }
}
