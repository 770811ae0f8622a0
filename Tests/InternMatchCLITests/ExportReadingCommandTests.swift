import Foundation
import InternMatchTestSupport
import Testing

/// Messy exports through the built binary: `--encoding` and `validate --format json`.
@Suite("Reading exports from the command line (end to end, built binary)")
struct ExportReadingCommandTests {
  /// Writes `files` (bytes by name) into a new dataset directory.
  func dataset(_ files: [String: [UInt8]]) throws -> String {
    let directory = try Paths.temporaryDirectory()
    for (name, bytes) in files {
      try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
    }
    return directory
  }

  /// An Excel "CSV" export on Windows: a Windows-1252 `é` in the school read.
  let students: [UInt8] =
    Array("Student ID,DBN,Career Cluster,Grade,Choices\nS1,Caf".utf8) + [0xE9]
    + Array(",Healthcare,11th,W1\n".utf8)
  let worksites = Array("id,cluster,capacity\nW1,healthcare,1\n".utf8)

  @Test("--encoding windows-1252 on validate, solve and compare reads what plain UTF-8 refuses")
  func encodingOption() throws {
    let directory = try dataset(["students.csv": students, "worksites.csv": worksites])
    let refused = try CLI.run(["validate", directory])
    #expect(refused.status == 65)
    #expect(
      refused.stdout.contains(
        "students.csv:2:7: error: field of column 'DBN' is not valid UTF-8: byte 0xE9"))
    #expect(refused.stdout.contains("--encoding windows-1252"))
    let read = try CLI.run(["validate", directory, "--encoding", "windows-1252"])
    #expect(read.status == 0, "\(read.stdout)")
    #expect(read.stdout.contains("cluster 'Healthcare' is read as 'healthcare'"))
    let output = try Paths.temporaryDirectory()
    let solved = try CLI.run([
      "solve", directory, "--encoding", "windows-1252", "--output", output, "--quiet",
    ])
    #expect(solved.status == 0, "\(solved.stderr)")
    let placements = try String(contentsOfFile: output + "/placements.csv", encoding: .utf8)
    #expect(placements.contains("S1,W1,1,"))
    #expect(try CLI.run(["compare", directory, "--encoding", "windows-1252"]).status == 0)
    #expect(try CLI.run(["validate", directory, "--encoding", "latin-9"]).status == 64)
  }

  @Test("validate --format json lists every issue of every file in one run, located and coded")
  func validateJSON() throws {
    let directory = try dataset([
      "students.csv": Array("id;school;cluster;grade\nS1;X;helthcare;K\nS2;X;it;11\n".utf8),
      "worksites.csv": Array("id,cluster,capacity,kind,notes\nW1,it,ten,Job Shadow,ok\n".utf8),
      "policy.json": Array(#"{"max_distance": 5}"#.utf8),
    ])
    let run = try CLI.run(["validate", directory, "--format", "json"])
    #expect(run.status == 65)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["valid"] as? Bool == false)
    let issues = try #require(json["issues"] as? [[String: Any]])
    let summary = issues.map { issue in
      [
        issue["file"] as? String ?? "?", (issue["line"] as? Int).map(String.init) ?? "null",
        (issue["column"] as? Int).map(String.init) ?? "null", issue["severity"] as? String ?? "?",
        issue["code"] as? String ?? "?",
      ].joined(separator: " ")
    }
    #expect(
      summary == [
        "students.csv 1 null warning delimiter",
        "students.csv 2 6 error check.cluster",
        "students.csv 2 16 error invalid-value",
        "worksites.csv 1 26 warning unknown-column",
        "worksites.csv 2 7 error invalid-value",
        "worksites.csv 2 11 warning value-read-as-key",
        "policy.json 1 2 error policy-unknown-key",
      ])
    #expect(json["errors"] as? Int == 4)
    #expect(json["warnings"] as? Int == 3)
    #expect(issues.allSatisfy { ($0["message"] as? String)?.isEmpty == false })

    let valid = try CLI.run(["validate", Paths.dataset("tiny"), "--format", "json"])
    #expect(valid.status == 0)
    let ok = try #require(
      try JSONSerialization.jsonObject(with: Data(valid.stdout.utf8)) as? [String: Any])
    #expect((ok["counts"] as? [String: Any])?["students"] as? Int == 10)
    #expect((ok["issues"] as? [[String: Any]])?.first?["code"] as? String == "check.preferences")
    let missing = try CLI.run(["validate", "/nonexistent/dataset", "--format", "json"])
    #expect(missing.status == 66)
    #expect(missing.stdout.contains(#""code":"missing-file""#))
  }
}
