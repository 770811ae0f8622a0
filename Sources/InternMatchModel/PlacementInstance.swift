/// A validated placement problem: students, worksites, clusters, worksite rankings and the
/// policy, with every student's list resolved into eligible choices.
///
/// Building an instance checks the data as a whole and collects every problem: duplicate ids,
/// unknown clusters, counts outside ``DatasetLimits``, out-of-range coordinates and malformed
/// rankings are errors (thrown together); unknown or duplicate worksites in a preference list and
/// rankings that name unknown ids are warnings, skipped, and kept in ``warnings``.
///
/// ```swift
/// let instance = try PlacementInstance(students: students, worksites: worksites)
/// instance.choices.range(of: 0).count  // eligible choices of the first student
/// ```
///
/// - Complexity: O(S + W + L·e) for S students, W worksites, L list entries and the cost `e` of
///   one eligibility check.
public struct PlacementInstance: Sendable {
  /// The students, in input order; a student's index is its position here.
  public let students: [Student]
  /// The worksites, in input order; a worksite's index is its position here.
  public let worksites: [Worksite]
  /// The career clusters in use.
  public let clusters: [Cluster]
  /// The valid rankings as indices, in file order: `(worksite, student, rank)` (``rankings``
  /// names them).
  package let rankingIndices: [(worksite: Int32, student: Int32, rank: Int32)]
  /// The run settings.
  public let policy: Policy
  /// Index of each student id (ids compared byte for byte: ``IdentifierMap``).
  public let studentIndex: IdentifierMap
  /// Index of each worksite id (ids compared byte for byte: ``IdentifierMap``).
  public let worksiteIndex: IdentifierMap
  /// Eligible choices of every student, best first.
  public internal(set) var choices: ChoiceTable
  /// Listed pairs that are not eligible, with reasons, in student order.
  public let ineligibleChoices: [IneligibleChoice]
  /// Number of known (resolvable, non-duplicate) worksites on each student's list.
  package let listedCount: [Int32]
  /// Warnings found while building (skipped list entries and rankings).
  public let warnings: [InstanceIssue]
  /// Employer capacities, links, pins and the school floor.
  public let rules: PlacementRules
  /// The worksite each student is pinned to, or -1 (public: ``pinnedWorksite(of:)``).
  package let pinnedWorksite: [Int32]
  /// With a menu of activities, every pin as a placement (slot index where the worksite has
  /// slots), in `pins.csv` order; empty without a menu (``pinnedWorksite`` holds single-seat
  /// pins).
  package let menuPins: [MenuPlacement.Entry]
  /// The position in ``menuPins`` of each pinned (person, worksite), by `student << 32 | worksite`.
  package let menuPinIndex: [Int: Int]
  /// Linked students, as index pairs.
  public let linkedPairs: [(first: Int, second: Int)]
  /// The employer-capacity entry limiting each worksite, or -1 (public:
  /// ``employerCapacity(of:)``).
  package let employerLimit: [Int32]

  /// Builds and validates an instance.
  ///
  /// - Throws: ``InstanceValidationError`` listing every error and warning, when any error is
  ///   found.
  public init(
    students: [Student], worksites: [Worksite], clusters: [Cluster] = Cluster.nycDefaults,
    rankings: [WorksiteRanking] = [], policy: Policy = Policy(), rules: PlacementRules = .init()
  ) throws(InstanceValidationError) {
    try self.init(
      students: students, worksites: worksites, clusters: clusters,
      rankings: RankingInput(rankings), policy: policy, rules: rules, references: nil,
      sharing: .standard)
  }

