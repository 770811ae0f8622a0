import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchTestSupport
import Testing

/// `activities.csv`, the `role` column of students.csv and the `slots` column of worksites.csv.
@Suite("Reading the menu of activities")
struct ActivitiesReadingTests {
  func dataset(_ files: [String: String]) throws -> String {
    let directory = try Paths.temporaryDirectory()
    for (name, text) in files {
      try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
    return directory
  }

  let students = """
    id,school,cluster,role,preferences
    S1,X,it,,M1;W1;M2;W2
    T1,X,it,teacher,E1;W1
    """
  let worksites = """
    id,cluster,capacity,kind,slots,employer
    W1,it,1,internship,,A
    W2,it,1,,,B
    M1,it,1,mock-interview,09:00;09:20,A
    M2,it,1,mock-interview,,B
    E1,it,2,teacher-externship,,A
    """

  /// The descriptions of the issues reading `files` reports (errors thrown, or warnings).
  func issues(_ files: [String: String]) throws -> [String] {
    do {
      return try DatasetReader.read(directory: dataset(files)).warnings.map(\.description)
    } catch let error as DatasetError {
      return error.issues.map(\.description)
    }
  }

  @Test("reads rules, roles and slots; ranks count within a kind")
  func reads() throws {
    let d = try DatasetReader.read(
      directory: dataset([
        "students.csv": students, "worksites.csv": worksites,
        "activities.csv": """
        kind,max_per_participant,priority,participants,max_per_employer
        mock-interview,2,2,student,1
        internship,1,1,student,
        """,
      ]))
    let instance = d.instance
    let menu = try #require(instance.activities)
    #expect(menu.served.prefix(2).map(\.kind) == [.internship, .mockInterview])
    #expect(menu.rule(for: .mockInterview).maxPerEmployer == 1)
    #expect(menu.rule(for: .teacherExternship).participants == .teacher)
    #expect(instance.students.map(\.role) == [.student, .teacher])
    #expect(instance.worksites[2].slots == ["09:00", "09:20"])
    // S1 lists M1;W1;M2;W2: mock interviews rank 1 and 2, internships rank 1 and 2.
    let s1 = instance.choices.range(of: 0).map {
      (instance.worksites[Int(instance.choices.worksite[$0])].id, Int(instance.choices.rank[$0]))
    }
    #expect(s1.map(\.0) == ["M1", "W1", "M2", "W2"])
    #expect(s1.map(\.1) == [1, 1, 2, 2])
    // The teacher's internship is not offered to teachers: a warning, the entry skipped.
    #expect(instance.choices.range(of: 1).map { instance.choices.worksite[$0] } == [4])
    #expect(
      d.warnings.map(\.description) == [
        "students.csv:3:17: warning: worksite 'W1' at position 2 offers 'internship', not offered to teachers; skipped"
      ])
  }

  @Test("without activities.csv ranks stay list positions and there is no menu")
  func withoutMenu() throws {
    let unslotted = worksites.replacingOccurrences(of: "09:00;09:20", with: "")
    let d = try DatasetReader.read(
      directory: dataset(["students.csv": students, "worksites.csv": unslotted]))
    #expect(d.instance.activities == nil)
    #expect(d.instance.choices.range(of: 0).map { d.instance.choices.rank[$0] } == [1, 2, 3, 4])
    #expect(d.instance.sideRules.isEmpty)
    // Slots without a menu are an error of the data, at the first slotted row.
    #expect(
      try issues(["students.csv": students, "worksites.csv": worksites]).contains(
        "worksites.csv:4:24: error: slots need a menu of activities (activities.csv); "
          + "without one each person gets one placement in total"))
  }

  @Test("every malformed rule is an error at its cell")
  func errors() throws {
    let found = try issues([
      "students.csv": students,
      "worksites.csv": worksites + "\nX1,it,1,tour,a;b;a,\n",
      "activities.csv": """
      kind,max_per_participant,priority,participants
      mock-interview,2,1,student
      mock-interview,1,2,student
      safari,1,3,student
      internship,1,1,student
      career-day,x,0,teachers
      job-shadow,2000,0,teacher
      """,
    ])
    #expect(
      found == [
        "worksites.csv:7:9: error: kind 'tour' is not one of internship, job-shadow, mock-interview, workplace-tour, apprenticeship, career-day, teacher-externship",
        "worksites.csv:7:14: error: slot 'a' is listed twice",
        "activities.csv:3:1: error: kind 'mock-interview' is listed twice (first at record 1)",
        "activities.csv:4:1: error: kind 'safari' is not one of internship, job-shadow, mock-interview, workplace-tour, apprenticeship, career-day, teacher-externship",
        "activities.csv:5:14: error: priority 1 is also that of 'mock-interview' (record 1); kinds are served one after another",
        "activities.csv:6:12: error: max_per_participant 'x' is not an integer",
        "activities.csv:6:16: error: participants 'teachers' is not one of student, teacher (did you mean 'teacher'?)",
        "activities.csv:7:12: error: max_per_participant 2000 is out of range (0–1,000)",
        "activities.csv:7:17: error: priority 0 is out of range (1–1,000)",
      ])
  }

  @Test("a role that is neither student nor teacher is an error")
  func badRole() throws {
    let found = try issues([
      "students.csv": "id,school,cluster,role\nS1,X,it,staff\n",
      "worksites.csv": "id,cluster,capacity\nW1,it,1\n",
    ])
    #expect(found == ["students.csv:2:9: error: role 'staff' is not one of student, teacher"])
  }
}
