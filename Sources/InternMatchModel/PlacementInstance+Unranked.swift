extension PlacementInstance {
  /// How many seats an unranked student is offered under `place_unranked`: the nearest ones.
  public static let unrankedChoiceLimit = 20

  /// The choices a student who listed nothing gets under the `place_unranked` policy: eligible
  /// worksites of the student's own cluster, nearest first when both have coordinates (else in
  /// input order), at most ``unrankedChoiceLimit``, ranked after every listed choice of anyone
  /// (`longest list + 1, + 2, …`) so that they cost more than any ranked placement.
  ///
  /// - Complexity: O(W log W).
  static func unrankedChoices(
    for student: Student, worksites: [Worksite], policy: Policy, after longestList: Int
  ) -> [(worksite: Int, rank: Int)] {
    var candidates: [(worksite: Int, distance: Double)] = []
    for (j, w) in worksites.enumerated()
    where w.cluster == student.cluster && w.capacity > 0
      && Ineligibility.check(student: student, worksite: w, policy: policy).isEmpty
    {
      let distance = student.location.flatMap { a in w.location.map { a.distanceKilometres(to: $0) }
      }
      candidates.append((j, distance ?? 0))
    }
    candidates.sort { ($0.distance, $0.worksite) < ($1.distance, $1.worksite) }
    return candidates.prefix(unrankedChoiceLimit).enumerated().map {
      ($1.worksite, longestList + 1 + $0)
    }
  }

  /// Whether `student`'s placement at `worksite` is off their own list (a pin or an unranked
  /// assignment): its rank is then reported as 0.
  public func isUnlisted(student: Int, worksite: Int) -> Bool {
    !students[student].preferences.contains(worksites[worksite].id)
  }
}