  /// Builds and validates an instance whose list entries and rankings a reader has already
  /// resolved to indices (`nil`: look them up in ``studentIndex`` and ``worksiteIndex``).
  ///
  /// `references` must name what the lookups would: the first student or worksite with the id.
  /// `sharing` tells how much work is worth a thread.
  ///
  /// - Throws: ``InstanceValidationError`` listing every error and warning, when any error is
  ///   found.
  package init(
    students: [Student], worksites: [Worksite], clusters: [Cluster], rankings: RankingInput,
    policy: Policy, rules: PlacementRules, references: ResolvedReferences?, sharing: Sharing
  ) throws(InstanceValidationError) {
    var issues: [InstanceIssue] = []
    let clusterIDs = Self.validate(clusters: clusters, into: &issues)

    // The students' checks, the other records' checks and the lists are independent once the
    // references are known: then they run at once (from `sharing.records` students on). Otherwise the references are looked up in
    // the id indices that the checks build.
    let checkStudents = { Self.validate(students: students, clusters: clusterIDs) }
    let checkWorksites = {
      Self.validate(worksites: worksites, clusters: clusterIDs, policy: policy)
    }
    let checkRankings = { (references: ResolvedReferences) in
      var issues: [InstanceIssue] = []
      let valid = Self.validate(
        rankings: rankings, resolved: references.rankings, students: students.count,
        worksites: worksites.count, into: &issues)
      return (valid: valid, issues: issues)
    }
    let resolveLists = { (references: ResolvedReferences) in
      Self.resolveLists(
        of: students, worksites: worksites, policy: policy, menu: rules.activities,
        references: references, sharing: sharing)
    }
    let studentCheck: Checked
    let worksiteCheck: Checked
    let rankingCheck:
      (valid: [(worksite: Int32, student: Int32, rank: Int32)], issues: [InstanceIssue])
    let lists: ResolvedLists
    if let references, students.count >= sharing.records {
      (studentCheck, (worksiteCheck, rankingCheck, lists)) = concurrently(checkStudents) {
        (checkWorksites(), checkRankings(references), resolveLists(references))
      }
    } else if let references {
      // Too little work to be worth a thread.
      (studentCheck, worksiteCheck) = (checkStudents(), checkWorksites())
      (rankingCheck, lists) = (checkRankings(references), resolveLists(references))
    } else {
      (studentCheck, worksiteCheck) = (checkStudents(), checkWorksites())
      let references = ResolvedReferences(
        students: students, rankings: rankings, studentIndex: studentCheck.index,
        worksiteIndex: worksiteCheck.index)
      (rankingCheck, lists) = (checkRankings(references), resolveLists(references))
    }
    issues += studentCheck.issues + worksiteCheck.issues + rankingCheck.issues
    if let menu = rules.activities {
      Self.validate(menu: menu, into: &issues)
    } else {
      Self.requireMenu(forSlotsOf: worksites, into: &issues)
    }
    let resolved = Self.resolve(
      rules, students: studentCheck.index, roster: students, worksites: worksites,
      reservesRevert: policy.reservesRevert, worksiteIndex: worksiteCheck.index, into: &issues)
    let menuPins = rules.activities.map {
      Self.resolve(
        menuPins: rules.pins, menu: $0, students: studentCheck.index, roster: students,
        worksites: worksites, worksiteIndex: worksiteCheck.index, into: &issues)
    }
    if !issues.contains(where: { $0.severity == .error }) {
      Self.contradictions(
        pinned: resolved.pinned, rules: rules, roster: students, worksites: worksites,
        studentIndex: studentCheck.index, worksiteIndex: worksiteCheck.index,
        choices: lists.choices, policy: policy, into: &issues)
    }

    if issues.contains(where: { $0.severity == .error }) {
      throw InstanceValidationError(issues: issues)
    }
    issues += lists.warnings

    self.students = students
    self.worksites = worksites
    self.clusters = clusters
    self.rankingIndices = rankingCheck.valid
    self.policy = policy
    self.studentIndex = studentCheck.index
    self.worksiteIndex = worksiteCheck.index
    self.choices = lists.choices
    self.ineligibleChoices = lists.ineligible
    self.listedCount = lists.listed
    self.warnings = issues
    self.rules = rules
    self.pinnedWorksite = resolved.pinned
    self.menuPins = menuPins ?? []
    self.menuPinIndex = Dictionary(
      uniqueKeysWithValues: (menuPins ?? []).enumerated().map {
        ($1.student << 32 | $1.worksite, $0)
      })
    self.linkedPairs = resolved.links
    self.employerLimit = resolved.employerLimit
  }

