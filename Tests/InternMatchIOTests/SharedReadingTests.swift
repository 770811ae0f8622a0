import Foundation
import InternMatchGenerator
import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchIO

/// The paths that resolve ids from bytes and share the work out over the cores give exactly what
/// one plain pass gives.
@Suite("Reading from bytes, shared out over the cores")
struct SharedReadingTests {
  /// Every record's fields, line and columns, then the issues; or the error thrown.
  func outline(_ bytes: [UInt8], splitAbove: Int) -> [String] {
    do {
      let table = try CSVTable(parsing: bytes, file: "t.csv", splitAbove: splitAbove)
      let records = table.records.map { r in
        let columns = table.header.indices.map { table.column(of: r, field: $0) }
        return "\(r.line): \(table.fields(of: r)) at \(columns)"
      }
      return [table.header.description, "ASCII: \(table.isASCII)"] + records
        + table.issues.map(\.description)
    } catch {
      return ["error: \(error)"]
    }
  }

  static let plainTexts: [String] = [
    "id,name\n1,a\n2,b\n3,c\n4,d\n5,e\n", "id,name\r\n1,a\r\n2,b\r\n3,c\r\n4,d\r\n",
    "\u{FEFF}id , name \n 1 , a\n\n\n2,b\n\n3, c \n4,d", "id,x\n1,a\n2,b\n3\n4,d,e\n5,f\n",
    "id,x\n1,a\n2,b\n3,c\n4,\u{E9}\n5,\u{212A}\n", "id,x\r1,a\r2,b\r3,c\r", "id,x",
    "id,x\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n7,g\n8,h\n9,i\n10,j,k\n11,l\n",
  ]
  /// Invalid UTF-8 in the second half, and in both (the first half's error wins).
  static let invalidTexts: [[UInt8]] = [
    Array("id,x\n1,a\n2,b\n3,c\n4,".utf8) + [0xFF] + Array("\n5,e\n".utf8),
    Array("id,x\n1,".utf8) + [0xFE] + Array("\n2,b\n3,c\n4,".utf8) + [0xFF] + Array("\n".utf8),
  ]

  @Test("a file scanned as two halves gives the records, lines, columns and errors of one scan")
  func halves() {
    for text in Self.plainTexts.map({ Array($0.utf8) }) + Self.invalidTexts {
      #expect(outline(text, splitAbove: 0) == outline(text, splitAbove: .max))
    }
  }

