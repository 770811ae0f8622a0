import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchTestSupport
import Testing

@Suite("DatasetReader")
struct DatasetReaderTests {
  /// Writes `files` into a new dataset directory.
  func dataset(_ files: [String: String]) throws -> String {
    let directory = try Paths.temporaryDirectory()
    for (name, text) in files {
      try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
    return directory
  }

  let students = "id,school,cluster,age,preferences\nS1,X,it,16,W1;W2\nS2,X,it,17,W2\n"
  let worksites = "id,cluster,capacity\nW1,it,1\nW2,it,2\n"

  /// The descriptions of the errors reading `files` throws.
  func errors(_ files: [String: String]) throws -> [String] {
    let directory = try dataset(files)
    do {
      _ = try DatasetReader.read(directory: directory)
      return []
    } catch {
      #expect(error.kind == .badData)
      return error.errors.map(\.description)
    }
  }

  @Test("reads the tiny dataset with its warning")
  func tiny() throws {
    let d = try DatasetReader.read(directory: Paths.dataset("tiny"))
    #expect(d.instance.students.count == 10)
    #expect(d.instance.worksites.count == 6)
    #expect(
      d.instance.policy
        == Policy(strategy: "optimal", seed: 7, rankCost: .linear, maximumDistanceKilometres: 30))
    #expect(
      d.warnings.map(\.description) == [
        "students.csv:9:47: warning: unknown worksite 'W9' at rank 1 skipped"
      ])
  }

  @Test("columns in any order; optional files and columns absent")
  func anyOrder() throws {
    let d = try DatasetReader.read(
      directory: dataset([
        "students.csv": "preferences,cluster,school,id\nW1,it,X,S1\n",
        "worksites.csv": "capacity,id,cluster\n3,W1,it\n",
      ]))
    #expect(d.instance.students[0].preferences == ["W1"])
    #expect(d.instance.worksites[0].capacity == 3)
  }

  @Test("missing input: directory or required file")
  func missing() throws {
    #expect { try DatasetReader.read(directory: "/nonexistent/dataset") } throws: {
      ($0 as? DatasetError)?.kind == .missingInput
    }
    let noWorksites = try dataset(["students.csv": students])
    #expect { try DatasetReader.read(directory: noWorksites) } throws: {
      ($0 as? DatasetError)?.kind == .missingInput
        && ($0 as? DatasetError)?.errors.map(\.description) == [
          "worksites.csv: error: required file is missing"
        ]
    }
  }

  @Test("duplicate ids are errors with file and line")
  func duplicates() throws {
    #expect(
      try errors([
        "students.csv": students + "S1,Y,it,16,W1\n", "worksites.csv": worksites + "W2,it,4\n",
      ]) == [
        "students.csv:4:1: error: duplicate student id 'S1' (first at record 1)",
        "worksites.csv:4:1: error: duplicate worksite id 'W2' (first at record 2)",
      ])
  }

  @Test("a missing required column is an error on the header line")
  func missingColumn() throws {
    #expect(
      try errors(["students.csv": "id,cluster\nS1,it\n", "worksites.csv": worksites]) == [
        "students.csv:1: error: missing required column 'school'"
      ])
  }

  @Test("capacity that is not an integer, or negative; age and grade that are not integers")
  func numbers() throws {
    #expect(
      try errors([
        "students.csv": "id,school,cluster,age,grade\nS1,X,it,sixteen,11\nS2,X,it,16,11.5\n",
        "worksites.csv": "id,cluster,capacity\nW1,it,ten\nW2,it,-1\nW3,it,\n",
      ]) == [
        "students.csv:2:9: error: age 'sixteen' is not an integer",
        "students.csv:3:12: error: grade '11.5' is not a grade (write 11, 11th, Grade 11 or Gr. 11)",
        "worksites.csv:2:7: error: capacity 'ten' is not an integer",
        "worksites.csv:3:7: error: capacity -1 is out of range (0–10,000,000)",
        "worksites.csv:4:7: error: capacity is empty",
      ])
  }

  @Test("malformed CSV is an error naming the file, line and column")
  func malformed() throws {
    #expect(
      try errors(["students.csv": "id,school,cluster\nS1,\"X,it\n", "worksites.csv": worksites])
        == [
          "students.csv:2:4: error: unterminated quoted field: the quote opened here is never closed"
        ])
  }

  @Test("unknown clusters, kinds and lone coordinates are errors; all of them are listed")
  func collectsAll() throws {
    #expect(
      try errors([
        "students.csv": "id,school,cluster,lat\nS1,X,robots,40.7\n",
        "worksites.csv": "id,cluster,capacity,kind\nW1,it,1,safari\n",
      ]) == [
        "students.csv:2:6: error: unknown cluster 'robots'",
        "students.csv:2:13: error: lat and lon must be given together",
        "worksites.csv:2:9: error: kind 'safari' is not one of internship, job-shadow, mock-interview, workplace-tour, apprenticeship, career-day, teacher-externship",
      ])
  }

  @Test("warnings: unknown columns, unknown and duplicate list entries, unknown ranking ids")
  func warnings() throws {
    let d = try DatasetReader.read(
      directory: dataset([
        "students.csv": "id,school,cluster,shoe_size,preferences\nS1,X,it,9,W1;Q;W1\n",
        "worksites.csv": worksites,
        "rankings.csv": "worksite,student,rank\nW1,S1,1\nW1,S9,2\n",
      ]))
    // shoe_size is the district's own column: it passes through to rosters, silently.
    #expect(d.passThrough.names == ["shoe_size"])
    #expect(
      d.warnings.map(\.description) == [
        "students.csv:2:11: warning: unknown worksite 'Q' at rank 2 skipped",
        "students.csv:2:11: warning: duplicate worksite 'W1' at rank 3 skipped",
        "rankings.csv:3:4: warning: unknown student 'S9'; ranking skipped",
      ])
    #expect(d.instance.rankings == [WorksiteRanking(worksite: "W1", student: "S1", rank: 1)])
  }

  @Test("rankings: non-integer or non-positive ranks and repeated pairs are errors")
  func rankings() throws {
    #expect(
      try errors([
        "students.csv": students, "worksites.csv": worksites,
        "rankings.csv": "worksite,student,rank\nW1,S1,first\nW1,S2,0\nW2,S1,1\nW2,S1,2\n",
      ]) == [
        "rankings.csv:2:7: error: rank 'first' is not an integer",
        "rankings.csv:3:7: error: rank 0 is out of range (1–10,000,000)",
        "rankings.csv:5:4: error: worksite 'W2' ranks student 'S1' twice (first at record 3)",
      ])
  }

  @Test("policy.json: wrong types are errors at the value")
  func policy() throws {
    #expect(
      try errors([
        "students.csv": students, "worksites.csv": worksites,
        "policy.json": #"{"seed": -3, "rank_cost": "cubic", "max_distance_km": true}"#,
      ]) == [
        "policy.json:1:10: error: seed must be an integer from 0 to 18446744073709551615, written without a point or exponent",
        "policy.json:1:27: error: rank_cost must be one of linear, squared",
        "policy.json:1:55: error: max_distance_km must be a positive number",
      ])
    #expect(
      try errors([
        "students.csv": students, "worksites.csv": worksites,
        "policy.json":
          #"{"tie_breaking": "coin", "priority_groups": 3, "mip_gap": 2, "mip_time_limit_seconds": 0}"#,
      ]) == [
        "policy.json:1:18: error: tie_breaking must be one of single, multiple",
        "policy.json:1:45: error: priority_groups must be a list of group names, highest priority first",
        "policy.json:1:59: error: mip_gap must be a number between 0 and 1",
        "policy.json:1:88: error: mip_time_limit_seconds must be a number of seconds from 0.001 to 1000000",
      ])
    #expect(
      try errors(["students.csv": students, "worksites.csv": worksites, "policy.json": "{oops"])
        .count == 1)
  }

  @Test("policy.json: lottery and MIP settings are read")
  func lotteryAndMIPPolicy() throws {
    let d = try DatasetReader.read(
      directory: dataset([
        "students.csv": students, "worksites.csv": worksites,
        "policy.json":
          #"{"tie_breaking": "multiple", "priority_groups": ["ell", "iep"], "mip_gap": 0.001, "mip_time_limit_seconds": 5}"#,
      ]))
    #expect(d.instance.policy.tieBreaking == .multiple)
    #expect(d.instance.policy.priorityGroups == ["ell", "iep"])
    #expect(d.instance.policy.mipGap == 0.001)
    #expect(d.instance.policy.mipTimeLimitSeconds == 5)
  }

  @Test("clusters.csv defines the clusters in use")
  func clusters() throws {
    let d = try DatasetReader.read(
      directory: dataset([
        "clusters.csv": "id,name\nagri,Agriculture\n",
        "students.csv": "id,school,cluster\nS1,X,agri\n",
        "worksites.csv": "id,cluster,capacity\nW1,agri,1\n",
      ]))
    #expect(d.instance.clusters == [Cluster(id: "agri", name: "Agriculture")])
  }

  @Test("DatasetWriter output reads back to the same students and worksites")
  func roundTrip() throws {
    let original = try DatasetReader.read(directory: Paths.dataset("tiny")).instance
    let files = DatasetWriter.files(
      students: original.students, worksites: original.worksites, rankings: original.rankings)
    var contents: [String: String] = [:]
    for file in files { contents[file.name] = file.contents }
    let again = try DatasetReader.read(directory: dataset(contents)).instance
    #expect(again.students == original.students)
    #expect(again.worksites == original.worksites)
  }
}
