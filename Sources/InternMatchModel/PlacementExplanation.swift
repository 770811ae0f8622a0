/// What became of one entry of a student's list, the first that applies in this order.
public enum ChoiceOutcome: String, Hashable, Sendable, Codable, CaseIterable {
  /// The id names no worksite of the dataset.
  case unknownWorksite = "unknown-worksite"
  /// The worksite appears earlier in the same list.
  case duplicate
  /// Eligibility rules the student out (the reason codes are in the detail).
  case ineligible
  /// The worksite ranks its applicants in rankings.csv and leaves the student out (only for
  /// strategies that honour worksites' rankings: `stable`).
  case notRanked = "not-ranked"
  /// The worksite offers no seat (capacity 0).
  case noSeats = "no-seats"
  /// The seat the student got.
  case placed
  /// Eligible, but the strategy gave the seats to others.
  case taken
}

/// One row of explanations.csv: an entry of a student's list and what became of it.
///
/// `placedChange` and `rankCostChange` are the exact change of the run's optimum (placed
/// students, then rank cost in the run's own units) if the student were forced into this
/// worksite: new optimum minus the run's. They are given for `taken` rows of `optimal` and
/// `optimal-squared` when computed exactly, and `nil` otherwise (the detail then says why).
public struct ChoiceExplanation: Hashable, Sendable, Codable {
  /// The student's rank for the entry: its 1-based position in their list.
  public var rank: Int
  /// The worksite id as the student wrote it.
  public var worksite: String
  /// What became of it.
  public var outcome: ChoiceOutcome
  /// Change in placed students if the student were forced here (≤ 0), or `nil`.
  public var placedChange: Int?
  /// Change in total rank cost if the student were forced here, or `nil`.
  public var rankCostChange: Int?
  /// Reason codes (`ineligible`), a cutoff (`stable`), a turn (`serial-dictatorship`,
  /// `greedy`), or why the changes are not given. Never names another student.
  public var detail: String

  /// Creates a row.
  public init(
    rank: Int, worksite: String, outcome: ChoiceOutcome, placedChange: Int? = nil,
    rankCostChange: Int? = nil, detail: String = ""
  ) {
    self.rank = rank
    self.worksite = worksite
    self.outcome = outcome
    self.placedChange = placedChange
    self.rankCostChange = rankCostChange
    self.detail = detail
  }

  enum CodingKeys: String, CodingKey {
    case rank, worksite, outcome
    case placedChange = "placed_change"
    case rankCostChange = "rank_cost_change"
    case detail
  }
}

/// Why one student got what they got: their seat (or reason for none) and every entry of their
/// list at or above the rank they got (every entry when unplaced or placed off their list).
public struct PlacementExplanation: Hashable, Sendable, Codable {
  /// The student's id.
  public var student: String
  /// The worksite id of their seat, or `nil`.
  public var worksite: String?
  /// Their rank for it (0 for a seat off their list), or `nil` when unplaced.
  public var rank: Int?
  /// Why they are unplaced, or `nil` when placed.
  public var unplacedReason: UnplacedReason?
  /// Their list entries, in list order.
  public var choices: [ChoiceExplanation]

  /// Creates an explanation.
  public init(
    student: String, worksite: String?, rank: Int?, unplacedReason: UnplacedReason?,
    choices: [ChoiceExplanation]
  ) {
    self.student = student
    self.worksite = worksite
    self.rank = rank
    self.unplacedReason = unplacedReason
    self.choices = choices
  }

  enum CodingKeys: String, CodingKey {
    case student, worksite, rank
    case unplacedReason = "unplaced_reason"
    case choices
  }
}

/// What one more seat at a worksite would do to the run's optimum: new optimum minus the run's,
/// placed students first (≥ 0), then rank cost in the run's units (one row of seat-values.csv).
public struct SeatValue: Hashable, Sendable, Codable {
  /// The worksite's id, employer, cluster and borough.
  public var worksite: String
  public var employer: String?
  public var cluster: String
  public var borough: String?
  /// Its seats, and how many the run filled.
  public var capacity: Int
  public var filled: Int
  /// The exact changes, or `nil` when not computed (``detail`` says why).
  public var placedChange: Int?
  public var rankCostChange: Int?
  /// Why the changes are not given; empty when they are.
  public var detail: String
  /// On the GLPK path only: GLPK's dual of the capacity row with the exact interval of all
  /// optimal duals; `nil` elsewhere.
  public var capacityDual: CapacityDual?

