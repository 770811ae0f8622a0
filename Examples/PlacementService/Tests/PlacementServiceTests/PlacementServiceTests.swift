import Foundation
import InternMatch
import PlacementServiceCore
import Testing

/// The repository's `Datasets/NAME` folder.
func datasetDirectory(_ name: String) -> String {
  URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // PlacementServiceTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // PlacementService
    .deletingLastPathComponent()  // Examples
    .deletingLastPathComponent()  // the repository
    .appendingPathComponent("Datasets").appendingPathComponent(name).path
}

/// The dataset files of `Datasets/NAME` (its README and expected results left out).
func datasetFiles(_ name: String) throws -> [String: [UInt8]] {
  let directory = datasetDirectory(name)
  var files: [String: [UInt8]] = [:]
  for file in try FileManager.default.contentsOfDirectory(atPath: directory)
  where DatasetUpload.fileNames.contains(file) {
    files[file] = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
  }
  return files
}

/// `files` as the JSON upload the service reads.
func jsonUpload(_ files: [String: [UInt8]]) throws -> [UInt8] {
  let texts = files.mapValues { String(decoding: $0, as: UTF8.self) }
  return try [UInt8](JSONSerialization.data(withJSONObject: texts, options: [.sortedKeys]))
}

/// `files` as a browser's `multipart/form-data` upload with `boundary`, each part with a
/// `filename` and a `Content-Type`, after a preamble the parser must skip.
func multipartUpload(_ files: [String: [UInt8]], boundary: String) -> [UInt8] {
  var body = Array("a preamble to ignore\r\n".utf8)
  for (name, contents) in files.sorted(by: { $0.key < $1.key }) {
    body += Array("--\(boundary)\r\n".utf8)
    body += Array(
      "Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(name)\"\r\n".utf8)
    body += Array("Content-Type: text/csv\r\n\r\n".utf8)
    body += contents
    body += Array("\r\n".utf8)
  }
  body += Array("--\(boundary)--\r\nan epilogue to ignore".utf8)
  return body
}

/// `summary` without what differs between two runs of the same inputs: timings, start time.
func comparable(_ summary: [String: Any]) -> NSDictionary {
  var summary = summary
  summary["timings_ms"] = nil
  if var run = summary["run"] as? [String: Any] {
    run["started"] = nil
    summary["run"] = run
  }
  return summary as NSDictionary
}

@Suite("PlacementService: the bundled sample over HTTP on the loopback")
struct PlacementServiceTests {
  @Test(
    "the sample's answer is a direct PlacementRun's: placements.csv byte for byte, summary",
    arguments: ["strategy=stable&seed=2026", "", "strategy=optimal-squared&backend=glpk"])
  func sampleMatchesDirectRun(query: String) async throws {
    let files = try datasetFiles("nyc-sample")
    let target = query.isEmpty ? "/placements" : "/placements?\(query)"
    let answer = try await withService { port in
      try await send(
        .POST, target, port: port, headers: ["Content-Type": "application/json"],
        body: jsonUpload(files))
    }
    #expect(answer.status == 200)
    #expect(answer.headers["content-type"] == ServiceAnswer.jsonType)

    let configuration = try RunParameters.configuration(
      query: query, commandLine: ["PlacementService", "POST", target])
    let direct = try PlacementRun(
      DatasetReader.read(.files(files)), source: .files(files), configuration: configuration)
    let outputs = Dictionary(direct.outputs().map { ($0.name, $0.contents) }) { a, _ in a }
    let placements = try #require(outputs["placements.csv"])
    let document = answer.object
    #expect(document["status"] as? String == direct.status.rawValue)
    let csv = try #require(document["placements_csv"] as? String)
    #expect(csv == String(decoding: placements, as: UTF8.self))
    #expect(Array(csv.utf8) == Array(placements))  // and byte for byte
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(summary["placed"] as? Int == direct.summary?.placed)
    #expect((summary["placed"] as? Int ?? 0) > 0)
    let summaryFile = try #require(outputs["summary.json"])
    let file = try #require(JSONSerialization.jsonObject(with: summaryFile) as? [String: Any])
    #expect(comparable(summary) == comparable(file))
    // The manifest names the upload and records the request as the command line.
    let run = try #require(summary["run"] as? [String: Any])
    #expect(run["dataset"] as? String == "(uploaded files)")
    #expect(run["command_line"] as? [String] == ["PlacementService", "POST", target])
    let inputs = try #require(run["inputs"] as? [[String: Any]])
    #expect(Set(inputs.compactMap { $0["name"] as? String }) == Set(files.keys))
  }

