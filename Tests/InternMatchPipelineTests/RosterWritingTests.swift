import Foundation
import InternMatchIO
import InternMatchPipeline
import InternMatchTestSupport
import Testing

@Suite("Rosters on disk: one set with placements.csv, never half-written")
struct RosterWritingTests {
  /// Every file under `directory` (dot-files left out) with its bytes.
  static func tree(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let path = enumerator?.nextObject() as? String {
      guard !(path as NSString).lastPathComponent.hasPrefix(".") else { continue }
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue {
        files[path] = FileManager.default.contents(atPath: directory + "/" + path)
      }
    }
    return files
  }

  /// Temporaries and journals left anywhere under `directory`.
  static func leftovers(_ directory: String) -> [String] {
    let all = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
    return all.filter { $0.contains(".tmp-") || $0.hasSuffix(".internmatch.journal") }
  }

  static func run(dropping dropped: String? = nil, letters: Bool = true) throws -> PlacementRun {
    let students =
      PlacementRostersTests.students.split(separator: "\n")
      .filter { line in dropped.map { !line.hasPrefix($0 + ",") } ?? true }
      .joined(separator: "\n") + "\n"
    return try PlacementRun(
      try PlacementRostersTests.dataset(students: students),
      configuration: .init(rosters: true, letters: letters))
  }

  @Test("a rerun replaces the letters: a student no longer in the data loses theirs")
  func staleLetters() throws {
    let output = try Paths.temporaryDirectory() + "/out"
    try Self.run().write(to: output)
    #expect(try Self.tree(output).keys.contains("rosters/letters/S4.txt"))
    let second = try Self.run(dropping: "S4")
    try second.write(to: output)
    let tree = try Self.tree(output)
    #expect(!tree.keys.contains("rosters/letters/S4.txt"))
    #expect(
      tree.keys.sorted() == (second.outputs().map(\.name)).sorted(),
      "exactly the second run's files")
    #expect(Self.leftovers(output).isEmpty)
  }

  @Test("a run without letter files removes an earlier run's letters")
  func lettersRemoved() throws {
    let output = try Paths.temporaryDirectory() + "/out"
    try Self.run().write(to: output)
    let second = try Self.run(letters: false)
    #expect(second.outputs().map(\.name).filter { $0.hasPrefix("rosters/letters/") }.isEmpty)
    try second.write(to: output)
    #expect(try Self.tree(output).keys.sorted() == second.outputs().map(\.name).sorted())
    #expect(Self.leftovers(output).isEmpty)
  }

  @Test("a write that fails leaves the earlier set whole, rosters included")
  func failedWrite() throws {
    let output = try Paths.temporaryDirectory() + "/out"
    try Self.run().write(to: output)
    let before = try Self.tree(output)
    // A target that cannot be replaced (a directory where the model file goes) fails the set
    // after every temporary is written and before anything is replaced.
    try FileManager.default.createDirectory(
      atPath: output + "/model.lp", withIntermediateDirectories: false)
    let second = try Self.run(dropping: "S1")
    #expect(throws: AtomicWriter.WriteError.self) {
      try second.write(to: output, additional: [(output + "/model.lp", Data("x".utf8))])
    }
    #expect(try Self.tree(output) == before)
    #expect(Self.leftovers(output).isEmpty)
  }
}
