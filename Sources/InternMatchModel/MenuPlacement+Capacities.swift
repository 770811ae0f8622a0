/// The two seat limits beyond a worksite's own capacity that a menu of activities honours:
/// `max_per_school` (at most k people of one school at a worksite, across all its slots
/// together, teachers under their school as students are) and `employers.csv` (an employer's
/// worksites together hold at most `capacity` placements, every kind and every slot counting,
/// one per placement), counted as placements are added.
///
/// ```swift
/// var caps = MenuCapacities(instance)
/// caps.admits(student: 0, at: 3)  // true: school and employer below their limits
/// caps.add(student: 0, at: 3)
/// ```
///
/// - Complexity: O(S + W) to build; every query and update O(1) expected.
package struct MenuCapacities {
  private let schools: [Int32]
  private let limitOfSchool: [Int?]
  private let employer: [Int32]
  private let employerCapacity: [Int]
  /// Placements at each (worksite, school) and at each employer of `employers.csv`.
  private var perSchool: [Int: Int] = [:]
  private(set) var perEmployer: [Int]

  /// Empty counts for `instance`.
  package init(_ instance: PlacementInstance) {
    limitOfSchool = instance.worksites.map(\.maxPerSchool)
    schools = limitOfSchool.contains { $0 != nil } ? instance.schoolIndices : []
    employer = instance.employerLimit
    employerCapacity = instance.rules.employerCapacity.map(\.capacity)
    perEmployer = [Int](repeating: 0, count: employerCapacity.count)
  }

  /// The counts of `placement`.
  package init(_ instance: PlacementInstance, placement: MenuPlacement) {
    self.init(instance)
    for e in placement.entries { add(student: e.student, at: e.worksite) }
  }

  /// Whether `w` has a `max_per_school` limit.
  package func limitsSchools(_ w: Int) -> Bool { limitOfSchool[w] != nil }

  /// The index in `employers.csv` of `w`'s employer, when it has a capacity there.
  package func employerEntry(of w: Int) -> Int? { employer[w] >= 0 ? Int(employer[w]) : nil }

  /// Whether `s`'s school already holds `max_per_school` placements at `w`.
  package func schoolFull(student s: Int, at w: Int) -> Bool {
    guard let limit = limitOfSchool[w] else { return false }
    return perSchool[w << 32 | Int(schools[s]), default: 0] >= limit
  }

  /// Whether `w`'s employer holds its `employers.csv` capacity.
  package func employerFull(_ w: Int) -> Bool {
    employerEntry(of: w).map { perEmployer[$0] >= employerCapacity[$0] } ?? false
  }

  /// Whether one more placement of `s` at `w` keeps both limits.
  package func admits(student s: Int, at w: Int) -> Bool {
    !schoolFull(student: s, at: w) && !employerFull(w)
  }

  /// Counts a placement of `s` at `w`.
  package mutating func add(student s: Int, at w: Int) { change(s, w, by: 1) }

  /// Uncounts a placement of `s` at `w`.
  package mutating func remove(student s: Int, at w: Int) { change(s, w, by: -1) }

  private mutating func change(_ s: Int, _ w: Int, by delta: Int) {
    if limitOfSchool[w] != nil { perSchool[w << 32 | Int(schools[s]), default: 0] += delta }
    if let k = employerEntry(of: w) { perEmployer[k] += delta }
  }
}

extension PlacementInstance {
  /// The `max_per_school` and `employers.csv` limits a menu `placement` breaks (see
  /// ``MenuCapacities`` for how they count), by worksite then school, then by employer.
  ///
  /// ```swift
  /// instance.capacityViolations(in: menuPlacement)  // [] for any strategy's result
  /// ```
  ///
  /// - Complexity: O(n + W + E) for n placements and E employers.
  package func capacityViolations(in placement: MenuPlacement) -> [PlacementViolation] {
    seatLimitViolations(of: placement.entries.lazy.map { ($0.student, $0.worksite) })
  }

  /// The `max_per_school` and `employers.csv` limits that `placements` (person, worksite),
  /// one placement each, break: by worksite then school, then by employer. Out-of-range
  /// indices are skipped (other checks report them).
  ///
  /// - Complexity: O(n + W + E) for n placements and E employers.
  package func seatLimitViolations(of placements: some Sequence<(Int, Int)>)
    -> [PlacementViolation]
  {
    var found: [PlacementViolation] = []
    var perSchool: [Int: [String: Int]] = [:]
    var perEmployer = [Int](repeating: 0, count: rules.employerCapacity.count)
    // Which worksites limit students per school, side by side: placements meet the worksites
    // in any order, and a `Worksite` is a few cache lines long. Nothing to count without limits.
    let limitsSchools = worksites.map { $0.maxPerSchool != nil }
    if limitsSchools.contains(true) || employerLimit.contains(where: { $0 >= 0 }) {
      for (s, w) in placements where worksites.indices.contains(w) && students.indices.contains(s) {
        if limitsSchools[w] {
          perSchool[w, default: [:]][students[s].school, default: 0] += 1
        }
        if employerLimit[w] >= 0 { perEmployer[Int(employerLimit[w])] += 1 }
      }
    }
    for (w, counts) in perSchool.sorted(by: { $0.key < $1.key }) {
      let limit = worksites[w].maxPerSchool ?? Int.max
      for (school, n) in counts.sorted(by: { $0.key < $1.key }) where n > limit {
        found.append(.overSchoolLimit(worksite: w, school: school, assigned: n, limit: limit))
      }
    }
    for (k, n) in perEmployer.enumerated() where n > rules.employerCapacity[k].capacity {
      let e = rules.employerCapacity[k]
      found.append(.overEmployerCapacity(employer: e.employer, assigned: n, capacity: e.capacity))
    }
    return found
  }
}
