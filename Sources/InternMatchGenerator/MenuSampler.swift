import InternMatchModel

/// Adds the menu of work-based learning to a generated cohort (`generate --activities`):
/// workplace tours, mock-interview volunteers, career days and teacher externships offered by the
/// cohort's employers, CTE teachers, and the tours, mock interviews and career days students add
/// to their lists. Every share is in ``Calibration`` (`Calibration+Menu.swift`).
///
/// - The cohort's own rows keep their ids; its tours get tour slots (and at most 25 seats a
///   slot) and its mock-interview rows become interview panels (at most 3 seats) on their
///   borough's interview day, so every tour and interview has slots.
/// - Employers (the cohort's `employer` names, first seen first) run tours (`T…`, a group of
///   10–25 in one or two slots, two of the five start labels shared with interview slots),
///   send mock-interview volunteers (`M…`, capacity 1, the six 20-minute slots of their
///   borough's interview day), host career days (`C…`, no slots) and teacher externships (`E…`).
/// - Teachers (`F…`, role `teacher`, one per 60 students) of a CTE school drawn by enrollment
///   (the DOE High School Directory, as for students), in one of its clusters, list 1–3
///   externships.
/// - A student with a non-empty list inserts tours, volunteers of their school's borough and
///   career days at random positions, so lists mix kinds (ranks count within a kind, so the
///   internship ranks are unchanged).
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// MenuSampler.add(to: &students, worksites: &worksites, tables: .nyc, using: &rng)
/// students.last?.role  // .teacher
/// ```
///
/// - Complexity: O(S·k + W + E) for S students listing k menu choices, W worksites, E employers.
enum MenuSampler {
  /// Adds the menu rows to `worksites`, menu choices to `students` and the teachers after them.
  static func add(
    to students: inout [Student], worksites: inout [Worksite], tables: ReferenceTables,
    using rng: inout SplitMix64
  ) {
    let clusterIndex = Dictionary(
      uniqueKeysWithValues: ReferenceTables.clusters.enumerated().map { ($1, $0) })
    let boroughIndex = Dictionary(
      uniqueKeysWithValues: ReferenceTables.boroughs.enumerated().map { ($1, $0) })
    func place(_ w: Worksite) -> (cluster: Int, borough: Int) {
      (clusterIndex[w.cluster] ?? 0, boroughIndex[w.borough ?? ""] ?? 0)
    }

    // The cohort's own tours and interviews get slots.
    var employers: [Worksite] = []
    var seen: Set<String> = []
    for j in worksites.indices {
      let b = place(worksites[j]).borough
      switch worksites[j].kind {
      case .workplaceTour:
        worksites[j].slots = tourSlots(borough: b, using: &rng)
        worksites[j].capacity = min(worksites[j].capacity, Calibration.tourGroup.upperBound)
      case .mockInterview:
        worksites[j].slots = Calibration.interviewSlots(borough: b)
        worksites[j].capacity = min(worksites[j].capacity, 3)
      default: break
      }
      if let name = worksites[j].employer, seen.insert(name).inserted {
        employers.append(worksites[j])
      }
    }

    // New rows, by kind, each employer in order.
    let studentCount = students.count
    let teacherCount =
      studentCount == 0
      ? 0
      : max(1, (studentCount + Calibration.studentsPerTeacher / 2) / Calibration.studentsPerTeacher)
    func row(_ prefix: Character, _ n: Int, _ e: Worksite, _ kind: WorksiteKind, _ capacity: Int)
      -> Worksite
    {
      Worksite(
        id: SyntheticIdentifier.make(prefix, n), employer: e.employer, cluster: e.cluster,
        capacity: capacity, borough: e.borough, location: e.location, kind: kind)
    }
    // A share of the employers offers each; at least one when there are employers, so that a
    // small cohort has the whole menu (and its teachers an externship to list).
    func some(_ share: Double) -> [Worksite] {
      let chosen = employers.filter { _ in rng.chance(share) }
      guard chosen.isEmpty, !employers.isEmpty else { return chosen }
      return [employers[rng.index(below: employers.count)]]
    }
    var tours: [Worksite] = []
    for e in some(Calibration.tourEmployerShare) {
      for _ in 0..<(rng.chance(0.2) ? 2 : 1) {
        var tour = row("T", tours.count + 1, e, .workplaceTour, draw(Calibration.tourGroup, &rng))
        tour.slots = tourSlots(borough: place(e).borough, using: &rng)
        tours.append(tour)
      }
    }
    let volunteerCount = Int(
      (Double(studentCount) * Calibration.interviewSeatsPerStudent / 6).rounded())
    var volunteers: [Worksite] = []
    let interviewers = some(Calibration.interviewEmployerShare)
    let sent = WorksitePool.apportion(
      volunteerCount, by: interviewers.map { _ in 1 + 4 * pow3(rng.unit()) })
    for (e, count) in zip(interviewers, sent) {
      for _ in 0..<count {
        var volunteer = row("M", volunteers.count + 1, e, .mockInterview, 1)
        volunteer.slots = Calibration.interviewSlots(borough: place(e).borough)
        volunteers.append(volunteer)
      }
    }
    var careerDays: [Worksite] = []
    for e in some(Calibration.careerDayEmployerShare) {
      careerDays.append(
        row("C", careerDays.count + 1, e, .careerDay, draw(Calibration.careerDaySeats, &rng)))
    }
    let hosts = some(Calibration.externshipEmployerShare)
    let seats = WorksitePool.apportion(
      Int((Double(teacherCount) * Calibration.externshipSeatsPerTeacher).rounded()),
      by: hosts.map { _ in 0.5 + rng.unit() })
    var externships: [Worksite] = []
    for (e, count) in zip(hosts, seats) where count > 0 {
      externships.append(row("E", externships.count + 1, e, .teacherExternship, count))
    }

    // Students list them, mixed into their lists.
    let tourRows = RowBuckets(tours, place)
    let volunteerRows = RowBuckets(volunteers, place)
    let careerDayRows = RowBuckets(careerDays, place)
    let externshipRows = RowBuckets(externships, place)
    for i in students.indices where !students[i].preferences.isEmpty {
      let c = clusterIndex[students[i].cluster] ?? 0
      let b = boroughIndex[students[i].borough ?? ""] ?? 0
      var extra: [String] = []
      if rng.chance(Calibration.tourListerShare) {
        extra += tourRows.list(draw(Calibration.toursListed, &rng), cluster: c, borough: b, &rng)
      }
      if rng.chance(Calibration.interviewListerShare) {
        extra += volunteerRows.list(
          draw(Calibration.interviewsListed, &rng), cluster: c, borough: b, sameBorough: true,
          &rng)
      }
      if rng.chance(Calibration.careerDayListerShare) {
        extra += careerDayRows.list(
          draw(Calibration.careerDaysListed, &rng), cluster: c, borough: b, &rng)
      }
      for id in extra {
        students[i].preferences.insert(
          id, at: rng.index(below: students[i].preferences.count + 1))
      }
    }

    // Teachers, after the students.
    let schoolSampler = WeightedSampler(tables.schools.map { Double($0.enrollment) })
    for t in 0..<teacherCount {
      let school = tables.schools[schoolSampler.sample(using: &rng) ?? 0]
      let c = school.clusters[rng.index(below: school.clusters.count)]
      var teacher = Student(
        id: SyntheticIdentifier.make("F", t + 1), school: school.dbn,
        cluster: ReferenceTables.clusters[c], borough: ReferenceTables.boroughs[school.borough],
        location: school.location,
        preferences: externshipRows.list(
          draw(Calibration.externshipsListed, &rng), cluster: c, borough: school.borough, &rng))
      teacher.role = .teacher
      students.append(teacher)
    }
    worksites += tours + volunteers + careerDays + externships
  }

