import InternMatchModel
import Testing

/// One instance per cause of an unplaced student: each reason must be the one the data makes
/// true (issue 9: linked students were reported `choices-full` beside free seats).
@Suite("Unplaced reasons")
struct UnplacedReasonTests {
  private func student(
    _ id: String, school: String = "X", groups: Set<String> = [], _ preferences: [String]
  ) -> Student {
    Student(id: id, school: school, cluster: "it", groups: groups, preferences: preferences)
  }

  private func reason(
    of id: String, _ students: [Student], _ worksites: [Worksite], placed: [String: String],
    rankings: [WorksiteRanking] = [], policy: Policy = Policy(), rules: PlacementRules = .init()
  ) throws -> UnplacedReason? {
    let instance = try PlacementInstance(
      students: students, worksites: worksites, rankings: rankings, policy: policy, rules: rules)
    var p = Placement(studentCount: students.count)
    for (s, w) in placed {
      let student = try #require(instance.studentIndex[s])
      let worksite = try #require(instance.worksiteIndex[w])
      p.assign(student: student, to: worksite)
    }
    #expect(instance.violations(in: p).isEmpty)
    let index = try #require(instance.studentIndex[id])
    guard case .unplaced(let why) = instance.outcomes(of: p)[index] else { return nil }
    return why
  }

  @Test("an empty list, an unrecognised list, no eligible choice, full choices")
  func listReasons() throws {
    let sites = [
      Worksite(id: "W", cluster: "it", capacity: 1),
      Worksite(id: "Old", cluster: "it", capacity: 1, minimumAge: 18),
    ]
    let roster = [
      student("empty", []), student("typo", ["w", "nope"]),
      Student(id: "young", school: "X", cluster: "it", age: 15, preferences: ["Old"]),
      student("late", ["W"]), student("first", ["W"]),
    ]
    let placed = ["first": "W"]
    #expect(try reason(of: "empty", roster, sites, placed: placed) == .noPreferences)
    #expect(try reason(of: "typo", roster, sites, placed: placed) == .unknownChoices)
    #expect(try reason(of: "young", roster, sites, placed: placed) == .noEligibleChoice)
    #expect(try reason(of: "late", roster, sites, placed: placed) == .choicesFull)
  }

  @Test("linked: a seat free for the student alone, none for the pair")
  func linked() throws {
    let sites = [Worksite(id: "W", cluster: "it", capacity: 2)]
    let roster = [student("a", ["W"]), student("b", ["W"]), student("c", ["W"])]
    let rules = PlacementRules(links: [StudentLink(first: "a", second: "b")])
    #expect(try reason(of: "a", roster, sites, placed: ["c": "W"], rules: rules) == .linked)
  }

  @Test("school-limit, employer-limit, reserved, min-group")
  func ruleReasons() throws {
    let limited = [
      Worksite(id: "W", cluster: "it", capacity: 3, maxPerSchool: 1),
      Worksite(id: "Full", cluster: "it", capacity: 0),
    ]
    let sameSchool = [student("a", ["Full", "W"]), student("b", ["W"])]
    #expect(try reason(of: "a", sameSchool, limited, placed: ["b": "W"]) == .schoolLimit)

    let employer = [
      Worksite(id: "A", employer: "E", cluster: "it", capacity: 2),
      Worksite(id: "B", employer: "E", cluster: "it", capacity: 2),
    ]
    let rules = PlacementRules(employerCapacity: [EmployerCapacity(employer: "E", capacity: 1)])
    #expect(
      try reason(
        of: "a", [student("a", ["B"]), student("b", ["A"])], employer, placed: ["b": "A"],
        rules: rules) == .employerLimit)

    let reserve = [
      Worksite(
        id: "R", cluster: "it", capacity: 2,
        reserves: [SeatReserve(group: "ell", seats: .seats(1))])
    ]
    var keep = Policy()
    keep.reservesRevert = false
    let roster = [student("a", ["R"]), student("b", ["R"]), student("e", groups: ["ell"], ["R"])]
    #expect(try reason(of: "a", roster, reserve, placed: ["b": "R"], policy: keep) == .reserved)
    // Reverting reserves bind nobody: the free seat is then one the run did not use.
    #expect(try reason(of: "a", roster, reserve, placed: ["b": "R"]) == .freeSeatUnused)

    let cohort = [Worksite(id: "G", cluster: "it", capacity: 3, minimumGroupSize: 2)]
    #expect(try reason(of: "a", [student("a", ["G"])], cohort, placed: [:]) == .minimumGroup)
  }

  @Test("not-ranked: the only free seats are at a worksite whose rankings leave the student out")
  func notRanked() throws {
    let sites = [Worksite(id: "W", cluster: "it", capacity: 2)]
    let roster = [student("a", ["W"]), student("b", ["W"])]
    let rankings = [WorksiteRanking(worksite: "W", student: "b", rank: 1)]
    #expect(
      try reason(of: "a", roster, sites, placed: ["b": "W"], rankings: rankings) == .notRanked)
  }

  @Test("the first free choice's rule names the reason when several rules block")
  func firstBlockingRule() throws {
    let sites = [
      Worksite(id: "G", cluster: "it", capacity: 3, minimumGroupSize: 2),
      Worksite(id: "L", cluster: "it", capacity: 3, maxPerSchool: 1),
    ]
    let roster = [student("a", ["G", "L"]), student("b", ["L"])]
    #expect(try reason(of: "a", roster, sites, placed: ["b": "L"]) == .minimumGroup)
    let swapped = [student("a", ["L", "G"]), student("b", ["L"])]
    #expect(try reason(of: "a", swapped, sites, placed: ["b": "L"]) == .schoolLimit)
  }
}
