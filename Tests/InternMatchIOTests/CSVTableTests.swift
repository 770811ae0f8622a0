import InternMatchIO
import Testing

@Suite("CSVTable (RFC 4180)")
struct CSVTableTests {
  func parse(_ text: String) throws(DatasetIssue) -> CSVTable {
    try CSVTable(parsing: Array(text.utf8), file: "t.csv")
  }

  @Test("quoted fields with commas, doubled quotes and line breaks; CRLF; BOM; blank lines")
  func rfc4180() throws {
    let table = try parse(
      "\u{FEFF}id,name\r\n1,\"Smith, \"\"Jo\"\"\"\r\n\r\n2,\"two\nlines\"\n3, padded \n")
    #expect(table.header == ["id", "name"])
    #expect(
      table.records.map(table.fields(of:)) == [
        ["1", "Smith, \"Jo\""], ["2", "two\nlines"], ["3", "padded"],
      ])
    #expect(table.records.map(\.line) == [2, 4, 6])
    #expect((0..<2).map { table.column(of: table.records[0], field: $0) } == [1, 3])
  }

  @Test("a missing final line break and empty trailing fields")
  func trailing() throws {
    let table = try parse("a,b,c\n1,,")
    #expect(table.records.map(table.fields(of:)) == [["1", "", ""]])
  }

  @Test("columns count characters, not bytes")
  func unicodeColumns() throws {
    let table = try parse("name,x\nJosé,1\n")
    #expect((0..<2).map { table.column(of: table.records[0], field: $0) } == [1, 6])
  }

  @Test(
    "malformed CSV is rejected with line and column",
    arguments: [
      (
        "id,name\n1,\"open\n2,b\n",
        "t.csv:2:3: error: unterminated quoted field: the quote opened here is never closed"
      ),
      (
        "id,name\n1,ab\"c\n",
        "t.csv:2:5: error: stray quote in an unquoted field (enclose the field in quotes and double the quote)"
      ),
      ("id,name\n1,\"ab\"c\n", "t.csv:2:7: error: unexpected text after a closing quote"),
      ("", "t.csv:1: error: the file is empty: no header row"),
    ])
  func malformed(text: String, message: String) {
    #expect {
      try parse(text)
    } throws: { error in
      (error as? DatasetIssue)?.description == message
    }
  }

  @Test("records with the wrong field count are left out and reported, all of them")
  func fieldCount() throws {
    let table = try parse("id,name\n1,a,b\n2,b\n3\n")
    #expect(table.records.map(table.fields(of:)) == [["2", "b"]])
    #expect(
      table.issues.map(\.description) == [
        "t.csv:2: error: record has 3 fields, the header has 2",
        "t.csv:4: error: record has 1 fields, the header has 2",
      ])
  }

  @Test("invalid UTF-8 is an error, not a crash")
  func invalidUTF8() {
    #expect(throws: DatasetIssue.self) {
      try CSVTable(parsing: Array("id\n".utf8) + [0xFF, 0xFE, 0x0A], file: "t.csv")
    }
  }
}