  @Test("a multipart/form-data upload is read as the same files as the JSON one")
  func multipart() async throws {
    let files = try datasetFiles("nyc-sample")
    let boundary = "----form-boundary-7MA4YWxk"
    let (json, form) = try await withService { port in
      let json = try await send(
        .POST, "/placements?strategy=stable", port: port, body: jsonUpload(files))
      let form = try await send(
        .POST, "/placements?strategy=stable", port: port,
        headers: ["Content-Type": "multipart/form-data; boundary=\"\(boundary)\""],
        body: multipartUpload(files, boundary: boundary))
      return (json, form)
    }
    #expect(json.status == 200)
    #expect(form.status == 200)
    let csv = try #require(json.object["placements_csv"] as? String)
    #expect(form.object["placements_csv"] as? String == csv)
  }

  @Test("Accept: text/csv answers placements.csv alone, its status in a header")
  func csvAlone() async throws {
    let files = try datasetFiles("tiny")
    let answer = try await withService { port in
      try await send(
        .POST, "/placements", port: port,
        headers: ["Content-Type": "application/json", "Accept": "text/csv, application/json"],
        body: jsonUpload(files))
    }
    let direct = try PlacementRun(DatasetReader.read(.files(files)))
    #expect(answer.status == 200)
    #expect(answer.headers["content-type"] == ServiceAnswer.csvType)
    #expect(answer.headers["x-placement-status"] == "optimal")
    let text = String(decoding: answer.body, as: UTF8.self)
    #expect(text == String(decoding: direct.outputs()[0].contents, as: UTF8.self))
    // The tiny dataset's hand-computed answer.
    let expected = try String(
      contentsOfFile: datasetDirectory("tiny") + "/expected-placements.csv", encoding: .utf8)
    #expect(text == expected)
  }

  @Test("bad data is 422 with every issue located as file:line:column")
  func badData() async throws {
    var files = try datasetFiles("nyc-sample")
    var lines = String(decoding: try #require(files["worksites.csv"]), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Line 4's capacity (the third column) becomes a word.
    var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasPrefix("id,cluster,capacity,"))
    let column = fields[0].count + fields[1].count + 3
    fields[2] = "ten"
    lines[3] = fields.joined(separator: ",")
    files["worksites.csv"] = Array(lines.joined(separator: "\n").utf8)
    let upload = try jsonUpload(files)
    let answer = try await withService { port in
      try await send(.POST, "/placements", port: port, body: upload)
    }
    #expect(answer.status == 422)
    let document = answer.object
    #expect(document["error"] as? String == "bad-data")
    let issues = try #require(document["issues"] as? [[String: Any]])
    let capacity = issues.first { ($0["message"] as? String)?.contains("'ten'") == true }
    #expect(capacity?["file"] as? String == "worksites.csv")
    #expect(capacity?["line"] as? Int == 4)
    #expect(capacity?["column"] as? Int == column)
    #expect(capacity?["severity"] as? String == "error")
    // Every issue the reader reports, in its order.
    let error = #expect(throws: DatasetError.self) { try DatasetReader.read(.files(files)) }
    #expect(issues.count == error?.issues.count)
    #expect(issues.compactMap { $0["message"] as? String } == error?.issues.map(\.message))
  }

  @Test("an upload without worksites.csv is 422 missing-input, naming the file")
  func missingFile() async throws {
    var files = try datasetFiles("tiny")
    files["worksites.csv"] = nil
    let upload = try jsonUpload(files)
    let answer = try await withService { port in
      try await send(.POST, "/placements", port: port, body: upload)
    }
    #expect(answer.status == 422)
    #expect(answer.object["error"] as? String == "missing-input")
    let issues = answer.object["issues"] as? [[String: Any]] ?? []
    #expect(issues.contains { $0["file"] as? String == "worksites.csv" })
  }

