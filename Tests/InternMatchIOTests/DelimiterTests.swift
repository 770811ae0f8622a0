import InternMatchIO
import InternMatchModel
import Testing

@Suite("Delimiters: ; and tab exports")
struct DelimiterTests {
  @Test("a ;-delimited file is read, with a warning; a quoted list keeps its ;")
  func semicolons() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id;school;cluster;preferences\nS1;X;it;\"W2;W1\"\nS2; X ;it;W1\n"
      ]))
    let dataset = try #require(d, "\(issues)")
    #expect(dataset.instance.students.map(\.preferences) == [["W2", "W1"], ["W1"]])
    #expect(dataset.instance.students[1].school == "X")
    #expect(
      issues == [
        "students.csv:1: warning: fields are separated by ';', not commas, as the header line "
          + "shows: read so (a field holding the delimiter, such as a list, must be quoted)"
      ])
  }

  @Test("a tab-delimited file is read; tabs are not trimmed as spaces then")
  func tabs() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id\tschool\tcluster\tgrade\nS1\t X \tit\t\nS2\tY\tit\t11\n"
      ]))
    let dataset = try #require(d, "\(issues)")
    #expect(dataset.instance.students.map(\.school) == ["X", "Y"])
    #expect(dataset.instance.students.map(\.grade) == [nil, 11])
    #expect(issues.first?.contains("separated by tabs") == true)
  }

  @Test("a comma in the header line keeps commas, though data holds ; lists")
  func commaWins() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files(["students.csv": "id,school,cluster,preferences\nS1,X,it,W1;W2\n"]))
    #expect(try #require(d).instance.students[0].preferences == ["W1", "W2"])
    #expect(issues.isEmpty)
  }

  @Test("a ; header line whose names hold a comma inside quotes is still ;-delimited")
  func quotedComma() throws {
    let table = try CSVTable(parsing: Array("\"id, student\";school\nS1;X\n".utf8), file: "t.csv")
    #expect(table.delimiter == UInt8(ascii: ";"))
    #expect(table.header == ["id, student", "school"])
  }
}