  /// One or two of the borough's tour start labels, in their order.
  private static func tourSlots(borough: Int, using rng: inout SplitMix64) -> [String] {
    let options = Calibration.tourSlots(borough: borough)
    let first = rng.index(below: options.count)
    guard rng.chance(0.5) else { return [options[first]] }
    let second = (first + 1 + rng.index(below: options.count - 1)) % options.count
    return [options[min(first, second)], options[max(first, second)]]
  }

  /// A uniform integer of `range`.
  private static func draw(_ range: ClosedRange<Int>, _ rng: inout SplitMix64) -> Int {
    range.lowerBound + rng.index(below: range.count)
  }

  private static func pow3(_ u: Double) -> Double { u * u * u }
}

/// Menu rows of one kind grouped by cluster and borough, for drawing a person's choices.
private struct RowBuckets {
  private let ids: [String]
  private var byBucket: [[Int]]
  private var byCluster: [[Int]]
  private var byBorough: [[Int]]

  init(_ rows: [Worksite], _ place: (Worksite) -> (cluster: Int, borough: Int)) {
    let boroughs = ReferenceTables.boroughs.count
    ids = rows.map(\.id)
    byBucket = Array(repeating: [], count: ReferenceTables.clusters.count * boroughs)
    byCluster = Array(repeating: [], count: ReferenceTables.clusters.count)
    byBorough = Array(repeating: [], count: boroughs)
    for (j, w) in rows.enumerated() {
      let (c, b) = place(w)
      byBucket[c * boroughs + b].append(j)
      byCluster[c].append(j)
      byBorough[b].append(j)
    }
  }

  /// Up to `count` distinct rows: each in the person's cluster with probability
  /// ``Calibration/menuOwnClusterShare`` (else any cluster), in their borough with probability
  /// ``Calibration/menuOwnBoroughShare`` or always with `sameBorough` (else any borough),
  /// uniformly within; an empty group falls back to the borough (`sameBorough`) or the cluster,
  /// then to every row.
  func list(
    _ count: Int, cluster: Int, borough: Int, sameBorough: Bool = false,
    _ rng: inout SplitMix64
  ) -> [String] {
    guard !ids.isEmpty else { return [] }
    var chosen: [Int] = []
    var attempts = 4 * count + 4
    while chosen.count < count, attempts > 0 {
      attempts -= 1
      let c =
        rng.chance(Calibration.menuOwnClusterShare)
        ? cluster : rng.index(below: ReferenceTables.clusters.count)
      let b =
        sameBorough || rng.chance(Calibration.menuOwnBoroughShare)
        ? borough : rng.index(below: ReferenceTables.boroughs.count)
      var group = byBucket[c * ReferenceTables.boroughs.count + b]
      if group.isEmpty { group = sameBorough ? byBorough[b] : byCluster[c] }
      let j = group.isEmpty ? rng.index(below: ids.count) : group[rng.index(below: group.count)]
      if !chosen.contains(j) { chosen.append(j) }
    }
    return chosen.map { ids[$0] }
  }
}