  @Test("a refused run and an infeasible one are 422 with the problem and the run's record")
  func refusedAndInfeasible() async throws {
    var linked = try datasetFiles("tiny")
    linked["links.csv"] = Array("student_a,student_b\nS1,S2\n".utf8)
    // Two students pinned to a worksite of minimum group 3 whose only other applicant is
    // linked to a student who cannot go there: infeasible, but only the search can tell (a
    // contradiction validation sees, such as a linked pair pinned apart, is bad data).
    let cannotMeet: [String: [UInt8]] = [
      "students.csv": Array(
        "id,school,cluster,preferences\nA,s,it,W\nB,s,it,W\nC,s,it,W\nD,s,it,V\n".utf8),
      "worksites.csv": Array("id,cluster,capacity,min_group\nV,it,1,\nW,it,3,3\n".utf8),
      "links.csv": Array("student_a,student_b\nC,D\n".utf8),
      "pins.csv": Array("student,worksite\nA,W\nB,W\n".utf8),
    ]
    let (linkedUpload, pinnedUpload) = (try jsonUpload(linked), try jsonUpload(cannotMeet))
    let (refused, infeasible) = try await withService { port in
      let refused = try await send(
        .POST, "/placements?strategy=stable", port: port, body: linkedUpload)
      let infeasible = try await send(.POST, "/placements", port: port, body: pinnedUpload)
      return (refused, infeasible)
    }
    #expect(refused.status == 422)
    #expect(refused.object["error"] as? String == "refused")
    #expect(refused.object["status"] as? String == "refused")
    #expect((refused.object["message"] as? String)?.contains("links") == true)
    #expect((refused.object["run"] as? [String: Any])?["strategy"] as? String == "stable")
    #expect(infeasible.status == 422)
    #expect(infeasible.object["error"] as? String == "infeasible")
    #expect((infeasible.object["run"] as? [String: Any])?["status"] as? String == "infeasible")
  }

  @Test(
    "malformed requests are 400 with a message",
    arguments: [
      ("/placements", "application/json", "this is not JSON", "not JSON"),
      ("/placements", "application/json", #"["students.csv"]"#, "JSON object"),
      ("/placements", "application/json", #"{"students.csv": 3}"#, "JSON string"),
      ("/placements", "application/json", #"{"student.csv": ""}"#, "'student.csv'"),
      ("/placements", "text/plain", "id,school", "Content-Type"),
      ("/placements", "multipart/form-data", "--x--", "boundary"),
      ("/placements", "multipart/form-data; boundary=x", "--x\r\nno end", "headers"),
      ("/placements?sed=7", "application/json", "{}", "'sed'"),
      ("/placements?seed=-1", "application/json", "{}", "seed"),
      ("/placements?strategy=best", "application/json", "{}", "stable"),
      ("/placements?seed=1&seed=2", "application/json", "{}", "twice"),
    ])
  func malformed(target: String, contentType: String, body: String, says: String) async throws {
    let answer = try await withService { port in
      try await send(
        .POST, target, port: port, headers: ["Content-Type": contentType],
        body: Array(body.utf8))
    }
    #expect(answer.status == 400)
    #expect(answer.object["error"] as? String == "bad-request")
    let message = answer.object["message"] as? String ?? ""
    #expect(message.contains(says), "\(message)")
  }

  @Test("a body over the limit is 413, whether or not it announces its length")
  func tooLarge() async throws {
    let files = try datasetFiles("tiny")
    let body = try jsonUpload(files)
    for chunked in [false, true] {
      let answer = try await withService(PlacementServer(maximumUploadBytes: body.count - 1)) {
        port in
        try await send(.POST, "/placements", port: port, body: body, chunked: chunked)
      }
      #expect(answer.status == 413)
      #expect(answer.object["error"] as? String == "too-large")
      let fits = try await withService(PlacementServer(maximumUploadBytes: body.count)) { port in
        try await send(.POST, "/placements", port: port, body: body, chunked: chunked)
      }
      #expect(fits.status == 200)
    }
  }

  @Test("GET /health answers ok with the library's version")
  func health() async throws {
    let answer = try await withService { port in try await send(.GET, "/health", port: port) }
    #expect(answer.status == 200)
    #expect(answer.object["status"] as? String == "ok")
    #expect(answer.object["version"] as? String == InternMatchVersion.current)
  }
}
