import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchTestSupport
import Testing

/// The bundled sample with its lists given in each layout: `;` lists, `choice_N` columns and a
/// long `choices.csv`, all placing every student the same way.
@Suite("Choice layouts give the placements of the same lists written with ;")
struct ChoiceLayoutTests {
  /// The files of `Datasets/nyc-sample`, as text.
  static func sample() throws -> [String: String] {
    var files: [String: String] = [:]
    for name in ["students.csv", "worksites.csv", "rankings.csv", "policy.json"] {
      files[name] = try String(
        contentsOfFile: Paths.dataset("nyc-sample") + "/" + name, encoding: .utf8)
    }
    return files
  }

  /// The students' rows as fields, the header first (the sample has no quotes or commas in
  /// fields).
  static func rows(_ students: String) -> [[String]] {
    students.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// placements.csv of the run on `files`.
  static func placements(_ files: [String: String]) throws -> Data {
    let dataset = try DatasetReader.read(.files(files.mapValues { Array($0.utf8) }))
    let run = try PlacementRun(dataset)
    return try #require(run.outputs().first { $0.name == "placements.csv" }).contents
  }

  @Test(
    "choice_N columns (odd numbers only, in reverse order) and choices.csv (ranks ×10, rows reversed)"
  )
  func nycSample() throws {
    let files = try Self.sample()
    let expected = try Self.placements(files)
    let rows = Self.rows(try #require(files["students.csv"]))
    let p = try #require(rows[0].firstIndex(of: "preferences"))
    let lists = rows.dropFirst().map { $0[p].split(separator: ";").map(String.init) }
    let longest = lists.map(\.count).max() ?? 0
    #expect(longest >= 5)

    // choice_1, choice_3, … (numbers need not be consecutive), the columns in reverse order.
    var wide = files
    let numbers = (0..<longest).map { 2 * $0 + 1 }.reversed()
    var lines = [
      (rows[0].enumerated().filter { $0.offset != p }.map(\.element)
        + numbers.map { "Choice \($0)" }).joined(separator: ",")
    ]
    for (row, list) in zip(rows.dropFirst(), lists) {
      let cells = numbers.map { n in (n - 1) / 2 < list.count ? list[(n - 1) / 2] : "" }
      lines.append(
        (row.enumerated().filter { $0.offset != p }.map(\.element) + cells).joined(separator: ","))
    }
    wide["students.csv"] = lines.joined(separator: "\n") + "\n"
    #expect(try Self.placements(wide) == expected)

    // choices.csv: ranks 10, 20, 30, … (only their order counts), rows from last to first.
    var long = files
    long["students.csv"] =
      rows.map { $0.enumerated().filter { $0.offset != p }.map(\.element).joined(separator: ",") }
      .joined(separator: "\n") + "\n"
    var choiceLines: [String] = []
    for (row, list) in zip(rows.dropFirst(), lists) {
      for (k, worksite) in list.enumerated() {
        choiceLines.append("\(row[0]),\(worksite),\(10 * (k + 1))")
      }
    }
    long["choices.csv"] =
      "student,worksite,rank\n" + choiceLines.reversed().joined(separator: "\n") + "\n"
    #expect(try Self.placements(long) == expected)
  }

  /// The issues reading `files` (with two `it` worksites) meets.
  func read(_ files: [String: String]) -> (Dataset?, [String]) {
    var files = files
    files["worksites.csv"] =
      files["worksites.csv"] ?? "id,cluster,capacity\nW1,it,1\nW2,it,1\nW3,it,1\n"
    do {
      let d = try DatasetReader.read(.files(files.mapValues { Array($0.utf8) }))
      return (d, d.warnings.map(\.description))
    } catch {
      return (nil, error.issues.map(\.description))
    }
  }

  @Test("an empty choice cell closes up, as an empty item of a ; list does")
  func gaps() throws {
    let (d, issues) = read([
      "students.csv": "id,school,cluster,choice_1,choice_2,choice_3\nS1,X,it,W2,,W1\n"
    ])
    #expect(try #require(d).instance.students[0].preferences == ["W2", "W1"])
    #expect(issues.isEmpty)
    let (same, _) = read(["students.csv": "id,school,cluster,preferences\nS1,X,it,W2;;W1\n"])
    #expect(same?.instance.students[0].preferences == ["W2", "W1"])
  }

  @Test("two layouts at once are an error")
  func twoLayouts() {
    #expect(
      read(["students.csv": "id,school,cluster,preferences,choice_1\nS1,X,it,W1,W2\n"]).1 == [
        "students.csv:1:31: error: column 'preferences' and column 'choice_1' both give the "
          + "students' lists: keep one layout"
      ])
    #expect(
      read([
        "students.csv": "id,school,cluster,choice_1,choice_2\nS1,X,it,W1,W2\n",
        "choices.csv": "student,worksite,rank\nS1,W1,1\n",
      ]).1 == [
        "choices.csv:1: error: choices.csv and columns 'choice_1'… (2) of students.csv both "
          + "give the students' lists: keep one layout"
      ])
    // The same number twice is two names for one column.
    #expect(
      read(["students.csv": "id,school,cluster,choice_1,Choice 1\nS1,X,it,W1,W2\n"]).1 == [
        "students.csv:1:28: error: columns 'choice_1' and 'Choice 1' both mean 'choice_1'"
      ])
  }

  @Test("choices.csv: two choices at one rank are an error; unknown ids and bad ranks reported")
  func choicesFile() throws {
    let (d, issues) = read([
      "students.csv": "id,school,cluster\nS1,X,it\nS2,X,it\n",
      "choices.csv": "student,worksite,rank\nS1,W1,2\nS1,W2,2\nS9,W1,1\nS2,W3,0\nS2,W1,x\n",
    ])
    #expect(d == nil)
    #expect(
      issues == [
        "choices.csv:3:7: error: student 'S1' has two choices at rank 2 ('W1' on line 2 and 'W2')",
        "choices.csv:4:1: warning: unknown student 'S9': row skipped",
        "choices.csv:5:7: error: rank 0 is out of range (1–10,000,000)",
        "choices.csv:6:7: error: rank 'x' is not an integer",
      ])
    let (ok, warnings) = read([
      "students.csv": "id,school,cluster\nS1,X,it\nS2,X,it\n",
      "choices.csv": "student,worksite,rank\nS1,W3,7\nS1,W1,3\nS1,W9,5\n",
    ])
    let dataset = try #require(ok)
    #expect(dataset.instance.students.map(\.preferences) == [["W1", "W9", "W3"], []])
    #expect(warnings == ["students.csv:2: warning: unknown worksite 'W9' at rank 2 skipped"])
  }
}
