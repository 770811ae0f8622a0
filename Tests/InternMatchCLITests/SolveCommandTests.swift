import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch solve / validate (end to end, built binary)")
struct SolveCommandTests {
  @Test("solve on the tiny dataset writes the hand-computed optimum")
  func solveTiny() throws {
    let out = try Paths.temporaryDirectory() + "/result"
    let run = try CLI.run([
      "solve", Paths.dataset("tiny"), "--strategy", "optimal", "--solver", "glpk", "--output", out,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let placements = try String(contentsOfFile: out + "/placements.csv", encoding: .utf8)
    let expected = try String(
      contentsOfFile: Paths.dataset("tiny") + "/expected-placements.csv", encoding: .utf8)
    #expect(placements == expected)
    #expect(run.stdout.hasPrefix("Placed 4 of 10 students (40.0%)"))
    #expect(run.stderr.contains("students.csv:9:47: warning: unknown worksite 'W9'"))
    // GLPK's own output never reaches stdout.
    #expect(!run.stdout.contains("GLPK"))
    #expect(!run.stdout.lowercased().contains("simplex:"))

    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
    #expect(summary?["students"] as? Int == 10)
    #expect(summary?["placed"] as? Int == 4)
    #expect(summary?["unplaced"] as? Int == 6)
    #expect(summary?["total_rank_cost"] as? Int == 7)
    #expect(summary?["strategy"] as? String == "optimal")
    #expect(summary?["seed"] as? Int == 7)
    #expect((summary?["solver"] as? String)?.hasPrefix("glpk-simplex") == true)
    #expect(summary?["rank_histogram"] as? [String: Int] == ["1": 1, "2": 3])
    #expect(
      summary?["unplaced_by_reason"] as? [String: Int]
        == ["no-eligible-choice": 3, "no-preferences": 1, "choices-full": 2])
    #expect((summary?["timings_ms"] as? [String: Double])?["solve"] != nil)
  }

  @Test("--rank-cost squared and --seed are honoured and recorded; --cross-check agrees")
  func squared() throws {
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run([
      "solve", Paths.dataset("tiny"), "--rank-cost", "squared", "--seed", "99", "--output", out,
      "--cross-check",
    ])
    #expect(run.status == 0)
    #expect(run.stdout.contains("(network-primal-dual (cross-checked by glpk-simplex"))
    let placements = try String(contentsOfFile: out + "/placements.csv", encoding: .utf8)
    let expected = try String(
      contentsOfFile: Paths.dataset("tiny") + "/expected-placements.csv", encoding: .utf8)
    #expect(placements == expected)
    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
    #expect(summary?["total_rank_cost"] as? Int == 13)
    #expect(summary?["rank_cost"] as? String == "squared")
    #expect(summary?["seed"] as? Int == 99)
  }

  @Test("bad data: exit 65, file:line message, nothing written")
  func badData() throws {
    let dataset = try Paths.copyOfDataset("tiny")
    let worksites = dataset + "/worksites.csv"
    let text = try String(contentsOfFile: worksites, encoding: .utf8)
    try text.replacingOccurrences(
      of: "W2,City Bank Systems,it,2", with: "W2,City Bank Systems,it,two"
    )
    .write(toFile: worksites, atomically: true, encoding: .utf8)
    let out = try Paths.temporaryDirectory() + "/result"
    let run = try CLI.run(["solve", dataset, "--output", out])
    #expect(run.status == 65)
    #expect(run.stderr.contains("worksites.csv:3:25: error: capacity 'two' is not an integer"))
    #expect(!FileManager.default.fileExists(atPath: out + "/placements.csv"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("missing input: exit 66")
  func missingInput() throws {
    let run = try CLI.run(["solve", "/nonexistent/dataset"])
    #expect(run.status == 66)
    #expect(run.stderr.contains("no such dataset directory"))
  }

  @Test(
    "bad usage: exit 64",
    arguments: [["solve"], ["solve", "x", "--strategy", "nope"], ["frobnicate"]])
  func badUsage(arguments: [String]) throws {
    #expect(try CLI.run(arguments).status == 64)
  }

  @Test("validate: exit 0 with warnings listed; exit 65 listing every error")
  func validate() throws {
    let ok = try CLI.run(["validate", Paths.dataset("tiny")])
    #expect(ok.status == 0)
    #expect(
      ok.stdout.contains("students.csv:9:47: warning: unknown worksite 'W9' at rank 1 skipped"))
    #expect(ok.stdout.contains("OK: 10 students, 6 worksites"))

    let dataset = try Paths.copyOfDataset("tiny")
    let students = dataset + "/students.csv"
    let text = try String(contentsOfFile: students, encoding: .utf8)
    try (text + "S1,02M600,it,eleven,16,,,,,,,W1\nS11,02M600,it,11\n").write(
      toFile: students, atomically: true, encoding: .utf8)
    let bad = try CLI.run(["validate", dataset])
    #expect(bad.status == 65)
    #expect(
      bad.stdout.contains("students.csv:12:1: error: duplicate student id 'S1' (first at record 1)")
    )
    #expect(
      bad.stdout.contains(
        "students.csv:12:14: error: grade 'eleven' is not a grade (write 11, 11th, Grade 11 or Gr. 11)"
      ))
    #expect(bad.stdout.contains("students.csv:13: error: record has 4 fields, the header has 12"))
    #expect(bad.stdout.contains("3 errors"))
  }

  @Test("generate then solve: a generated cohort round-trips and places")
  func generateThenSolve() throws {
    let directory = try Paths.temporaryDirectory()
    let generated = try CLI.run([
      "generate", "--students", "300", "--seed", "5", "--output", directory + "/c",
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    let again = try CLI.run([
      "generate", "--students", "300", "--seed", "5", "--output", directory + "/d",
    ])
    #expect(again.status == 0)
    for file in ["students.csv", "worksites.csv"] {
      #expect(
        FileManager.default.contents(atPath: directory + "/c/" + file)
          == FileManager.default.contents(atPath: directory + "/d/" + file))
    }
    let solved = try CLI.run(["solve", directory + "/c", "--output", directory + "/out"])
    #expect(solved.status == 0, "\(solved.stderr)")
    #expect(solved.stdout.contains("of 300 students"))
  }
}

