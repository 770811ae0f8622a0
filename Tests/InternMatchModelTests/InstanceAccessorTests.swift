import InternMatchModel
import Testing

/// The public accessors that stand in for the instance's index tables (pins, employer limits,
/// known list entries): ids in, values out, `nil` where the table holds -1.
@Suite("Instance accessors")
struct InstanceAccessorTests {
  private func instance() throws -> PlacementInstance {
    try PlacementInstance(
      students: [
        Student(id: "ana", school: "X", cluster: "it", preferences: ["W1", "nope", "W1", "W2"]),
        Student(id: "ben", school: "X", cluster: "it", preferences: []),
        Student(id: "cy", school: "Y", cluster: "it", preferences: ["W3"]),
      ],
      worksites: [
        Worksite(id: "W1", employer: "Acme", cluster: "it", capacity: 2),
        Worksite(id: "W2", employer: "Bolt", cluster: "it", capacity: 1),
        Worksite(id: "W3", employer: "Acme", cluster: "it", capacity: 1),
      ],
      rules: PlacementRules(
        employerCapacity: [EmployerCapacity(employer: "Acme", capacity: 2)],
        pins: [Pin(student: "ben", worksite: "W3")]))
  }

  @Test("pins by student, nil when unpinned")
  func pins() throws {
    let instance = try instance()
    #expect(instance.pinnedWorksite(of: 0) == nil)
    #expect(instance.pinnedWorksite(of: 1) == 2)
    #expect(instance.pinnedWorksite(of: 2) == nil)
    #expect(instance.offListSeat(student: 1, worksite: 2) == .pinned)
    #expect(instance.offListSeat(student: 0, worksite: 2) == .unranked)
  }

  @Test("employer capacities by worksite, nil for an employer without one")
  func employers() throws {
    let instance = try instance()
    let acme = EmployerCapacity(employer: "Acme", capacity: 2)
    #expect(instance.employerCapacity(of: 0) == acme)
    #expect(instance.employerCapacity(of: 1) == nil)
    #expect(instance.employerCapacity(of: 2) == acme)
  }

  @Test("known list entries: unknown ids and repeats do not count")
  func listed() throws {
    let instance = try instance()
    #expect((0..<3).map(instance.listedWorksiteCount(of:)) == [2, 0, 1])
    #expect(Placement(studentCount: 3).studentCount == 3)
  }
}
