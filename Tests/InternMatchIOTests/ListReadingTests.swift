import Foundation
import InternMatchModel
import InternMatchTestSupport
import Testing

@testable import InternMatchIO

/// Students' lists read from bytes into shared ``WorksiteList`` storage hold the ids as written,
/// in every layout, whether the students are read in one share or many.
@Suite("Lists read into shared storage")
struct ListReadingTests {
  /// Worksites whose ids differ only in bytes: "é" precomposed and decomposed.
  let worksites = "id,cluster,capacity\nW1,it,1\nW2,it,2\nW\u{E9},it,1\nWe\u{301},it,1\n"
  /// Each student's list as written (unknown, repeated and byte-distinct ids included).
  let lists: [[String]] = [
    ["W1", "W2"], [], ["Q", "W2", "Q", "W1"], ["We\u{301}", "W\u{E9}"], ["W2", "W2"], ["Zz"],
    ["W1"],
  ]

  /// Every student's list, as bytes, read with every sharing.
  func readLists(_ files: [String: String]) throws -> [[[UInt8]]] {
    let directory = try Paths.dataset(files: files)
    var seen: [[[[UInt8]]]] = []
    for sharing in [Sharing(records: .max, bytes: .max), Sharing(records: 1, bytes: 0)] {
      let read = try DatasetReader.read(directory: directory, sharing: sharing).instance
      let bytes = read.students.map { $0.preferences.map { Array($0.utf8) } }
      if let first = seen.first { #expect(bytes == first) }
      seen.append(bytes)
    }
    return seen[0]
  }

  @Test("a ; list, choice_N columns and choices.csv give the ids as written, byte for byte")
  func layouts() throws {
    let expected = lists.map { $0.map { Array($0.utf8) } }
    let ids = lists.indices.map { "S\($0)" }
    let semicolons = zip(ids, lists).map { "\($0),X,it,\($1.joined(separator: ";"))" }
    #expect(
      try readLists([
        "students.csv": "id,school,cluster,preferences\n" + semicolons.joined(separator: "\n"),
        "worksites.csv": worksites,
      ]) == expected)
    let widest = lists.map(\.count).max() ?? 0
    let columns = (1...widest).map { "choice_\($0)" }.joined(separator: ",")
    let cells = zip(ids, lists).map { id, list in
      "\(id),X,it," + (0..<widest).map { $0 < list.count ? list[$0] : "" }.joined(separator: ",")
    }
    #expect(
      try readLists([
        "students.csv": "id,school,cluster,\(columns)\n" + cells.joined(separator: "\n"),
        "worksites.csv": worksites,
      ]) == expected)
    // choices.csv: rows out of order, ranks with gaps.
    var rows: [String] = []
    for (id, list) in zip(ids, lists) {
      for (k, w) in list.enumerated().reversed() { rows.append("\(id),\(w),\(3 * k + 2)") }
    }
    #expect(
      try readLists([
        "students.csv": "id,school,cluster\n" + ids.map { "\($0),X,it" }.joined(separator: "\n"),
        "choices.csv": "student,worksite,rank\n" + rows.joined(separator: "\n"),
        "worksites.csv": worksites,
      ]) == expected)
  }

  @Test("unknown and repeated entries are reported where they stand, from shared lists")
  func warnings() throws {
    let directory = try Paths.dataset(files: [
      "students.csv": "id,school,cluster,preferences\nS1,X,it,W1;Q\nS2,X,it,Q;W2;W2\n",
      "worksites.csv": worksites,
    ])
    for sharing in [Sharing(records: .max, bytes: .max), Sharing(records: 1, bytes: 0)] {
      let d = try DatasetReader.read(directory: directory, sharing: sharing)
      #expect(
        d.warnings.map(\.description) == [
          "students.csv:2:9: warning: unknown worksite 'Q' at rank 2 skipped",
          "students.csv:3:9: warning: unknown worksite 'Q' at rank 1 skipped",
          "students.csv:3:9: warning: duplicate worksite 'W2' at rank 3 skipped",
        ])
      #expect(d.instance.listedCount == [1, 1])
    }
  }

  @Test("changing one student's list leaves the others that share its storage as they were")
  func changes() throws {
    let directory = try Paths.dataset(files: [
      "students.csv": "id,school,cluster,preferences\nS1,X,it,W1;Q\nS2,X,it,W2;W1\n",
      "worksites.csv": worksites,
    ])
    var students = try DatasetReader.read(directory: directory).instance.students
    students[0].preferences.append("W2")
    students[0].preferences.replaceSubrange(0..<1, with: ["Wx"])
    #expect(students[0].preferences == ["Wx", "Q", "W2"])
    #expect(students[1].preferences == ["W2", "W1"])
    // The changed lists are lists of ids like any other: an instance resolves them by id.
    let instance = try PlacementInstance(
      students: students,
      worksites: [
        Worksite(id: "W1", cluster: "it", capacity: 1),
        Worksite(id: "W2", cluster: "it", capacity: 1),
      ])
    #expect(instance.listedCount == [1, 2])
  }
}