  /// Writes `files` into a new dataset directory.
  func dataset(_ files: [(name: String, contents: String)]) throws -> String {
    let directory = try Paths.temporaryDirectory()
    for (name, text) in files {
      try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
    return directory
  }

  /// What reading a dataset gives: every warning or error, and the instance's contents.
  struct Outcome: Equatable {
    var issues: [String]
    var students: [Student] = []
    var worksites: [Worksite] = []
    var rankings: [WorksiteRanking] = []
    var rankingIndices: [[Int32]] = []
    var choices: ChoiceTable?
    var ineligible: [IneligibleChoice] = []
    var listed: [Int32] = []
    var studentIndex = IdentifierMap()
    var worksiteIndex = IdentifierMap()
  }

  func outcome(_ directory: String, sharing: Sharing) -> Outcome {
    do {
      let d = try DatasetReader.read(directory: directory, sharing: sharing)
      let i = d.instance
      return Outcome(
        issues: d.warnings.map(\.description), students: i.students, worksites: i.worksites,
        rankings: i.rankings, rankingIndices: i.rankingIndices.map { [$0, $1, $2] },
        choices: i.choices, ineligible: i.ineligibleChoices, listed: i.listedCount,
        studentIndex: i.studentIndex, worksiteIndex: i.worksiteIndex)
    } catch {
      return Outcome(issues: error.issues.map(\.description))
    }
  }

  /// A generated cohort's files, with `edit` applied to the students' and rankings' lines.
  func cohort(
    students count: Int, edit: (inout [String], inout [String]) -> Void = { _, _ in }
  ) throws -> [(name: String, contents: String)] {
    let cohort = CohortGenerator(.init(studentCount: count, seed: 7)).generate()
    var files = DatasetWriter.files(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
    let studentFile = try #require(files.firstIndex { $0.name == "students.csv" })
    let rankingFile = try #require(files.firstIndex { $0.name == "rankings.csv" })
    var students = files[studentFile].contents.split(separator: "\n").map(String.init)
    var rankings = files[rankingFile].contents.split(separator: "\n").map(String.init)
    edit(&students, &rankings)
    files[studentFile].contents = students.joined(separator: "\n") + "\n"
    files[rankingFile].contents = rankings.joined(separator: "\n") + "\n"
    return files
  }

  @Test("a dataset read in shares, halves included, gives what one serial pass gives")
  func shares() throws {
    let serial = Sharing(records: .max, bytes: .max)
    let shared = Sharing(records: 1, bytes: 0)
    let cases = [
      try cohort(students: 300),
      try cohort(students: 300) { students, rankings in
        // Unknown, repeated and non-ASCII list entries; ids canonically equal but not in bytes;
        // a duplicate student late; an unknown ranked student.
        students[5] = students[5].replacingOccurrences(of: ",W", with: ",W999;W")
        students[250] = students[250] + ";W000001;W000001;W\u{E9};Wx"
        students[200] = students[1]
        rankings[100] = rankings[100].replacingOccurrences(of: ",S", with: ",S9")
        rankings[150] = rankings[149]
      },
      try cohort(students: 300) { students, _ in
        students[7] = "S\u{E9}," + students[7].split(separator: ",", maxSplits: 1)[1]
        students[280] = "Se\u{301}," + students[280].split(separator: ",", maxSplits: 1)[1]
        students[100] = students[100].replacingOccurrences(of: ",", with: ",,")
      },
    ]
    for files in cases {
      let directory = try dataset(files)
      #expect(outcome(directory, sharing: shared) == outcome(directory, sharing: serial))
    }
    let tiny = Paths.dataset("tiny")
    #expect(outcome(tiny, sharing: shared) == outcome(tiny, sharing: serial))
  }

  @Test("list entries and rankings resolved from bytes name what the id dictionaries name")
  func resolvedFromBytes() throws {
    let cohort = CohortGenerator(.init(studentCount: 400, seed: 11)).generate()
    let directory = try dataset(
      DatasetWriter.files(
        students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings))
    let read = try DatasetReader.read(
      directory: directory, sharing: Sharing(records: 1, bytes: 0)
    ).instance
    let built = try PlacementInstance(
      students: read.students, worksites: read.worksites, rankings: cohort.rankings)
    #expect(read.choices == built.choices)
    #expect(read.ineligibleChoices == built.ineligibleChoices)
    #expect(read.listedCount == built.listedCount)
    #expect(read.rankings == built.rankings)
    #expect(read.warnings == built.warnings)
  }

  @Test("an id index agrees with an index by UTF-8 bytes: canonically equal ids are distinct")
  func identifierIndex() {
    let ids = [
      "W1", "", "W1", "\u{E9}", "e\u{301}", "\u{212A}", "abcdefghijk", "abcdefghijl", "a\0b",
      "12345678", "123456789",
    ]
    var first: [[UInt8]: Int32] = [:]
    for (k, id) in ids.enumerated() where !id.isEmpty && first[Array(id.utf8)] == nil {
      first[Array(id.utf8)] = Int32(k)
    }
    let queries = ids + ["K", "W2", "abcdefghij", "1234567", "a\0", "e"]
    for referencesAreASCII in [true, false] {
      let index = IdentifierIndex(ids: ids, referencesAreASCII: referencesAreASCII)
      for query in queries where !referencesAreASCII || query.utf8.allSatisfy({ $0 < 0x80 }) {
        let (name, record) = Array(query.utf8).withUnsafeBufferPointer { index.resolve($0) }
        #expect(record == first[Array(query.utf8)] ?? -1, "\(query)")
        #expect(Array(name.utf8) == Array(query.utf8))
      }
    }
  }

  @Test("the byte-string table numbers strings as a dictionary would, through growth")
  func byteStringTable() {
    var table = ByteStringTable(capacity: 2)
    var model: [[UInt8]: Int] = [:]
    var random = SplitMix64(seed: 5)
    for _ in 0..<5000 {
      let length = Int(random.next() % 24)
      let key = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next() % 4) + 48 }
      let (entry, inserted) = key.withUnsafeBufferPointer { table.insert($0) }
      #expect(inserted == (model[key] == nil))
      if inserted { model[key] = model.count }
      #expect(entry == model[key])
    }
    #expect(table.count == model.count)
  }

  @Test("numbers read from bytes equal Int(String) and Double(String)")
  func numbers() {
    let texts = [
      "0", "-0", "+7", "17", "-12", "123456789012345678", "1234567890123456789",
      "99999999999999999999", "1e1", "0x10", "٣", "-", "+", "1_000", "40.650085", "-73.935175",
      "0.1", "-0.0", "1.", ".5", "nan", "inf", "1.7976931348623157e308", "40.71280000000000001",
      "123456789012345.6", "1234567890123456", "00000000000000001.5", "9007199254740993",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      let integer = bytes.withUnsafeBufferPointer { ColumnReader.integer($0) }
      let number = bytes.withUnsafeBufferPointer { ColumnReader.number($0) }
      #expect(integer == Int(text), "\(text)")
      let expected = Double(text)
      #expect(
        number == expected || (number?.isNaN == true && expected?.isNaN == true))
      #expect(number?.sign == expected?.sign, "\(text)")
    }
  }

  @Test("list items found eight bytes at a time are those of a plain split")
  func listItems() {
    var random = SplitMix64(seed: 9)
    let alphabet = Array("ab; \t;W0é".utf8)
    for length in 0..<40 {
      for _ in 0..<25 {
        let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        var items: [[UInt8]] = []
        bytes.withUnsafeBufferPointer { buffer in
          ColumnReader.forEachItem(of: buffer) { items.append(Array($0)) }
          #expect(ColumnReader.itemCount(buffer) == 1 + bytes.count { $0 == UInt8(ascii: ";") })
        }
        let expected = bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
          .map {
            $0.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }.reversed()
          }
          .filter { !$0.isEmpty }.map { Array($0) }
        #expect(items == expected)
      }
    }
  }
}
