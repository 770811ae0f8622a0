import InternMatchIO
import InternMatchModel
import InternMatchSolvers
import Testing

@Suite("Network core with side constraints")
struct ConstrainedNetworkTests {
  func student(_ id: String, school: String = "X", groups: Set<String> = [], _ prefs: [String])
    -> Student
  {
    Student(id: id, school: school, cluster: "it", groups: groups, preferences: prefs)
  }

  func solve(_ instance: PlacementInstance, _ cost: RankCost = .linear) throws -> PlacementResult {
    let result = try OptimalStrategy(rankCost: cost, backend: .network).place(instance)
    #expect(instance.violations(in: result.placement).isEmpty)
    return result
  }

  @Test("max_per_school: two of three students from one school")
  func maxPerSchool() throws {
    // W (3 seats, at most 2 per school) is everyone's first choice; V is the fallback.
    let instance = try PlacementInstance(
      students: [
        student("A", school: "K1", ["W", "V"]), student("B", school: "K1", ["W", "V"]),
        student("C", school: "K1", ["W", "V"]),
      ],
      worksites: [
        Worksite(id: "W", cluster: "it", capacity: 3, maxPerSchool: 2),
        Worksite(id: "V", cluster: "it", capacity: 1),
      ])
    let result = try solve(instance)
    #expect(result.objective == PlacementObjective(placed: 3, cost: 1 + 1 + 2))
  }

  @Test("employer capacity across two worksites")
  func employerCapacity() throws {
    // Both worksites belong to Acme, which takes 1 student in all; O is elsewhere.
    let instance = try PlacementInstance(
      students: [student("A", ["W1", "O"]), student("B", ["W2", "O"])],
      worksites: [
        Worksite(id: "W1", employer: "Acme", cluster: "it", capacity: 1),
        Worksite(id: "W2", employer: "Acme", cluster: "it", capacity: 1),
        Worksite(id: "O", employer: "Other", cluster: "it", capacity: 1),
      ],
      rules: PlacementRules(employerCapacity: [EmployerCapacity(employer: "Acme", capacity: 1)]))
    let result = try solve(instance)
    #expect(result.objective == PlacementObjective(placed: 2, cost: 1 + 2))
  }

  @Test("pins: honoured even off the list, and they use a seat")
  func pins() throws {
    // P is pinned to W (not on P's list); W's one seat is gone, so A goes to V.
    let instance = try PlacementInstance(
      students: [student("P", ["V"]), student("A", ["W", "V"])],
      worksites: [
        Worksite(id: "W", cluster: "it", capacity: 1),
        Worksite(id: "V", cluster: "it", capacity: 1),
      ],
      rules: PlacementRules(pins: [Pin(student: "P", worksite: "W")]))
    let result = try solve(instance)
    #expect(result.placement.assignment == [0, 1])
    #expect(result.objective == PlacementObjective(placed: 2, cost: 0 + 2))
    #expect(instance.outcomes(of: result.placement)[0] == .placed(worksite: 0, rank: 0))
  }

  @Test("reserves that do not revert keep seats for their group")
  func reserves() throws {
    // W has 2 seats, 1 reserved for ell. N1 and N2 (not ell) want W first; E (ell) wants W only
    // as second choice behind a full V. Without the reserve N1 and N2 take W; with it, one seat
    // stays for E.
    let students = [
      student("N1", ["W"]), student("N2", ["W"]), student("E", groups: ["ell"], ["V", "W"]),
    ]
    let worksites = [
      Worksite(
        id: "W", cluster: "it", capacity: 2, reserves: [SeatReserve(group: "ell", seats: .seats(1))]
      ),
      Worksite(id: "V", cluster: "it", capacity: 0),
    ]
    let hard = try PlacementInstance(
      students: students, worksites: worksites, policy: Policy(reservesRevert: false))
    let result = try solve(hard)
    #expect(result.placement.assignment[2] == 0)
    #expect(result.objective.placed == 2)
    // Reverting reserves do not restrict an optimal placement.
    let soft = try PlacementInstance(students: students, worksites: worksites)
    #expect(try solve(soft).objective.placed == 2)
  }

  @Test("school floor: met when feasible, at the cost of rank")
  func floorMet() throws {
    // One seat at W. A (school K1) ranks W first; B (school K2) second. A floor of 50% per
    // school cannot be met by both (one seat) — but with two seats it can.
    let twoSeats = try PlacementInstance(
      students: [student("A", school: "K1", ["W"]), student("B", school: "K2", ["Z", "W"])],
      worksites: [
        Worksite(id: "W", cluster: "it", capacity: 2),
        Worksite(id: "Z", cluster: "it", capacity: 0),
      ],
      rules: PlacementRules(schoolFloor: 0.5))
    let result = try solve(twoSeats)
    #expect(result.objective == PlacementObjective(placed: 2, cost: 1 + 2))
    #expect(result.statistics["school_floors_met"] == 1)
  }

  @Test("school floor: infeasible floors are reported, and the placement ignores them")
  func floorInfeasible() throws {
    let oneSeat = try PlacementInstance(
      students: [student("A", school: "K1", ["W"]), student("B", school: "K2", ["W"])],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)],
      rules: PlacementRules(schoolFloor: 1))
    let result = try solve(oneSeat)
    #expect(result.objective.placed == 1)
    #expect(result.statistics["school_floors_met"] == 0)
  }
}

@Suite("place_unranked")
struct PlaceUnrankedTests {
  @Test("a student with no list gets the nearest eligible seat of their cluster, after the ranked")
  func unranked() throws {
    let home = Coordinate(latitude: 40.75, longitude: -73.99)
    let near = Coordinate(latitude: 40.76, longitude: -73.98)
    let far = Coordinate(latitude: 40.60, longitude: -74.10)
    let students = [
      Student(id: "U", school: "X", cluster: "it", location: home),
      Student(id: "R", school: "X", cluster: "it", location: home, preferences: ["Near"]),
    ]
    let worksites = [
      Worksite(id: "Far", cluster: "it", capacity: 1, location: far),
      Worksite(id: "Near", cluster: "it", capacity: 1, location: near),
      Worksite(id: "Health", cluster: "healthcare", capacity: 1, location: home),
    ]
    let off = try PlacementInstance(students: students, worksites: worksites)
    #expect(off.choices.range(of: 0).isEmpty)
    let on = try PlacementInstance(
      students: students, worksites: worksites, policy: Policy(placeUnranked: true))
    // Nearest first, own cluster only, ranked after the longest list (1): 2, 3.
    let range = on.choices.range(of: 0)
    #expect(range.map { on.choices.worksite[$0] } == [1, 0])
    #expect(range.map { on.choices.rank[$0] } == [2, 3])
    // R keeps Near (a ranked choice beats an unranked one); U gets Far, reported as rank 0.
    let result = try OptimalStrategy().place(on)
    #expect(result.placement.assignment == [0, 1])
    #expect(
      on.outcomes(of: result.placement) == [
        .placed(worksite: 0, rank: 0), .placed(worksite: 1, rank: 1),
      ])
    #expect(
      PlacementWriter.csv(on, outcomes: on.outcomes(of: result.placement))
        == "student,worksite,rank,reason\nU,Far,,unranked\nR,Near,1,\n")
  }
}
