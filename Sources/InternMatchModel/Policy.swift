/// How a placed student's rank turns into cost in the `optimal` objective.
public enum RankCost: String, Hashable, Sendable, Codable, CaseIterable {
  /// Cost = rank: minimises the sum of ranks.
  case linear
  /// Cost = rank²: penalises poor outcomes more, favouring an even spread.
  case squared

  /// The cost of a placement at `rank` (1-based).
  ///
  /// ```swift
  /// RankCost.squared.cost(ofRank: 3)  // 9
  /// ```
  @inlinable
  public func cost(ofRank rank: Int) -> Int {
    switch self {
    case .linear: rank
    case .squared: rank * rank
    }
  }
}

/// Run settings that travel with a dataset (`policy.json`).
///
/// ```swift
/// var policy = Policy()
/// policy.maximumDistanceKilometres = 25
/// ```
public struct Policy: Hashable, Sendable, Codable {
  /// The strategy names `policy.json` may give: those the command line runs (a test keeps the
  /// two lists equal). A name outside it is an error when the dataset is read.
  public static let strategyNames = [
    "optimal", "optimal-squared", "rank-maximal", "stable", "stable-worksite-proposing",
    "top-trading-cycles", "serial-dictatorship", "greedy", "min-worst-rank",
  ]

  /// The strategy to run when none is named on the command line.
  public var strategy: String?
  /// The seed for strategies that draw lotteries; recorded with every run.
  public var seed: UInt64?
  /// The rank cost of the `optimal` objective.
  public var rankCost: RankCost
  /// The farthest a student may travel, when both ends have coordinates; `nil` means no limit.
  public var maximumDistanceKilometres: Double?
  /// Each school places at least this share (0–1) of its students, when feasible.
  public var schoolFloor: Double?
  /// Whether reserved seats are filled before open seats (`true`) or after them.
  public var reservedSeatsFirst: Bool
  /// Whether reserved seats left unfilled by their group revert to open seats.
  public var reservesRevert: Bool
  /// Whether students with no list may be placed into eligible seats of their own cluster.
  public var placeUnranked: Bool
  /// Priority groups in precedence order: at a worksite without its own ranking, and in
  /// sequential strategies, members of the first group come before those of the second, and
  /// so on, before everyone else; the lottery orders students within a tier.
  public var priorityGroups: [String]
  /// How lottery numbers are drawn for worksites without their own ranking.
  public var tieBreaking: TieBreaking
  /// How long branch-and-cut may search for an optimum when minimum group sizes or links make
  /// `optimal` a MIP; the best placement found is returned with its gap when time runs out.
  public var mipTimeLimitSeconds: Double
  /// The relative gap (0–1) at which that search may stop: 0 proves optimality; 0.001 accepts a
  /// placement proven within 0.1% of the optimum of `−M·placed + cost`.
  public var mipGap: Double
  /// The day placements start, `YYYY-MM-DD`: students' ages are counted on it when a dataset
  /// gives birth dates.
  public var placementStart: String? = nil

  /// Creates a policy.
  public init(
    strategy: String? = nil, seed: UInt64? = nil, rankCost: RankCost = .linear,
    maximumDistanceKilometres: Double? = nil, schoolFloor: Double? = nil,
    reservedSeatsFirst: Bool = true, reservesRevert: Bool = true, placeUnranked: Bool = false,
    priorityGroups: [String] = [], tieBreaking: TieBreaking = .single,
    mipTimeLimitSeconds: Double = 60, mipGap: Double = 0
  ) {
    self.strategy = strategy
    self.seed = seed
    self.rankCost = rankCost
    self.maximumDistanceKilometres = maximumDistanceKilometres
    self.schoolFloor = schoolFloor
    self.reservedSeatsFirst = reservedSeatsFirst
    self.reservesRevert = reservesRevert
    self.placeUnranked = placeUnranked
    self.priorityGroups = priorityGroups
    self.tieBreaking = tieBreaking
    self.mipTimeLimitSeconds = mipTimeLimitSeconds
    self.mipGap = mipGap
  }
}

/// How a lottery breaks ties in worksite priorities.
///
/// Single tie-breaking gives each student one lottery number used at every worksite, as New York
/// City does; multiple tie-breaking draws a fresh number for every (worksite, student) pair.
/// Single tie-breaking tends to give more students their top choices among stable matchings
/// (Abdulkadiroğlu, Pathak & Roth, "Strategy-proofness versus efficiency in matching with
/// indifferences", AER 2009).
public enum TieBreaking: String, Hashable, Sendable, Codable, CaseIterable {
  /// One lottery number per student.
  case single
  /// One lottery number per (worksite, student) pair.
  case multiple
}
