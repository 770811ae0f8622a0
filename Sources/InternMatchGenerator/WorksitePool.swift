import InternMatchModel

/// The generated worksites, with the flat arrays that preference sampling reads: each
/// worksite's cluster, borough, position and popularity, and the worksites grouped into
/// cluster × borough buckets with an alias table of popularity, so that a worksite of a bucket is
/// drawn by popularity in O(1).
///
/// ```swift
/// let pool = WorksitePool.generate(count: 50, seats: 1_050, tables: .nyc, using: &rng)
/// pool.worksites.reduce(0) { $0 + $1.capacity }  // 1050
/// ```
struct WorksitePool: Sendable {
  /// The worksites, `W000001` first.
  let worksites: [Worksite]
  /// Cluster index of each worksite.
  let cluster: [Int]
  /// Borough index of each worksite.
  let borough: [Int]
  /// Latitude of each worksite.
  let latitude: [Double]
  /// Longitude of each worksite.
  let longitude: [Double]
  /// Popularity of each worksite: the relative chance that a student of its cluster and
  /// borough lists it.
  let popularity: [Double]

  /// Start of each bucket's members; `bucketCount + 1` values.
  let bucketStart: [Int]
  /// Worksite indices grouped by bucket, in index order within a bucket.
  let members: [Int32]
  /// Draws a member of a bucket by popularity.
  let memberTable: AliasTable
  /// Total popularity of each bucket.
  let bucketPopularity: [Double]

  /// Number of cluster × borough buckets.
  static var bucketCount: Int { ReferenceTables.clusters.count * ReferenceTables.boroughs.count }

  /// The bucket of a cluster and a borough.
  @inline(__always)
  static func bucket(cluster: Int, borough: Int) -> Int {
    cluster * ReferenceTables.boroughs.count + borough
  }

  /// Total popularity of the worksites of `cluster` in `borough`.
  func popularity(cluster: Int, borough: Int) -> Double {
    bucketPopularity[Self.bucket(cluster: cluster, borough: borough)]
  }

  /// A worksite of `bucket` drawn in proportion to popularity; `nil` when the bucket is empty.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func draw(from bucket: Int, using rng: inout SplitMix64) -> Int? {
    guard bucketPopularity[bucket] > 0 else { return nil }
    let m = memberTable.sample(in: bucketStart[bucket]..<bucketStart[bucket + 1], using: &rng)
    return Int(members[m])
  }

  /// Groups worksites into buckets and builds the cumulative tables.
  init(
    worksites: [Worksite], cluster: [Int], borough: [Int], latitude: [Double],
    longitude: [Double], popularity: [Double]
  ) {
    self.worksites = worksites
    self.cluster = cluster
    self.borough = borough
    self.latitude = latitude
    self.longitude = longitude
    self.popularity = popularity

    // Counting sort by bucket keeps index order inside each bucket.
    var start = [Int](repeating: 0, count: Self.bucketCount + 1)
    for j in worksites.indices {
      start[Self.bucket(cluster: cluster[j], borough: borough[j]) + 1] += 1
    }
    for b in 0..<Self.bucketCount { start[b + 1] += start[b] }
    var next = start
    var members = [Int32](repeating: 0, count: worksites.count)
    for j in worksites.indices {
      let b = Self.bucket(cluster: cluster[j], borough: borough[j])
      members[next[b]] = Int32(j)
      next[b] += 1
    }
    let weights = members.map { popularity[Int($0)] }
    var totals = [Double](repeating: 0, count: Self.bucketCount)
    for b in 0..<Self.bucketCount { totals[b] = weights[start[b]..<start[b + 1]].reduce(0, +) }
    self.bucketStart = start
    self.members = members
    self.memberTable = AliasTable(weights: weights, segments: start)
    self.bucketPopularity = totals
  }
}
