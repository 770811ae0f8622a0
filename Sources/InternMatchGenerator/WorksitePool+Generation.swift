import InternMatchModel

extension WorksitePool {
  /// Generates `count` worksites with `seats` seats in all.
  ///
  /// - Each worksite's cluster × borough is drawn from ``bucketWeights(_:)``: clusters half by
  ///   student demand, half by QCEW establishments; boroughs within a cluster by QCEW
  ///   establishments.
  /// - Its location is a uniformly drawn ZIP-area centroid of the borough, jittered.
  /// - Capacities are skewed (raw size `1 + 39u³`, so most sites are small and a few large),
  ///   then scaled so that they sum to exactly `seats`.
  /// - Popularity is `(capacity + 1) × a`, with appeal `a = 1 / (f + (1 − f)u)` in `[1, 1/f)`
  ///   for `f` = ``Calibration/appealFloor``: a few worksites draw many more applicants per
  ///   seat than others, so some are oversubscribed and some hardly listed.
  /// - Eligibility rules, schedule, kind and employer follow ``Calibration``.
  ///
  /// - Complexity: O(W) for W worksites.
  static func generate(
    count: Int, seats: Int, tables: ReferenceTables, using rng: inout SplitMix64
  ) -> WorksitePool {
    let boroughCount = ReferenceTables.boroughs.count
    let bucketSampler = WeightedSampler(bucketWeights(tables))
    let zipsByBorough = (0..<boroughCount).map { b in
      tables.zipAreas.indices.filter { tables.zipAreas[$0].borough == b }
    }
    let scheduleSampler = WeightedSampler(Calibration.schedules.map(\.share))

    var cluster = [Int](repeating: 0, count: count)
    var borough = [Int](repeating: 0, count: count)
    var sitesPerCluster = [Int](repeating: 0, count: ReferenceTables.clusters.count)
    for j in 0..<count {
      let b = bucketSampler.sample(using: &rng) ?? 0
      cluster[j] = b / boroughCount
      borough[j] = b % boroughCount
      sitesPerCluster[cluster[j]] += 1
    }
    let employersPerCluster = sitesPerCluster.map {
      max(1, Int((Double($0) / Calibration.worksitesPerEmployer).rounded(.up)))
    }

    var latitude = [Double](repeating: 0, count: count)
    var longitude = [Double](repeating: 0, count: count)
    var rawCapacity = [Double](repeating: 0, count: count)
    var appeal = [Double](repeating: 0, count: count)
    var rules: [Rules] = []
    rules.reserveCapacity(count)
    for j in 0..<count {
      let c = cluster[j]
      let zips = zipsByBorough[borough[j]]
      let centre = tables.zipAreas[zips[rng.index(below: zips.count)]].centroid
      latitude[j] = centre.latitude + (2 * rng.unit() - 1) * Calibration.worksiteJitter
      longitude[j] = centre.longitude + (2 * rng.unit() - 1) * Calibration.worksiteJitter
      let u = rng.unit()
      rawCapacity[j] = 1 + 39 * u * u * u
      appeal[j] = 1 / (Calibration.appealFloor + (1 - Calibration.appealFloor) * rng.unit())
      let e = rng.unit()
      let employer = Int(Double(employersPerCluster[c]) * e * e)
      rules.append(Rules.draw(cluster: c, employer: employer, schedules: scheduleSampler, &rng))
    }

    let capacity = apportion(seats, by: rawCapacity)
    var worksites: [Worksite] = []
    worksites.reserveCapacity(count)
    var popularity = [Double](repeating: 0, count: count)
    for j in 0..<count {
      popularity[j] = Double(capacity[j] + 1) * appeal[j]
      let r = rules[j]
      worksites.append(
        Worksite(
          id: SyntheticIdentifier.make("W", j + 1),
          employer: employerName(cluster: cluster[j], number: r.employer),
          cluster: ReferenceTables.clusters[cluster[j]], capacity: capacity[j],
          borough: ReferenceTables.boroughs[borough[j]],
          location: Coordinate(latitude: latitude[j], longitude: longitude[j]),
          minimumAge: r.minimumAge, minimumGrade: r.minimumGrade,
          requiredCredentials: r.requiredCredentials,
          schedule: Calibration.schedules[r.schedule].blocks,
          kind: r.kind))
    }
    return WorksitePool(
      worksites: worksites, cluster: cluster, borough: borough, latitude: latitude,
      longitude: longitude, popularity: popularity)
  }