  /// An id index (the first record with an id keeps it) and the issues found building it.
  typealias Checked = (index: IdentifierMap, issues: [InstanceIssue])

  /// Checks every student's own fields and indexes the ids. Students are read in place, not
  /// copied.
  ///
  /// - Complexity: O(S) hash operations.
  private static func validate(students: [Student], clusters: Set<String>) -> Checked {
    var index = IdentifierMap(minimumCapacity: students.count)
    var issues: [InstanceIssue] = []
    for i in students.indices {
      let id = students[i].id
      if id.isEmpty {
        issues.append(.init(.error, .student(i), field: "id", "student id is empty"))
      } else if let first = index.claim(id, at: i) {
        issues.append(
          .init(
            .error, .student(i), field: "id",
            "duplicate student id '\(id)' (first at record \(first + 1))"))
      }
      if !clusters.contains(students[i].cluster) {
        issues.append(
          .init(
            .error, .student(i), field: "cluster",
            Self.unknownCluster(students[i].cluster, clusters)))
      }
      DatasetLimits.check(
        students[i].grade, DatasetLimits.grade, field: "grade", .student(i), into: &issues)
      DatasetLimits.check(
        students[i].age, DatasetLimits.age, field: "age", .student(i), into: &issues)
      if !DatasetLimits.listLength.contains(students[i].preferences.count) {
        issues.append(
          .init(
            .error, .student(i), field: "preferences",
            "the list has \(students[i].preferences.count) entries, more than "
              + "\(DatasetLimits.grouped(DatasetLimits.listLength.upperBound))"))
      }
      if let p = students[i].location, !p.isValid {
        issues.append(
          .init(
            .error, .student(i), field: "lat",
            "coordinates (\(p.latitude), \(p.longitude)) are out of range"))
      }
    }
    return (index, issues)
  }

  /// Checks every worksite's own fields and side constraints, indexes the ids, and checks the
  /// policy's distance limit.
  ///
  /// - Complexity: O(W) hash operations.
  private static func validate(worksites: [Worksite], clusters: Set<String>, policy: Policy)
    -> Checked
  {
    var index = IdentifierMap(minimumCapacity: worksites.count)
    var issues: [InstanceIssue] = []
    for (j, w) in worksites.enumerated() {
      if w.id.isEmpty {
        issues.append(.init(.error, .worksite(j), field: "id", "worksite id is empty"))
      } else if let first = index.claim(w.id, at: j) {
        issues.append(
          .init(
            .error, .worksite(j), field: "id",
            "duplicate worksite id '\(w.id)' (first at record \(first + 1))"))
      }
      if !clusters.contains(w.cluster) {
        issues.append(
          .init(.error, .worksite(j), field: "cluster", Self.unknownCluster(w.cluster, clusters)))
      }
      DatasetLimits.check(
        w.capacity, DatasetLimits.seats, field: "capacity", .worksite(j), into: &issues)
      DatasetLimits.check(
        w.minimumAge, DatasetLimits.age, field: "min_age", .worksite(j), into: &issues)
      DatasetLimits.check(
        w.minimumGrade, DatasetLimits.grade, field: "min_grade", .worksite(j), into: &issues)
      if let p = w.location, !p.isValid {
        issues.append(
          .init(
            .error, .worksite(j), field: "lat",
            "coordinates (\(p.latitude), \(p.longitude)) are out of range"))
      }
      Self.validate(sideConstraintsOf: w, at: j, into: &issues)
      Self.validate(slotsOf: w, at: j, into: &issues)
    }
    if let limit = policy.maximumDistanceKilometres, !(limit > 0) {
      issues.append(
        .init(
          .error, .policy, field: "max_distance_km",
          "the distance limit must be positive, not \(limit)"))
    }
    return (index, issues)
  }

