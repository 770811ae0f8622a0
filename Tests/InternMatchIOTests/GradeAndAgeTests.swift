import InternMatchIO
import InternMatchModel
import Testing

@Suite("Grades as exports write them; ages from birth dates")
struct GradeAndAgeTests {
  @Test("11, 11th, Grade 11, Gr. 11, 11th grade and 9TH are grades; min_grade too")
  func gradeForms() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster,grade\nS1,X,it,11\nS2,X,it,11th\nS3,X,it,Grade 11\n"
          + "S4,X,it,Gr. 12\nS5,X,it,10th grade\nS6,X,it,9TH\nS7,X,it,\n",
        "worksites.csv": "id,cluster,capacity,min_grade\nW1,it,1,11th\n",
      ]))
    let dataset = try #require(d, "\(issues)")
    #expect(dataset.instance.students.map(\.grade) == [11, 11, 11, 12, 10, 9, nil])
    #expect(dataset.instance.worksites[0].minimumGrade == 11)
    #expect(issues.isEmpty)
  }

  @Test("K and PK are refused with their reason; other text names the accepted forms")
  func refusedGrades() {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster,grade\nS1,X,it,K\nS2,X,it,Pre-K\nS3,X,it,senior\n"
          + "S4,X,it,Grade 99\n"
      ]))
    #expect(d == nil)
    let refusal =
      "is refused: kindergarten and pre-kindergarten grades are not read: work-based learning "
      + "places high school students"
    #expect(
      issues == [
        "students.csv:2:9: error: grade 'K' \(refusal)",
        "students.csv:3:9: error: grade 'Pre-K' \(refusal)",
        "students.csv:4:9: error: grade 'senior' is not a grade (write 11, 11th, Grade 11 or Gr. 11)",
        "students.csv:5:9: error: grade 99 is out of range (0–20)",
      ])
  }

  let policy = #"{"placement_start": "2027-07-01"}"#

  @Test("ages are counted from birth_date at placement_start, in either date form")
  func agesFromBirthDates() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster,Date of Birth\nS1,X,it,2010-07-01\nS2,X,it,2010-07-02\n"
          + "S3,X,it,02/29/2008\nS4,X,it,3/7/2011\nS5,X,it,\n",
        "policy.json": policy,
      ]))
    let dataset = try #require(d, "\(issues)")
    #expect(dataset.instance.students.map(\.age) == [17, 16, 19, 16, nil])
    #expect(dataset.instance.policy.placementStart == "2027-07-01")
  }

  @Test("age and birth_date that disagree, bad dates, and a missing placement_start are errors")
  func birthDateErrors() {
    let (_, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster,age,birth_date\nS1,X,it,17,2010-07-01\n"
          + "S2,X,it,17,2010-07-02\nS3,X,it,,2010-02-30\nS4,X,it,,2028-01-01\nS5,X,it,,13/01/2010\n",
        "policy.json": policy,
      ]))
    #expect(
      issues == [
        "students.csv:3:9: error: age 17 disagrees with birth_date 2010-07-02, which gives 16 "
          + "on placement_start 2027-07-01",
        "students.csv:4:10: error: birth_date '2010-02-30' is not a date (write YYYY-MM-DD or MM/DD/YYYY)",
        "students.csv:5:10: error: birth_date 2028-01-01 is after placement_start 2027-07-01",
        "students.csv:6:10: error: birth_date '13/01/2010' is not a date (write YYYY-MM-DD or MM/DD/YYYY)",
      ])
    let (_, missing) = ExportFixtures.read(
      ExportFixtures.files(["students.csv": "id,school,cluster,DOB\nS1,X,it,2010-07-01\n"]))
    #expect(
      missing == [
        "students.csv:1:19: error: ages from birth_date need placement_start in policy.json, the "
          + "date they are counted at (e.g. \"placement_start\": \"2027-07-01\")"
      ])
    let (_, badStart) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster\nS1,X,it\n",
        "policy.json": #"{"placement_start": "July 1"}"#,
      ]))
    #expect(
      badStart == [
        "policy.json:1:21: error: placement_start must be a date, written YYYY-MM-DD (or MM/DD/YYYY)"
      ])
  }
}