  /// The chance of each cluster × borough bucket (``bucket(cluster:borough:)``) for a worksite.
  ///
  /// A cluster's share mixes demand (the enrollment of the schools offering it, split evenly
  /// across each school's clusters) and supply (its QCEW establishments), weighted by
  /// ``Calibration/demandShare``; its boroughs split that share by establishments.
  ///
  /// - Complexity: O(schools + buckets).
  static func bucketWeights(_ tables: ReferenceTables) -> [Double] {
    let clusterCount = ReferenceTables.clusters.count
    let boroughCount = ReferenceTables.boroughs.count
    var demand = [Double](repeating: 0, count: clusterCount)
    for school in tables.schools {
      for c in school.clusters {
        demand[c] += Double(school.enrollment) / Double(school.clusters.count)
      }
    }
    let supply = tables.establishments.map { $0.reduce(0, +) }
    let totalDemand = max(1, demand.reduce(0, +))
    let totalSupply = max(1, supply.reduce(0, +))
    var weights = [Double](repeating: 0, count: bucketCount)
    for c in 0..<clusterCount {
      let share =
        Calibration.demandShare * demand[c] / totalDemand
        + (1 - Calibration.demandShare) * supply[c] / totalSupply
      for b in 0..<boroughCount {
        let split =
          supply[c] > 0 ? tables.establishments[c][b] / supply[c] : 1 / Double(boroughCount)
        weights[bucket(cluster: c, borough: b)] = share * split
      }
    }
    return weights
  }

  /// Whole numbers proportional to `weights` that sum to exactly `total`: entry `j` is the
  /// difference of the rounded cumulative shares up to `j` and up to `j - 1`, so each is within
  /// one of its exact share.
  ///
  /// ```swift
  /// WorksitePool.apportion(10, by: [1, 1, 1])  // [3, 4, 3]
  /// ```
  ///
  /// - Complexity: O(n).
  static func apportion(_ total: Int, by weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard sum > 0 else { return [Int](repeating: 0, count: weights.count) }
    var result = [Int](repeating: 0, count: weights.count)
    var running = 0.0
    var previous = 0
    for (j, w) in weights.enumerated() {
      running += w
      let upTo = j == weights.count - 1 ? total : Int((Double(total) * running / sum).rounded())
      result[j] = max(0, upTo - previous)
      previous = max(previous, upTo)
    }
    return result
  }

  /// A synthetic employer name, such as `Harbor Health Partners 3`: employer `number` of the
  /// cluster. Names are unique per cluster and number, and several worksites share each.
  ///
  /// - Complexity: O(1).
  static func employerName(cluster: Int, number: Int) -> String {
    let places = Calibration.employerPlaces
    let words = Calibration.employerWords[cluster]
    let suffixes = Calibration.employerSuffixes
    let place = places[number % places.count]
    let word = words[(number / places.count) % words.count]
    let suffix = suffixes[(number / (places.count * words.count)) % suffixes.count]
    return "\(place) \(word) \(suffix) \(number + 1)"
  }
}

/// The eligibility rules, schedule, kind and employer drawn for one worksite.
private struct Rules {
  var employer: Int
  var minimumAge = 0
  var minimumGrade = 0
  var requiredCredentials: Set<String> = []
  var schedule = 0
  var kind = WorksiteKind.internship

  /// Draws the rules of a worksite of `cluster` (see ``Calibration``).
  static func draw(
    cluster c: Int, employer: Int, schedules: WeightedSampler, _ rng: inout SplitMix64
  ) -> Rules {
    var r = Rules(employer: employer)
    let age = rng.unit()
    if age < Calibration.minimumAge18[c] {
      r.minimumAge = 18
    } else if age < Calibration.minimumAge18[c] + Calibration.minimumAge16[c] {
      r.minimumAge = 16
    }
    let grade = rng.unit()
    if grade < Calibration.minimumGrade12 {
      r.minimumGrade = 12
    } else if grade < Calibration.minimumGrade12 + Calibration.minimumGrade11 {
      r.minimumGrade = 11
    }
    let credential = rng.unit()
    if let required = Calibration.requiredCredential[c], credential < required.share {
      r.requiredCredentials = [required.name]
    }
    r.schedule = schedules.sample(using: &rng) ?? 0
    var kind = rng.unit() - Calibration.apprenticeshipShare[c]
    if kind < 0 {
      r.kind = .apprenticeship
    } else {
      for other in Calibration.otherKinds {
        kind -= other.share
        if kind < 0 {
          r.kind = other.kind
          break
        }
      }
    }
    return r
  }
}