@Suite("internmatch solve with lottery strategies (end to end, built binary)")
struct LotteryStrategyCommandTests {
  @Test("stable: zero blocking pairs in summary.json; the same seed gives the same placements")
  func stable() throws {
    let directory = try Paths.temporaryDirectory()
    for run in ["a", "b"] {
      let result = try CLI.run([
        "solve", Paths.dataset("nyc-sample"), "--strategy", "stable", "--seed", "11", "--output",
        directory + "/" + run,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("blocking pairs 0"))
    }
    let summary = try String(contentsOfFile: directory + "/a/summary.json", encoding: .utf8)
    #expect(summary.contains("\"blocking_pairs\" : 0"))
    #expect(
      FileManager.default.contents(atPath: directory + "/a/placements.csv")
        == FileManager.default.contents(atPath: directory + "/b/placements.csv"))
  }

  @Test("a side constraint the strategy cannot honour is refused, nothing written")
  func unsupported() throws {
    let directory = try Paths.temporaryDirectory()
    try FileManager.default.copyItem(atPath: Paths.dataset("tiny"), toPath: directory + "/data")
    let students = try String(contentsOfFile: directory + "/data/students.csv", encoding: .utf8)
    let ids = students.split(separator: "\n").dropFirst().prefix(2).map {
      $0.split(separator: ",")[0]
    }
    try "student_a,student_b\n\(ids[0]),\(ids[1])\n".write(
      toFile: directory + "/data/links.csv", atomically: true, encoding: .utf8)
    let result = try CLI.run([
      "solve", directory + "/data", "--strategy", "stable", "--output", directory + "/out",
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("stable cannot honour this dataset's links"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out/placements.csv"))

    // optimal honours the link through GLPK's branch-and-cut.
    let optimal = try CLI.run(["solve", directory + "/data", "--output", directory + "/opt"])
    #expect(optimal.status == 0, "\(optimal.stderr)")
    let rows = try String(contentsOfFile: directory + "/opt/placements.csv", encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let placedAt = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[1]) })
    #expect(placedAt[ids[0]] == placedAt[ids[1]])
    let summary = try String(contentsOfFile: directory + "/opt/summary.json", encoding: .utf8)
    #expect(summary.contains("\"mip_proven_optimal\" : 1"))
  }
}

@Suite("internmatch solve with side constraints (end to end, built binary)")
struct SideConstraintCommandTests {
  @Test("school floors that cannot be met: placed without them, the shortfall named")
  func unmetFloors() throws {
    let dataset = try Paths.copyOfDataset("tiny")
    try #"{ "max_distance_km": 30, "school_floor": 1.0 }"#.write(
      toFile: dataset + "/policy.json", atomically: true, encoding: .utf8)
    let out = try Paths.temporaryDirectory()
    for solver in ["network", "glpk"] {
      let run = try CLI.run(["solve", dataset, "--solver", solver, "--output", out + "/" + solver])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stderr.contains("note: school floors cannot all be met"))
      #expect(run.stderr.contains("short by"))
      let summary = try String(contentsOfFile: out + "/\(solver)/summary.json", encoding: .utf8)
      #expect(summary.contains("\"school_floors_met\" : 0"))
      #expect(summary.contains("\"diagnostics\" : ["))
    }
  }
}

