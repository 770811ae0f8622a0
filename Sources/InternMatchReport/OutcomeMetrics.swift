import InternMatchModel

/// What a placement does to students: rates, rank profile, utilisation, distance and equity by
/// school, borough, cluster and priority group — the numbers strategies are compared on.
///
/// ```swift
/// let m = OutcomeMetrics(instance: instance, placement: result.placement)
/// m.rankProfile        // [first choices, second choices, …]
/// m.equity["school"]?.largestGap  // the schools with the highest and lowest placement rate
/// ```
///
/// - Complexity: O(S·k + W) with k choices per student.
public struct OutcomeMetrics: Hashable, Sendable, Codable {
  /// Students, placed, and the placement rate (0–1).
  public var students: Int
  public var placed: Int
  public var placementRate: Double
  /// Placed students at each rank: `rankProfile[0]` got their first choice.
  public var rankProfile: [Int]
  /// Placed students at a worksite they did not list (pins, `place_unranked`); not in the ranks.
  public var unlisted: Int
  /// Mean, median and worst rank of the students placed at a worksite on their own list (0
  /// when none is); students placed off their list (rank 0, ``unlisted``) are left out. The
  /// one definition of "mean rank" every report uses.
  public var meanRank: Double
  public var medianRank: Double
  public var worstRank: Int
  /// Seats offered, and the share of them filled (0–1).
  public var seats: Int
  public var seatUtilisation: Double
  /// Mean great-circle distance in km from students to their seats, over the placed students
  /// where both ends have coordinates; `nil` when none do.
  public var meanDistanceKilometres: Double?
  /// Placement rate and mean rank by dimension (`school`, `borough`, `cluster`, `group`).
  public var equity: [String: EquityBreakdown]

  enum CodingKeys: String, CodingKey {
    case students, placed
    case placementRate = "placement_rate"
    case rankProfile = "rank_profile"
    case unlisted
    case meanRank = "mean_rank"
    case medianRank = "median_rank"
    case worstRank = "worst_rank"
    case seats
    case seatUtilisation = "seat_utilisation"
    case meanDistanceKilometres = "mean_distance_km"
    case equity
  }

  /// Measures `placement` of `instance`; `outcomes`, when the caller has them already, must be
  /// `instance.outcomes(of: placement)`.
  public init(
    instance: PlacementInstance, placement: Placement, outcomes: [StudentOutcome]? = nil
  ) {
    let outcomes = outcomes ?? instance.outcomes(of: placement)
    var ranks: [Int] = []
    ranks.reserveCapacity(outcomes.count)
    var unlisted = 0
    var distanceSum = 0.0
    var distanceCount = 0
    var school = TallyTable()
    var borough = TallyTable()
    var cluster = TallyTable()
    var group = TallyTable()
    // The worksites' coordinates side by side: students meet them in random order, and a
    // `Worksite` is a few cache lines long.
    let worksiteLocations = instance.worksites.withUnsafeBufferPointer { $0.map(\.location) }
    // Fields read in place: copying a `Student` would retain every text in it.
    instance.students.withUnsafeBufferPointer { students in
      worksiteLocations.withUnsafeBufferPointer { worksiteLocations in
        for (s, outcome) in outcomes.enumerated() {
          var rank: Int?
          if case .placed(let w, let r) = outcome {
            rank = r
            if r > 0 { ranks.append(r) } else { unlisted += 1 }
            if let from = students[s].location, let to = worksiteLocations[w] {
              distanceSum += from.distanceKilometres(to: to)
              distanceCount += 1
            }
          }
          school.count(students[s].school, rank: rank)
          borough.count(students[s].borough ?? "unknown", rank: rank)
          cluster.count(students[s].cluster, rank: rank)
          if students[s].groups.isEmpty {
            group.count("none", rank: rank)
          } else {
            for g in students[s].groups { group.count(g, rank: rank) }
          }
        }
      }
    }
    students = outcomes.count
    placed = ranks.count + unlisted
    self.unlisted = unlisted
    placementRate = students == 0 ? 0 : Double(placed) / Double(students)
    let worst = ranks.max() ?? 0
    var profile = [Int](repeating: 0, count: worst)
    for r in ranks { profile[r - 1] += 1 }
    rankProfile = profile
    meanRank = ranks.isEmpty ? 0 : Double(ranks.reduce(0, +)) / Double(ranks.count)
    medianRank = Self.median(profile: profile, count: ranks.count)
    worstRank = worst
    seats = instance.worksites.withUnsafeBufferPointer { $0.reduce(0) { $0 + $1.capacity } }
    seatUtilisation = seats == 0 ? 0 : Double(placed) / Double(seats)
    meanDistanceKilometres = distanceCount == 0 ? nil : distanceSum / Double(distanceCount)
    equity = [
      "school": school.breakdown, "borough": borough.breakdown, "cluster": cluster.breakdown,
      "group": group.breakdown,
    ]
  }

  /// The median of `count` ranks counted in `profile` (`profile[r - 1]` of them at rank `r`):
  /// the middle one, or the mean of the middle two; no sort.
  private static func median(profile: [Int], count: Int) -> Double {
    guard count > 0 else { return 0 }
    /// The rank at 0-based position `k` of the ranks in order.
    func rank(at k: Int) -> Int {
      var seen = 0
      for (r, n) in profile.enumerated() {
        seen += n
        if k < seen { return r + 1 }
      }
      return profile.count
    }
    let mid = count / 2
    return count % 2 == 1 ? Double(rank(at: mid)) : Double(rank(at: mid - 1) + rank(at: mid)) / 2
  }
}
