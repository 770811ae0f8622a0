import InternMatchModel

/// Draws a student's preference list: distinct worksites, mostly of the student's own cluster,
/// biased towards popular worksites, the student's own and linked boroughs, and nearby sites.
///
/// For each choice: the cluster is the student's own with probability
/// ``Calibration/ownClusterShare`` (else another cluster by popularity); the borough is drawn by
/// the cluster's popularity there times ``Calibration/boroughAffinity``; then
/// ``Calibration/candidatesPerChoice`` worksites of that cluster × borough bucket are drawn by
/// popularity and the nearest to the student's home is kept. A repeat is drawn again, up to a
/// bounded number of attempts, so a list is shorter only when few worksites exist.
///
/// ```swift
/// let sampler = ChoiceSampler(pool: pool)
/// sampler.draw(into: &list, student: 5, borough: 1, home: home, limit: 10, using: &rng)
/// list.count  // usually 10; 0 for about 3% of students
/// ```
///
/// - Complexity: O(k²) per list of k choices (a draw is O(1) with alias tables; repeats are
///   found by a linear scan of the list); no scan of all worksites.
struct ChoiceSampler {
  private let pool: WorksitePool
  /// `boroughs[studentBorough][cluster]`: the borough to look in for a choice of that cluster.
  private let boroughs: [[WeightedSampler]]
  /// `otherClusters[cluster]`: a cluster other than `cluster`, by popularity.
  private let otherClusters: [WeightedSampler]
  /// Any cluster, by popularity; used when a student's own cluster has no worksite.
  private let anyCluster: WeightedSampler

  /// East–west degrees to kilometres relative to north–south, at New York's latitude
  /// (cos 40.7°): distances are compared on this flat approximation, which needs no libm.
  private static let longitudeScale = 0.7578

  /// Prepares the samplers for `pool`.
  ///
  /// - Complexity: O(C²·B + C·B²) for C clusters and B boroughs.
  init(pool: WorksitePool) {
    self.pool = pool
    let clusters = ReferenceTables.clusters.indices
    let boroughIndices = ReferenceTables.boroughs.indices
    boroughs = boroughIndices.map { home in
      clusters.map { c in
        WeightedSampler(
          boroughIndices.map { b in
            pool.popularity(cluster: c, borough: b) * Calibration.boroughAffinity[home][b]
          })
      }
    }
    let clusterPopularity = clusters.map { c in
      boroughIndices.reduce(0.0) { $0 + pool.popularity(cluster: c, borough: $1) }
    }
    otherClusters = clusters.map { own in
      WeightedSampler(clusters.map { $0 == own ? 0 : clusterPopularity[$0] })
    }
    anyCluster = WeightedSampler(clusterPopularity)
  }

  /// Replaces `list` with the choices of a student of cluster `cluster` and borough `borough`
  /// living at `home`: empty for ``Calibration/emptyListShare`` of students, else `limit`
  /// choices for ``Calibration/fullListShare`` and a uniform 1...`limit` for the rest (fewer
  /// when not enough distinct worksites turn up).
  func draw(
    into list: inout [Int32], student cluster: Int, borough: Int, home: Coordinate, limit: Int,
    using rng: inout SplitMix64
  ) {
    list.removeAll(keepingCapacity: true)
    guard limit > 0, !rng.chance(Calibration.emptyListShare) else { return }
    let length =
      rng.chance(Calibration.fullListShare) ? limit : 1 + rng.index(below: limit)
    var attempts = 4 * length + 8
    while list.count < length, attempts > 0 {
      attempts -= 1
      guard let w = drawOne(cluster: cluster, borough: borough, home: home, using: &rng) else {
        return
      }
      // Lists are short (k ≤ 50), so a linear scan beats hashing.
      if !list.contains(w) { list.append(w) }
    }
  }

  /// One worksite for the list, or `nil` when the pool is empty.
  @inline(__always)
  private func drawOne(
    cluster own: Int, borough home: Int, home position: Coordinate, using rng: inout SplitMix64
  ) -> Int32? {
    var cluster = own
    if rng.chance(1 - Calibration.ownClusterShare) || boroughs[home][own].isEmpty {
      cluster = otherClusters[own].sample(using: &rng) ?? own
    }
    if boroughs[home][cluster].isEmpty {
      guard let any = anyCluster.sample(using: &rng) else { return nil }
      cluster = any
    }
    guard let b = boroughs[home][cluster].sample(using: &rng) else { return nil }
    let bucket = WorksitePool.bucket(cluster: cluster, borough: b)
    var best: Int32 = -1
    var bestDistance = Double.infinity
    for _ in 0..<Calibration.candidatesPerChoice {
      guard let w = pool.draw(from: bucket, using: &rng) else { return nil }
      let dLat = pool.latitude[w] - position.latitude
      let dLon = (pool.longitude[w] - position.longitude) * Self.longitudeScale
      let d = dLat * dLat + dLon * dLon
      if d < bestDistance {
        best = Int32(w)
        bestDistance = d
      }
    }
    return best < 0 ? nil : best
  }
}
