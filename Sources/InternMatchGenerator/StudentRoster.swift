import InternMatchModel

/// The generated students, with their grades and choices as flat arrays of worksite indices
/// (compressed rows) for building rankings without parsing ids back.
///
/// ```swift
/// let roster = StudentRoster.generate(count: 100, choices: 10, pool: pool, tables: .nyc,
///                                     attributes: &a, choices: &c)
/// roster.choices[roster.choiceStart[0]..<roster.choiceStart[1]]  // S000001's worksites
/// ```
struct StudentRoster: Sendable {
  /// The students, `S000001` first.
  let students: [Student]
  /// Grade of each student.
  let grade: [Int8]
  /// Start of each student's choices in ``choices``; `students.count + 1` values.
  let choiceStart: [Int]
  /// Worksite indices of every student's list, best first.
  let choices: [Int32]

  /// Generates `count` students listing up to `choices` worksites of `pool` each.
  ///
  /// - A student's school is drawn by enrollment among the CTE schools; the cluster uniformly
  ///   from the school's clusters; the borough is the school's; home is a population-weighted
  ///   ZIP-area centroid of that borough, jittered.
  /// - Grade, age, priority groups, credentials and availability follow ``Calibration``.
  /// - Choices are drawn by ``ChoiceSampler``.
  ///
  /// Attributes and choices use separate streams, so that changing how lists are drawn leaves
  /// the students themselves unchanged.
  ///
  /// - Complexity: O(S·k²) for S students and k choices.
  static func generate(
    count: Int, choices k: Int, pool: WorksitePool, tables: ReferenceTables,
    attributes rng: inout SplitMix64, choices choiceRNG: inout SplitMix64
  ) -> StudentRoster {
    let schoolSampler = WeightedSampler(tables.schools.map { Double($0.enrollment) })
    let zipsByBorough = ReferenceTables.boroughs.indices.map { b in
      tables.zipAreas.indices.filter { tables.zipAreas[$0].borough == b }
    }
    let zipSamplers = zipsByBorough.map { zips in
      WeightedSampler(zips.map { Double(tables.zipAreas[$0].population) })
    }
    let gradeSampler = WeightedSampler(Calibration.grades.map(\.share))
    let ageSampler = WeightedSampler(Calibration.ageOffsets.map(\.share))
    let availabilitySampler = WeightedSampler(Calibration.availability.map(\.share))
    // Every combination of groups and of credentials, built once and shared by students.
    let groupSets = combinations(of: Calibration.groups.map(\.name))
    let credentialSets = combinations(of: Calibration.credentials.map(\.name))
    let clusterIDs = ReferenceTables.clusters
    let boroughNames = ReferenceTables.boroughs
    let sampler = ChoiceSampler(pool: pool)

    var students: [Student] = []
    students.reserveCapacity(count)
    var grades = [Int8](repeating: 0, count: count)
    var choiceStart = [0]
    choiceStart.reserveCapacity(count + 1)
    var choices: [Int32] = []
    choices.reserveCapacity(count * k)
    var list: [Int32] = []
    list.reserveCapacity(k)

    for i in 0..<count {
      let school = tables.schools[schoolSampler.sample(using: &rng) ?? 0]
      let cluster = school.clusters[rng.index(below: school.clusters.count)]
      let zips = zipsByBorough[school.borough]
      let zip = tables.zipAreas[zips[zipSamplers[school.borough].sample(using: &rng) ?? 0]]
      let home = Coordinate(
        latitude: zip.centroid.latitude + (2 * rng.unit() - 1) * Calibration.homeJitter,
        longitude: zip.centroid.longitude + (2 * rng.unit() - 1) * Calibration.homeJitter)
      let grade = Calibration.grades[gradeSampler.sample(using: &rng) ?? 0].grade
      let offset = Calibration.ageOffsets[ageSampler.sample(using: &rng) ?? 0].offset
      let age = min(
        max(grade + 5 + offset, Calibration.ages.lowerBound), Calibration.ages.upperBound)
      var groups = 0
      for (g, group) in Calibration.groups.enumerated() where rng.chance(group.share) {
        groups |= 1 << g
      }
      var credentials = 0
      for (q, credential) in Calibration.credentials.enumerated()
      where rng.chance(credential.shareByCluster[cluster]) {
        credentials |= 1 << q
      }
      let availability = availabilitySampler.sample(using: &rng) ?? 0

      sampler.draw(
        into: &list, student: cluster, borough: school.borough, home: home, limit: k,
        using: &choiceRNG)
      choices.append(contentsOf: list)
      choiceStart.append(choices.count)
      grades[i] = Int8(grade)

      students.append(
        Student(
          id: SyntheticIdentifier.make("S", i + 1), school: school.dbn,
          cluster: clusterIDs[cluster], grade: grade, age: age,
          borough: boroughNames[school.borough], location: home,
          credentials: credentialSets[credentials], groups: groupSets[groups],
          availability: Calibration.availability[availability].blocks,
          preferences: WorksiteList()))
    }
    // The lists share one storage, the pool's ids and the choices drawn: no array per student.
    let lists = WorksiteList.Storage(
      names: pool.worksites.map(\.id), codes: choices, recordCount: 0)
    for i in students.indices {
      students[i].preferences = WorksiteList(lists, choiceStart[i]..<choiceStart[i + 1])
    }
    return StudentRoster(
      students: students, grade: grades, choiceStart: choiceStart, choices: choices)
  }

  /// Every subset of `names`, indexed by bit mask (bit `i` set when `names[i]` is in).
  private static func combinations(of names: [String]) -> [Set<String>] {
    (0..<(1 << names.count)).map { mask in
      Set(names.indices.filter { mask & (1 << $0) != 0 }.map { names[$0] })
    }
  }
}
