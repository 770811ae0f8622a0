import InternMatchIO
import InternMatchModel
import Testing

@Suite("Encodings: Excel's Windows-1252 and UTF-16 exports")
struct EncodingTests {
  /// `students.csv` as Excel's "CSV" saves it on Windows: `é` is the single byte 0xE9.
  let windows1252: [UInt8] =
    Array("id,school,cluster,name\nS1,X,it,Ren".utf8) + [0xE9] + Array("e\nS2,X,it,Zo".utf8)
    + [0xEB] + Array("\n".utf8)
  /// The same file with the accented name in a column that is read (the school).
  let windows1252School: [UInt8] =
    Array("id,school,cluster\nS1,Caf".utf8) + [0xE9] + Array(",it\nS2,Caf".utf8) + [0xE9]
    + Array(",it\n".utf8)

  @Test("a non-UTF-8 byte in a column that is read names the place, the encoding and the fix")
  func badByteInReadColumn() {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([:], bytes: ["students.csv": windows1252School]))
    #expect(d == nil)
    #expect(
      issues == [
        "students.csv:2:7: error: field of column 'school' is not valid UTF-8: byte 0xE9 is "
          + "not UTF-8 ('é' in Windows-1252, as Excel's \"CSV\" saves it?): save the file as "
          + "\"CSV UTF-8\", or read it with --encoding windows-1252; 1 more field of this column too"
      ])
  }

  @Test("a non-UTF-8 byte in a field past the header's names: the record's field count, no trap")
  func badByteBeyondHeader() {
    // The fuzzer's find: a one-column header, then a record of four fields whose last is not
    // UTF-8 (it trapped, indexing the header with the field's position).
    let worksites = Array("id\nW1,it,,".utf8) + [0xFF, 0xFF, 0xFF] + Array(" 1\n".utf8)
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files(
        ["students.csv": "id,school,cluster\nS1,X,it\n"], bytes: ["worksites.csv": worksites]))
    #expect(d == nil)
    #expect(
      issues.contains { $0.hasPrefix("worksites.csv:2") && $0.contains("4 fields") },
      "\(issues)")
    #expect(!issues.contains { $0.contains("not valid UTF-8") && $0.contains("column ''") })
  }

  @Test("a non-UTF-8 byte in an ignored column is one warning; the read goes on")
  func badByteInIgnoredColumn() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([:], bytes: ["students.csv": windows1252]))
    #expect(try #require(d).instance.students.count == 2)
    // `name` is the district's own column: passed through to rosters, not warned about as
    // unknown; its bytes that are not UTF-8 are.
    #expect(issues.count == 1)
    #expect(
      issues.last?.hasPrefix(
        "students.csv:2:12: warning: column 'name' is passed through to rosters, and its fields "
          + "are not all UTF-8") == true)
    #expect(try #require(d).passThrough.values(ofRow: 0).first?.contains("\u{FFFD}") == true)
  }

  @Test("a non-UTF-8 header name of a passed-through column is a warning too")
  func badHeaderOfIgnoredColumn() throws {
    let students: [UInt8] =
      Array("id,school,cluster,Pr".utf8) + [0xE9] + Array("nom\nS1,X,it,Ren".utf8) + [0xE9]
      + Array("e\n".utf8)
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([:], bytes: ["students.csv": students]))
    #expect(try #require(d, "\(issues)").instance.students.count == 1)
    #expect(issues.allSatisfy { $0.contains("warning") })
    #expect(
      issues.contains {
        $0.hasPrefix(
          "students.csv:1:21: warning: header name is not valid UTF-8 (the column is passed "
            + "through to rosters)")
      })
  }

  @Test("--encoding windows-1252 converts; UTF-8 files in the same dataset stay as they are")
  func convertsWindows1252() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files(
        ["worksites.csv": "id,cluster,capacity,employer\nW1,it,1,Café Ñ\n"],
        bytes: ["students.csv": windows1252School]),
      encoding: .windows1252)
    let dataset = try #require(d, "\(issues)")
    #expect(dataset.instance.students.map(\.school) == ["Café", "Café"])
    #expect(dataset.instance.worksites[0].employer == "Café Ñ")
    // The manifest identifies the file as it is on disk.
    #expect(dataset.inputs.first { $0.name == "students.csv" }?.bytes == windows1252School.count)
  }

  @Test("Windows-1252's 0x80–0x9F characters decode to their Unicode characters")
  func windows1252Table() throws {
    let bytes: [UInt8] = [0x80, 0x93, 0x94, 0x96, 0x9F, 0xA0, 0xFF, 0x81]
    let text = try TextEncoding.windows1252.utf8(bytes).get()
    #expect(String(decoding: text, as: UTF8.self) == "€\u{201C}\u{201D}–Ÿ\u{A0}ÿ\u{81}")
  }

  /// `text` as UTF-16 little-endian with a byte-order mark (Excel's "Unicode Text").
  func utf16LE(_ text: String) -> [UInt8] {
    [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  @Test("a UTF-16 file is named as such; --encoding utf-16 converts it")
  func utf16() throws {
    let students = utf16LE("id\tschool\tcluster\nS1\tÉcole\tit\n")
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([:], bytes: ["students.csv": students]))
    #expect(d == nil)
    #expect(
      issues == [
        "students.csv: error: the file is UTF-16 (it starts with a UTF-16 byte-order mark), not "
          + "UTF-8: save it as \"CSV UTF-8\", or read it with --encoding utf-16"
      ])
    let converted = ExportFixtures.read(
      ExportFixtures.files([:], bytes: ["students.csv": students]), encoding: .utf16)
    #expect(try #require(converted.dataset).instance.students[0].school == "École")
    // Excel's "Unicode Text" is tab-delimited: the delimiter is detected too.
    #expect(converted.issues.count == 1)
    // Big-endian too.
    let bigEndian: [UInt8] =
      [0xFE, 0xFF]
      + "id,school,cluster\nS1,X,it\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(
      ExportFixtures.read(
        ExportFixtures.files([:], bytes: ["students.csv": bigEndian]), encoding: .utf16
      ).dataset?.instance.students.count == 1)
  }

  @Test("the public CSV parser still throws at the first bad byte")
  func csvTableThrows() {
    #expect(throws: DatasetIssue.self) {
      try CSVTable(parsing: windows1252School, file: "students.csv")
    }
  }
}