  /// "unknown cluster 'x'", naming the nearest cluster when one is within two edits.
  private static func unknownCluster(_ cluster: String, _ clusters: Set<String>) -> String {
    "unknown cluster '\(cluster)'" + NearestName.hint(for: cluster, among: clusters.sorted())
  }

  private static func validate(clusters: [Cluster], into issues: inout [InstanceIssue]) -> Set<
    String
  > {
    var ids: Set<String> = []
    for (k, c) in clusters.enumerated() {
      if c.id.isEmpty {
        issues.append(.init(.error, .cluster(k), field: "id", "cluster id is empty"))
      } else if !ids.insert(c.id).inserted {
        issues.append(.init(.error, .cluster(k), field: "id", "duplicate cluster id '\(c.id)'"))
      }
    }
    return ids
  }
}

/// The worksite and student that each list entry and ranking names, as indices, and which
/// students hold equal sets: what a reader that found the ids in the file's bytes hands to
/// ``PlacementInstance``, which then looks up no id again.
package struct ResolvedReferences: Sendable {
  /// The worksite of every list entry, the students' lists one after another; -1 when unknown.
  /// `nil` when each student's ``WorksiteList`` holds them: its codes below the storage's
  /// record count are worksite indices (a reader that resolved the entries from the file's
  /// bytes makes its lists so).
  package var preferences: [Int32]?
  /// The worksite and the student of every ranking; -1 when unknown.
  package var rankings: [(worksite: Int32, student: Int32)]
  /// For each student, a number for its credentials and one for its free blocks (-1: none):
  /// equal numbers stand for equal sets, so eligibility turns each set into bits once. Empty
  /// when not known.
  package var setNumbers: [(credentials: Int32, availability: Int32)]

  /// Wraps indices found by a reader.
  package init(
    preferences: [Int32]?, rankings: [(worksite: Int32, student: Int32)],
    setNumbers: [(credentials: Int32, availability: Int32)]
  ) {
    self.preferences = preferences
    self.rankings = rankings
    self.setNumbers = setNumbers
  }

  /// Looks every id up in an instance's indices.
  ///
  /// - Complexity: O(L + R) hash lookups for L list entries and R rankings.
  init(
    students: [Student], rankings: RankingInput, studentIndex: IdentifierMap,
    worksiteIndex: IdentifierMap
  ) {
    func index(_ found: Int?) -> Int32 { found.map { Int32($0) } ?? -1 }
    var preferences: [Int32] = []
    preferences.reserveCapacity(students.reduce(0) { $0 + $1.preferences.count })
    for s in students {
      for id in s.preferences { preferences.append(index(worksiteIndex[id])) }
    }
    self.preferences = preferences
    self.rankings = (0..<rankings.count).map { k in
      let r = rankings[k]
      return (index(worksiteIndex[r.worksite]), index(studentIndex[r.student]))
    }
    setNumbers = []
  }
}

extension PlacementInstance {
  /// The worksite index `student` is pinned to (`pins.csv`), or `nil`.
  ///
  /// ```swift
  /// instance.pinnedWorksite(of: instance.studentIndex["S7"]!)  // the index of W3
  /// ```
  ///
  /// - Complexity: O(1).
  public func pinnedWorksite(of student: Int) -> Int? {
    let w = pinnedWorksite[student]
    return w < 0 ? nil : Int(w)
  }

  /// The employer capacity (`employers.csv`) that limits `worksite` with its employer's other
  /// worksites, or `nil`.
  ///
  /// - Complexity: O(1).
  public func employerCapacity(of worksite: Int) -> EmployerCapacity? {
    let e = employerLimit[worksite]
    return e < 0 ? nil : rules.employerCapacity[Int(e)]
  }

  /// How many known worksites `student` listed (ids that name a worksite, each once), eligible
  /// or not.
  ///
  /// - Complexity: O(1).
  public func listedWorksiteCount(of student: Int) -> Int { Int(listedCount[student]) }
}
