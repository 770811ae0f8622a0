import InternMatchIO
import Testing

@Suite("Pass-through columns: a district's own students.csv columns kept for rosters")
struct PassThroughColumnsTests {
  let worksites = Array("id,cluster,capacity\nW1,it,1\n".utf8)

  func read(_ students: String, worksites: String? = nil) throws -> Dataset {
    try DatasetReader.read(
      .files([
        "students.csv": Array(students.utf8),
        "worksites.csv": worksites.map { Array($0.utf8) } ?? self.worksites,
      ]))
  }

  @Test("every column the format does not use, in file order, with its header as written")
  func columns() throws {
    let d = try read(
      """
      First Name,id,email,school,Guardian Email,cluster,preferences,phone
      Ana,S1,ana@example.org,X,"ruiz@example.org, ruiz2@example.org",it,W1,
      Ben,S2,,X,,it,W1,555-0100

      """)
    #expect(d.passThrough.names == ["First Name", "email", "Guardian Email", "phone"])
    #expect(d.passThrough.rows == 2)
    #expect(
      d.passThrough.values(ofRow: 0) == [
        "Ana", "ana@example.org", "ruiz@example.org, ruiz2@example.org", "",
      ])
    #expect(d.passThrough.values(ofRow: 1) == ["Ben", "", "", "555-0100"])
    #expect(d.passThrough.column(named: "first_name") == 0)
    #expect(d.passThrough.column(named: "guardian_email") == 2)
    #expect(d.passThrough.column(named: "name") == nil)
    #expect(d.warnings.isEmpty)
  }

  @Test("a near miss of a known column still warns and suggests; it passes through too")
  func nearMiss() throws {
    let d = try read("id,school,cluster,prefrences,nmae\nS1,X,it,W1,Ann\n")
    #expect(d.passThrough.names == ["prefrences", "nmae"])
    #expect(d.warnings.count == 1)
    #expect(
      d.warnings.first?.description.hasPrefix(
        "students.csv:1:19: warning: unknown column 'prefrences' passed through to rosters, not read (did you mean 'preferences'?)"
      ) == true)
    // The list was not read: the student has none.
    #expect(d.instance.students[0].preferences.isEmpty)
  }

  @Test("columns without a name (trailing commas of an export) are not passed through")
  func unnamed() throws {
    let d = try read("id,school,cluster,,\nS1,X,it,,\n")
    #expect(d.passThrough.names.isEmpty)
  }

  @Test("other files still ignore unknown columns with a warning")
  func otherFiles() throws {
    let d = try read(
      "id,school,cluster\nS1,X,it\n", worksites: "id,cluster,capacity,contact\nW1,it,1,Bo\n")
    #expect(d.passThrough.names.isEmpty)
    #expect(
      d.warnings.first?.description.hasPrefix(
        "worksites.csv:1:21: warning: unknown column 'contact' ignored") == true)
  }

  @Test("built in code: values by row and column")
  func inCode() {
    let columns = PassThroughColumns(
      names: ["name", "email"], rows: [["Ana", "a@x"], ["", "é"]])
    #expect(columns.rows == 2)
    #expect(columns.value(row: 1, column: 1) == "é")
    #expect(columns.values(ofRow: 1) == ["", "é"])
    #expect(PassThroughColumns().rows == 0)
  }
}
