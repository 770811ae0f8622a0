import InternMatchIO
import Testing

@Suite("Header aliases")
struct HeaderAliasTests {
  let worksites = Array("Worksite ID,Career Cluster,Seats\nW1,it,1\n".utf8)

  /// The descriptions of the issues reading `students` (bytes of `students.csv`) meets.
  func issues(_ students: String) -> [String] {
    do {
      let d = try DatasetReader.read(
        .files(["students.csv": Array(students.utf8), "worksites.csv": worksites]))
      return d.warnings.map(\.description)
    } catch {
      return error.issues.map(\.description)
    }
  }

  @Test("names match ignoring case and punctuation, and by alias")
  func aliases() throws {
    let d = try DatasetReader.read(
      .files([
        "students.csv": Array(
          "Student ID,School DBN,CLUSTER,Grade Level,Ranked choices\nS1,X,it,11,W1\n".utf8),
        "worksites.csv": worksites,
      ]))
    #expect(d.instance.students[0].id == "S1")
    #expect(d.instance.students[0].school == "X")
    #expect(d.instance.students[0].grade == 11)
    #expect(d.instance.students[0].preferences == ["W1"])
    #expect(d.instance.worksites[0].capacity == 1)
    #expect(d.warnings.isEmpty)
  }

  @Test("two headers that mean one column are an error")
  func twoNamesOneColumn() {
    #expect(
      issues("id,student_id,school,cluster\nS1,S1,X,it\n").contains(
        "students.csv:1:4: error: columns 'id' and 'student_id' both mean 'id'"))
  }

  @Test("an unknown column names the nearest known one")
  func didYouMean() {
    let found = issues("id,school,cluster,prefrences\nS1,X,it,W1\n")
    #expect(found.count == 1)
    #expect(
      found.first?.contains(
        "unknown column 'prefrences' passed through to rosters, not read (did you mean 'preferences'?)"
      ) == true)
    // A short unrelated name suggests nothing: it is the district's own column, passed through.
    #expect(issues("id,school,cluster,name\nS1,X,it,Ann\n").isEmpty)
  }
}