  /// Creates a value.
  public init(
    worksite: String, employer: String?, cluster: String, borough: String?, capacity: Int,
    filled: Int, placedChange: Int?, rankCostChange: Int?, detail: String = ""
  ) {
    self.worksite = worksite
    self.employer = employer
    self.cluster = cluster
    self.borough = borough
    self.capacity = capacity
    self.filled = filled
    self.placedChange = placedChange
    self.rankCostChange = rankCostChange
    self.detail = detail
  }

  enum CodingKeys: String, CodingKey {
    case worksite, employer, cluster, borough, capacity, filled
    case placedChange = "placed_change"
    case rankCostChange = "rank_cost_change"
    case detail
    case capacityDual = "capacity_dual"
  }
}

/// The best single-seat effect in one cluster × borough area (one row of
/// seat-values-by-area.csv).
public struct AreaSeatValue: Hashable, Sendable, Codable {
  public var cluster: String
  /// The borough, or `unknown`.
  public var borough: String
  /// Worksites in the area.
  public var worksites: Int
  /// The best change one more seat at one of its worksites makes: most placed, then least
  /// rank cost; `nil` when no worksite's value is known.
  public var bestPlacedChange: Int?
  public var bestRankCostChange: Int?
  /// Worksites where one more seat places one more student.
  public var worksitesPlacingOneMore: Int

  /// Creates a row.
  public init(
    cluster: String, borough: String, worksites: Int, bestPlacedChange: Int?,
    bestRankCostChange: Int?, worksitesPlacingOneMore: Int
  ) {
    self.cluster = cluster
    self.borough = borough
    self.worksites = worksites
    self.bestPlacedChange = bestPlacedChange
    self.bestRankCostChange = bestRankCostChange
    self.worksitesPlacingOneMore = worksitesPlacingOneMore
  }

  /// The areas of `values`, best first: by best placed change (more first), then best rank
  /// cost change (lower first), then more worksites placing one more, then cluster and borough.
  public static func areas(of values: [SeatValue]) -> [AreaSeatValue] {
    var rows: [String: AreaSeatValue] = [:]
    for v in values {
      let borough = v.borough ?? "unknown"
      let key = v.cluster + "\u{1F}" + borough
      var row =
        rows[key]
        ?? AreaSeatValue(
          cluster: v.cluster, borough: borough, worksites: 0, bestPlacedChange: nil,
          bestRankCostChange: nil, worksitesPlacingOneMore: 0)
      row.worksites += 1
      if let p = v.placedChange, let c = v.rankCostChange {
        if p > 0 { row.worksitesPlacingOneMore += 1 }
        if let bp = row.bestPlacedChange, let bc = row.bestRankCostChange, (bp, -bc) >= (p, -c) {
        } else {
          row.bestPlacedChange = p
          row.bestRankCostChange = c
        }
      }
      rows[key] = row
    }
    return rows.values.sorted {
      let a = ($0.bestPlacedChange ?? Int.min, -($0.bestRankCostChange ?? Int.max))
      let b = ($1.bestPlacedChange ?? Int.min, -($1.bestRankCostChange ?? Int.max))
      if a != b { return a > b }
      if $0.worksitesPlacingOneMore != $1.worksitesPlacingOneMore {
        return $0.worksitesPlacingOneMore > $1.worksitesPlacingOneMore
      }
      return ($0.cluster, $0.borough) < ($1.cluster, $1.borough)
    }
  }

  enum CodingKeys: String, CodingKey {
    case cluster, borough, worksites
    case bestPlacedChange = "best_placed_change"
    case bestRankCostChange = "best_rank_cost_change"
    case worksitesPlacingOneMore = "worksites_placing_one_more"
  }
}
