import Foundation
import InternMatchIO
import InternMatchTestSupport
import Testing

@Suite("AtomicWriter: a set of files, all or nothing")
struct AtomicWriterTests {
  func text(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Names in `directory` that are temporaries or a journal.
  func leftovers(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.contains(".tmp-") || $0 == ".internmatch.journal"
    }
  }

  func pair(_ directory: String, _ token: String) -> [(path: String, contents: Data)] {
    [
      (directory + "/placements.csv", Data("placements \(token)\n".utf8)),
      (directory + "/summary.json", Data("summary \(token)\n".utf8)),
    ]
  }

  /// The token both files of the pair hold, or `nil` when they differ.
  func token(_ contents: [Data]) -> String? {
    let tokens = contents.map {
      String(decoding: $0, as: UTF8.self).split(separator: " ").last.map(String.init)
    }
    return tokens.allSatisfy { $0 == tokens[0] } ? tokens[0] : nil
  }

  @Test("writes the set, replaces an old one, leaves no temporaries")
  func writes() throws {
    let directory = try Paths.temporaryDirectory() + "/new/out"
    try AtomicWriter.write(pair(directory, "1"))
    try AtomicWriter.write(pair(directory, "2"))
    #expect(text(directory + "/placements.csv") == "placements 2\n")
    #expect(text(directory + "/summary.json") == "summary 2\n")
    #expect(try leftovers(directory).isEmpty)
  }

  @Test("a target that cannot be replaced leaves the old set whole")
  func failure() throws {
    let directory = try Paths.temporaryDirectory()
    try AtomicWriter.write(pair(directory, "old"))
    try FileManager.default.removeItem(atPath: directory + "/summary.json")
    try FileManager.default.createDirectory(
      atPath: directory + "/summary.json", withIntermediateDirectories: false)
    #expect(throws: AtomicWriter.WriteError.self) { try AtomicWriter.write(pair(directory, "new")) }
    #expect(text(directory + "/placements.csv") == "placements old\n")
    #expect(try leftovers(directory).isEmpty)
  }

  @Test("a parent that is a file: the path and the cause, no Foundation error code")
  func parentIsAFile() throws {
    let file = try Paths.temporaryDirectory() + "/file"
    try Data().write(to: URL(fileURLWithPath: file))
    let error = #expect(throws: AtomicWriter.WriteError.self) {
      try AtomicWriter.write(pair(file + "/out", "x"))
    }
    #expect(error?.description == "cannot write \(file): is not a directory")
  }

  @Test("a run killed between renames is rolled forward by the next reader or writer")
  func rollForward() throws {
    let directory = try Paths.temporaryDirectory()
    try AtomicWriter.write(pair(directory, "old"))
    try AtomicWriter.write(pair(directory, "new"), renamesBeforeStopping: 1)
    // On disk a mix, and the journal that commits the new set.
    #expect(text(directory + "/placements.csv") == "placements new\n")
    #expect(text(directory + "/summary.json") == "summary old\n")
    let read = try AtomicWriter.read([directory + "/placements.csv", directory + "/summary.json"])
    #expect(token(read) == "new\n")
    #expect(text(directory + "/summary.json") == "summary new\n")
    #expect(try leftovers(directory).isEmpty)
    // The next writer finishes a stopped set before its own.
    try AtomicWriter.write(pair(directory, "third"), renamesBeforeStopping: 1)
    try AtomicWriter.write([(directory + "/other.txt", Data("x".utf8))])
    #expect(text(directory + "/summary.json") == "summary third\n")
  }

  @Test("a replaced directory keeps only the set's files, its dot-files and subdirectories")
  func replacing() throws {
    let directory = try Paths.temporaryDirectory() + "/letters"
    let file = { (name: String, text: String) in (directory + "/" + name, Data(text.utf8)) }
    try AtomicWriter.write([file("a.txt", "a1"), file("b.txt", "b1")], replacing: [directory])
    try FileManager.default.createDirectory(
      atPath: directory + "/kept", withIntermediateDirectories: false)
    try Data().write(to: URL(fileURLWithPath: directory + "/.mine"))
    try AtomicWriter.write([file("a.txt", "a2")], replacing: [directory])
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    #expect(names == [".internmatch.lock", ".mine", "a.txt", "kept"])
    #expect(text(directory + "/a.txt") == "a2")
    // Without `replacing`, nothing is removed.
    try AtomicWriter.write([file("b.txt", "b3")])
    try AtomicWriter.write([file("a.txt", "a4")])
    #expect(text(directory + "/b.txt") == "b3")
  }

  @Test("a replacing set killed between renames: its removals are rolled forward too")
  func replacingRollForward() throws {
    let directory = try Paths.temporaryDirectory()
    let file = { (name: String, text: String) in (directory + "/" + name, Data(text.utf8)) }
    try AtomicWriter.write([file("a.txt", "a1"), file("b.txt", "b1"), file("c.txt", "c1")])
    try AtomicWriter.write(
      [file("a.txt", "a2"), file("b.txt", "b2")], replacing: [directory], renamesBeforeStopping: 1)
    #expect(text(directory + "/c.txt") == "c1")
    _ = try AtomicWriter.read([directory + "/a.txt"])
    #expect(text(directory + "/b.txt") == "b2")
    #expect(text(directory + "/c.txt") == nil)
    #expect(try leftovers(directory).isEmpty)
  }

  @Test("many threads writing into one directory never leave or show a mixed pair")
  func concurrent() async throws {
    let directory = try Paths.temporaryDirectory()
    try AtomicWriter.write(pair(directory, "start"))
    let paths = [directory + "/placements.csv", directory + "/summary.json"]
    let mixed = try await withThrowingTaskGroup(of: Int.self) { group in
      for writer in 0..<8 {
        group.addTask {
          for round in 0..<40 { try AtomicWriter.write(pair(directory, "\(writer)-\(round)")) }
          return 0
        }
      }
      group.addTask {
        var mixed = 0
        for _ in 0..<200 where token(try AtomicWriter.read(paths)) == nil { mixed += 1 }
        return mixed
      }
      return try await group.reduce(0, +)
    }
    #expect(mixed == 0)
    #expect(token(try AtomicWriter.read(paths)) != nil)
    #expect(try leftovers(directory).isEmpty)
  }
}
