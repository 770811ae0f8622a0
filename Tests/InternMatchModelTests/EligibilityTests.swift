import InternMatchModel
import Testing

@Suite("Eligibility")
struct EligibilityTests {
  let worksite = Worksite(
    id: "W", cluster: "healthcare", capacity: 1,
    location: Coordinate(latitude: 40.75, longitude: -73.99),
    minimumAge: 16, minimumGrade: 11, requiredCredentials: ["cpr"], schedule: ["mon-pm", "wed-pm"])

  @Test("an eligible student has no reasons")
  func eligible() {
    let s = Student(
      id: "S", school: "X", cluster: "healthcare", grade: 11, age: 16,
      location: Coordinate(latitude: 40.70, longitude: -73.95), credentials: ["cpr", "osha-10"],
      availability: ["wed-pm"])
    #expect(
      Ineligibility.check(
        student: s, worksite: worksite, policy: Policy(maximumDistanceKilometres: 20)
      ).isEmpty)
  }

  @Test("every failed rule gets its own reason code")
  func everyReason() {
    let s = Student(
      id: "S", school: "X", cluster: "healthcare", grade: 10, age: 15,
      location: Coordinate(latitude: 42.65, longitude: -73.76), availability: ["tue-am"])
    let why = Ineligibility.check(
      student: s, worksite: worksite, policy: Policy(maximumDistanceKilometres: 30))
    #expect(
      why.codes == [
        "age-below-minimum", "grade-below-minimum", "missing-credential", "no-shared-schedule",
        "too-far",
      ])
  }

  @Test("unknown age or grade fails a stated minimum; missing data elsewhere does not")
  func unknowns() {
    let s = Student(id: "S", school: "X", cluster: "healthcare", credentials: ["cpr"])
    #expect(
      Ineligibility.check(student: s, worksite: worksite, policy: Policy()).codes == [
        "age-unknown", "grade-unknown",
      ])
    let open = Worksite(id: "O", cluster: "it", capacity: 1)
    #expect(
      Ineligibility.check(student: s, worksite: open, policy: Policy(maximumDistanceKilometres: 1))
        .isEmpty)
  }

  @Test("haversine distance matches a known value")
  func distance() {
    // Empire State Building to the Statue of Liberty: 8.24 km on a 6,371 km sphere.
    let esb = Coordinate(latitude: 40.7484, longitude: -73.9857)
    let liberty = Coordinate(latitude: 40.6892, longitude: -74.0445)
    #expect(abs(esb.distanceKilometres(to: liberty) - 8.24) < 0.02)
    #expect(esb.distanceKilometres(to: esb) == 0)
  }
}