@Suite("internmatch compare (end to end, built binary)")
struct CompareCommandTests {
  /// The CSV lines of `stdout` split into fields (no field of ours holds a comma but the last).
  func records(_ stdout: String) -> [[Substring]] {
    stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
  }

  @Test("one row per strategy, in every format; unknown strategies are usage errors")
  func compare() throws {
    let csv = try CLI.run(["compare", Paths.dataset("nyc-sample"), "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = records(csv.stdout)
    #expect(lines.first?.prefix(4) == ["strategy", "seed", "placed", "rate"])
    // One seed: a row and four statistic rows per strategy.
    #expect(lines.count == 1 + 5 * 9)  // nine strategies
    let header = lines[0]
    let blocking = try #require(header.firstIndex(of: "blocking"))
    let rate = try #require(header.firstIndex(of: "rate"))
    let stable = try #require(lines.first { $0[0] == "stable" })
    #expect(stable[1] == "2026")  // policy.json's seed
    #expect(stable[blocking] == "0")
    #expect(try #require(Double(stable[rate])) < 1)  // a fraction, not "75.9%"
    let json = try CLI.run([
      "compare", Paths.dataset("tiny"), "--strategies", "optimal,rank-maximal", "--format", "json",
    ])
    #expect(json.status == 0)
    #expect(json.stdout.contains("\"strategy\" : \"rank-maximal\""))
    #expect(
      try CLI.run(["compare", Paths.dataset("tiny"), "--strategies", "lottery-ish"]).status == 64)
  }

  @Test("--seeds: a row per (strategy, seed), lottery strategies re-drawn, the rest measured")
  func seeds() throws {
    let run = try CLI.run([
      "compare", Paths.dataset("nyc-sample"), "--seeds", "1-3,9", "--strategies",
      "stable,optimal,top-trading-cycles", "--format", "csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = records(run.stdout)
    let header = lines[0]
    let placed = try #require(header.firstIndex(of: "placed"))
    let blocking = try #require(header.firstIndex(of: "blocking"))
    #expect(lines.count == 1 + 3 * (4 + 4))
    for strategy in ["stable", "optimal", "top-trading-cycles"] {
      let rows = lines.filter { $0[0] == strategy }
      #expect(rows.map { $0[1] } == ["1", "2", "3", "9", "mean", "sd", "min", "max"])
      for row in rows { #expect(row.dropFirst(2).dropLast().allSatisfy { Double($0) != nil }) }
    }
    // optimal draws no lottery: the same students placed under every seed (sd 0); stable's
    // lottery changes who is placed.
    let optimal = lines.filter { $0[0] == "optimal" }
    #expect(Set(optimal.prefix(4).map { $0[placed] }).count == 1)
    #expect(optimal[5][placed] == "0")
    let stable = lines.filter { $0[0] == "stable" }
    #expect(Set(stable.prefix(4).map { $0[placed] }).count > 1)
    #expect(stable.prefix(4).allSatisfy { $0[blocking] == "0" })

    // The same seed alone gives the same row as inside the list.
    let single = try CLI.run([
      "compare", Paths.dataset("nyc-sample"), "--seeds", "9", "--strategies", "stable",
      "--format", "csv",
    ])
    let alone = try #require(records(single.stdout).dropFirst().first)
    let msColumn = try #require(header.firstIndex(of: "ms"))
    #expect(alone.prefix(msColumn) == stable[3].prefix(msColumn))

    let json = try CLI.run([
      "compare", Paths.dataset("tiny"), "--seeds", "1,5", "--strategies", "stable",
      "--format", "json",
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows.map { "\($0["seed"] ?? "")" } == ["1", "5", "mean", "sd", "min", "max"])
    #expect(rows[0]["rate"] is Double || rows[0]["rate"] is Int)
    #expect(object["seeds"] as? [Int] == [1, 5])

    for bad in [
      ["--seeds", "3-1"], ["--seeds", "1,1"], ["--seeds", "x"], ["--seed", "1", "--seeds", "2"],
    ] {
      #expect(try CLI.run(["compare", Paths.dataset("tiny")] + bad).status == 64, "\(bad)")
    }
  }

  @Test("skipped strategies appear in every format; when all are skipped, exit 65")
  func skipped() throws {
    let directory = try Paths.copyOfDataset("tiny")
    try "student_a,student_b\nS1,S2\n".write(
      toFile: directory + "/links.csv", atomically: true, encoding: .utf8)
    for format in ["text", "markdown", "csv", "json"] {
      let run = try CLI.run([
        "compare", directory, "--strategies", "optimal,stable,top-trading-cycles", "--format",
        format,
      ])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("top-trading-cycles"), "\(format)")
      #expect(run.stdout.contains("cannot honour links"), "\(format)")
    }
    let json = try CLI.run([
      "compare", directory, "--strategies", "stable,top-trading-cycles", "--format", "json",
    ])
    #expect(json.status == 65)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["rows"] as? [Any])?.isEmpty == true)
    #expect(
      (object["skipped"] as? [[String: String]])?.map { $0["strategy"] } == [
        "stable", "top-trading-cycles",
      ])
    #expect(json.stderr.contains("every strategy was skipped"))
  }
}

@Suite("internmatch bench (end to end, built binary)")
struct BenchCommandTests {
  @Test("JSON values are numbers")
  func json() throws {
    let run = try CLI.run(["bench", "--sizes", "200", "--strategies", "stable", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 1)
    #expect(rows[0]["strategy"] as? String == "stable")
    #expect(rows[0]["students"] as? Int == 200)
    #expect(rows[0]["status"] as? String == "complete")
    #expect(rows[0]["solve_ms"] is Int)
    #expect(rows[0]["peak_MB"] is Int)
  }

  @Test("the MIP shape: optimal with minimum groups and linked pairs is proven optimal")
  func mipShape() throws {
    let run = try CLI.run([
      "bench", "--sizes", "300", "--min-group-share", "0.1", "--linked-pairs-per-1000", "20",
      "--format", "csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("students,worksites,choices,strategy,status,placed,") == true)
    #expect(lines.count == 2)
    #expect(lines.last?.contains(",optimal,optimal,") == true)
    #expect(run.stderr.contains("measured optimal at 300"))
  }

  @Test("a share outside 0–1 is a usage error")
  func badShare() throws {
    let run = try CLI.run(["bench", "--sizes", "100", "--min-group-share", "2"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--min-group-share must be from 0 to 1"))
  }
}

@Suite("internmatch solve --explain / explain (end to end, built binary)")
struct ExplainCommandTests {
  @Test("solve --explain writes the hand-checked explanations and seat values of the tiny dataset")
  func solveExplain() throws {
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run(["solve", Paths.dataset("tiny"), "--explain", "--output", out])
    #expect(run.status == 0, "\(run.stderr)")
    func file(_ name: String) throws -> String {
      try String(contentsOfFile: out + "/" + name, encoding: .utf8)
    }
    // S1 forced into W1 displaces S3 (who lists only W1); S8 takes the seat S1 leaves at W2:
    // everyone still placed, rank cost 1 + 2 + 2 + 3 = 8 instead of 7. S2 forced there leaves
    // S3 and the seat at W3 (no one else may take it) empty: one fewer placed, cost 5.
    #expect(
      try file("explanations.csv") == """
        student,rank,worksite,outcome,placed_change,rank_cost_change,detail
        S1,1,W1,taken,0,1,
        S1,2,W2,placed,,,
        S2,1,W1,taken,-1,-2,
        S2,2,W3,placed,,,
        S3,1,W1,placed,,,
        S4,1,W3,ineligible,,,age-below-minimum
        S4,2,W2,placed,,,
        S5,1,W4,ineligible,,,missing-credential
        S7,1,W5,no-seats,,,
        S8,1,W9,unknown-worksite,,,
        S8,2,W1,taken,0,1,
        S8,3,W2,taken,0,1,
        S9,1,W6,ineligible,,,no-shared-schedule
        S10,1,W2,ineligible,,,too-far

        """)
    // One more seat at W1 or W2 seats S8 (rank 2 or 3); one at W5 seats S7 (rank 1).
    #expect(
      try file("seat-values.csv") == """
        worksite,employer,cluster,borough,capacity,filled,placed_change,rank_cost_change,glpk_dual,dual_low,dual_high
        W1,Tech Partners,it,Manhattan,1,1,1,2,,,
        W2,City Bank Systems,it,Manhattan,2,2,1,3,,,
        W3,Harbor Health Clinic,healthcare,Brooklyn,1,1,0,0,,,
        W4,BuildRight Contractors,construction,Bronx,1,0,0,0,,,
        W5,Union Square Kitchen,culinary,Manhattan,0,0,1,1,,,
        W6,Staten Island Media Lab,media,Staten Island,1,0,0,0,,,

        """)
    #expect(
      try file("seat-values-by-area.csv") == """
        cluster,borough,worksites,best_placed_change,best_rank_cost_change,worksites_placing_one_more
        culinary,Manhattan,1,1,1,1
        it,Manhattan,2,1,2,2
        construction,Bronx,1,0,0,0
        healthcare,Brooklyn,1,0,0,0
        media,Staten Island,1,0,0,0

        """)
  }

  @Test("solve --solver glpk --explain adds GLPK's capacity duals and their exact intervals")
  func glpkDuals() throws {
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run([
      "solve", Paths.dataset("tiny"), "--solver", "glpk", "--explain", "--output", out,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: out + "/seat-values.csv", encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(lines.count == 7)
    // With the 4 placed held, a seat more at W1 saves 1 rank (S1 moves up from W2 to W1); a
    // seat fewer cannot keep 4 placed (S3 lists only W1): [1, inf), and GLPK's dual is one
    // point of it. W2, W3 and W5 (capacity 0, its component places nobody) save nothing from a
    // seat more with the count held, and none can lose a seat and keep its component's count.
    // W4 and W6 have no row: no eligible choice names them.
    let dual = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .map { $0.suffix(3).joined(separator: ",") }
    #expect(dual[0].hasSuffix(",1,inf") && dual[3] == ",," && dual[5] == ",,")
    #expect(dual[1] == "0,0,inf" && dual[2] == "0,0,inf" && dual[4] == "0,0,inf")
    let glpk = try #require(Double(dual[0].split(separator: ",")[0]))
    #expect(glpk >= 1)
  }

  @Test("explain tells a student's story and a worksite's, naming only those placed there")
  func stories() throws {
    let student = try CLI.run(["explain", Paths.dataset("tiny"), "--student", "S8"])
    #expect(student.status == 0, "\(student.stderr)")
    #expect(
      student.stdout
        == "You were not placed: every worksite on your list that you qualify for was full. "
        + "Your 1st choice, “W9”, is not a worksite of this round; check the id. "
        + "Your 2nd choice, Tech Partners (W1), was full: placing you there would have left "
        + "one other student without any seat. Your 3rd choice, City Bank Systems (W2), was "
        + "full: placing you there would have left one other student without any seat.\n")
    let site = try CLI.run(["explain", Paths.dataset("tiny"), "--worksite", "W1"])
    #expect(site.status == 0, "\(site.stderr)")
    #expect(
      site.stdout == """
        Tech Partners (W1): 1 seat, 1 filled.
        4 students listed it:
          1 placed here
          3 eligible, turned away (seats went to others)
        Placed here: S3.
        Seating a turned-away applicant here would have left another student without a seat \
        for 2 of them; for the other 1, everyone stays placed at 1 or more rank points in total.
        One more seat here would place one more student (rank cost +2).

        """)
    for other in ["S1", "S2", "S8"] { #expect(!site.stdout.contains(other)) }
    let stable = try CLI.run([
      "explain", Paths.dataset("tiny"), "--student", "S1", "--strategy", "stable",
    ])
    #expect(stable.stdout.contains("the last one admitted had tier 1, lottery 0."))
    let usage = try CLI.run(["explain", Paths.dataset("tiny")])
    #expect(usage.status == 64)
    let unknown = try CLI.run(["explain", Paths.dataset("tiny"), "--student", "nobody"])
    #expect(unknown.status == 65)
  }
}
