import Foundation
import InternMatchTestSupport
import Testing

/// The reproducers of issue 10 ("never crash, never mix, never blow up"), each run through the
/// built binary: before the fixes each trapped (a signal, not an exit code), exhausted memory,
/// exited 70 after `validate` said OK, or was accepted silently.
@Suite("issue 10 reproducers (end to end, built binary)")
struct ReproducerTests {
  /// A dataset directory holding `files`.
  func dataset(_ files: [String: String]) throws -> String {
    let directory = try Paths.temporaryDirectory()
    for (name, text) in files {
      try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
    }
    return directory
  }

  let oneStudent = "id,school,cluster,preferences\nS1,X,it,W1\n"

  /// Runs `validate` and then `solve --strategy strategy` on `files`; both must exit
  /// `status`, and `validate` must print `message`.
  func expect(
    _ files: [String: String], status: Int32, message: String? = nil,
    strategies: [String] = ["optimal"], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let directory = try dataset(files)
    let validate = try CLI.run(["validate", directory])
    #expect(
      validate.status == status, "\(validate.stdout)\(validate.stderr)",
      sourceLocation: sourceLocation)
    if let message {
      #expect(
        validate.stdout.contains(message), "\(validate.stdout)", sourceLocation: sourceLocation)
    }
    for strategy in strategies {
      let out = try Paths.temporaryDirectory()
      let solve = try CLI.run(["solve", directory, "--strategy", strategy, "--output", out])
      #expect(
        solve.status == status, "\(strategy): \(solve.stderr)", sourceLocation: sourceLocation)
      if let message {
        #expect(
          solve.stderr.contains(message), "\(strategy): \(solve.stderr)",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test("1: a reserve share that is NaN or infinite is an error at its cell, not a trap")
  func nonFiniteShare() throws {
    for share in ["nan", "inf", "1e400", "-inf"] {
      try expect(
        [
          "students.csv": oneStudent,
          "worksites.csv": "id,cluster,capacity,reserve\nW1,it,1,ell:\(share)%\n",
        ], status: 65,
        message:
          "worksites.csv:2:9: error: reserve share 'ell:\(share)%' must be a number from 0% to 100%",
        strategies: ["optimal", "stable"])
    }
  }

  @Test("2: counts beyond the documented ranges are errors at their cells")
  func ranges() throws {
    try expect(
      ["students.csv": oneStudent, "worksites.csv": "id,cluster,capacity\nW1,it,3000000000\n"],
      status: 65,
      message: "worksites.csv:2:7: error: capacity 3000000000 is out of range (0–10,000,000)")
    try expect(
      [
        "students.csv": oneStudent,
        "worksites.csv": "id,cluster,capacity\nW1,it,9223372036854775807\nW2,it,1\n",
      ], status: 65, message: "capacity 9223372036854775807 is out of range",
      strategies: ["optimal", "stable"])
    try expect(
      [
        "students.csv": oneStudent,
        "worksites.csv": "id,cluster,capacity\nW1,it,99999999999999999999\n",
      ], status: 65,
      message:
        "worksites.csv:2:7: error: capacity '99999999999999999999' is out of range (0–10,000,000)")
    try expect(
      [
        "students.csv": oneStudent,
        "worksites.csv": "id,cluster,capacity,max_per_school\nW1,it,1,9223372036854775806\n",
      ], status: 65, message: "max_per_school 9223372036854775806 is out of range")
    try expect(
      [
        "students.csv": oneStudent,
        "worksites.csv": "id,cluster,capacity,employer\nW1,it,1,E\n",
        "employers.csv": "id,capacity\nE,9223372036854775807\n",
      ], status: 65,
      message: "employers.csv:2:3: error: capacity 9223372036854775807 is out of range")
    try expect(
      [
        "students.csv": oneStudent,
        "worksites.csv": "id,cluster,capacity,max_per_school\nW1,it,1,9223372036854775807\n",
        "pins.csv": "student,worksite\nS1,W1\n",
      ], status: 65, message: "max_per_school 9223372036854775807 is out of range")
    try expect(
      [
        "students.csv": "id,school,cluster,grade,age\nS1,X,it,99999999999999999999,151\n",
        "worksites.csv": "id,cluster,capacity,min_age\nW1,it,1,-1\n",
      ], status: 65,
      message: "students.csv:2:9: error: grade '99999999999999999999' is out of range (0–20)")
  }

  @Test("2: memory follows the usable seats, not a capacity of ten million")
  func usableSeats() throws {
    let directory = try dataset([
      "students.csv": oneStudent, "worksites.csv": "id,cluster,capacity\nW1,it,10000000\n",
    ])
    for strategy in ["optimal", "stable", "serial-dictatorship", "greedy", "rank-maximal"] {
      let out = try Paths.temporaryDirectory()
      let run = try CLI.run(["solve", directory, "--strategy", strategy, "--output", out])
      #expect(run.status == 0, "\(strategy): \(run.stderr)")
      let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
      #expect(summary.contains("\"placed\" : 1"), "\(strategy)")
    }
  }

  @Test("3: a duplicate student id beside pins.csv is reported, not a trap")
  func duplicateWithPins() throws {
    try expect(
      [
        "students.csv": "id,school,cluster,preferences\nS1,X,it,W1\nS1,X,it,W1\nS2,X,it,W1\n",
        "worksites.csv": "id,cluster,capacity\nW1,it,3\n",
        "pins.csv": "student,worksite\nS2,W1\n",
      ], status: 65,
      message: "students.csv:3:1: error: duplicate student id 'S1' (first at record 1)")
  }

  @Test("4: a MIP time limit of 1e308 is out of range, not a trap")
  func hugeTimeLimit() throws {
    try expect(
      [
        "students.csv": "id,school,cluster,preferences\nS1,X,it,W1\nS2,X,it,W1\n",
        "worksites.csv": "id,cluster,capacity,min_group\nW1,it,2,2\n",
        "policy.json": #"{"mip_time_limit_seconds": 1e308}"#,
      ], status: 65,
      message: "policy.json:1:28: error: mip_time_limit_seconds must be a number of seconds")
  }

  @Test("5: contradicting pins and links are found by validate, naming the rows")
  func contradictions() throws {
    let twoStudents = "id,school,cluster,preferences\nS1,X,it,W1;W2\nS2,X,it,W1;W2\n"
    try expect(
      [
        "students.csv": twoStudents, "worksites.csv": "id,cluster,capacity\nW1,it,2\nW2,it,2\n",
        "pins.csv": "student,worksite\nS1,W1\nS2,W2\n", "links.csv": "student_a,student_b\nS1,S2\n",
      ], status: 65,
      message:
        "links.csv:2:1: error: linked students 'S1' and 'S2' are pinned to different worksites 'W1' and 'W2'"
    )
    try expect(
      [
        "students.csv": "id,school,cluster,preferences\nS1,X,it,W1\nS2,X,it,W2\n",
        "worksites.csv": "id,cluster,capacity\nW1,it,2\nW2,it,2\n",
        "pins.csv": "student,worksite\nS1,W1\n", "links.csv": "student_a,student_b\nS1,S2\n",
      ], status: 65,
      message:
        "links.csv:2:4: error: 'S1' is pinned to 'W1', but the linked 'S2' has no eligible choice")
    try expect(
      [
        "students.csv": "id,school,cluster,preferences\nS1,X,it,W1\nS2,X,it,W2\n",
        "worksites.csv": "id,cluster,capacity,min_group\nW1,it,5,3\nW2,it,2,\n",
        "pins.csv": "student,worksite\nS1,W1\n",
      ], status: 65, message: "pins.csv:2:4: error: 'W1' has min_group 3 but can seat at most 1")
  }

  @Test("5: rank-maximal with max_per_school and fixed reserves: 65, naming the worksite")
  func rankMaximalRefusal() throws {
    let files = [
      "students.csv": "id,school,cluster,groups,preferences\nS1,X,it,ell,W1\nS2,Y,it,,W1\n",
      "worksites.csv": "id,cluster,capacity,max_per_school,reserve\nW1,it,2,1,ell:1\n",
      "policy.json": #"{"reserves_revert": false, "strategy": "rank-maximal"}"#,
    ]
    try expect(
      files, status: 65,
      message: "worksites.csv:2:9: error: policy.json names rank-maximal, which cannot combine",
      strategies: [])
    var named = files
    named["policy.json"] = #"{"reserves_revert": false}"#
    let directory = try dataset(named)
    let run = try CLI.run([
      "solve", directory, "--strategy", "rank-maximal", "--output", directory + "/out",
    ])
    #expect(run.status == 65)
    #expect(run.stderr.contains("worksites.csv record 1, 'W1'"), "\(run.stderr)")
  }

  @Test("6: policy.json is read strictly, with line and column")
  func strictPolicy() throws {
    let base = ["students.csv": oneStudent, "worksites.csv": "id,cluster,capacity\nW1,it,1\n"]
    let cases: [(String, String)] = [
      (#"{"strategy":"nope"}"#, "policy.json:1:13: error: strategy must be one of optimal"),
      ("{\"seed\": 1,\n}", "policy.json:2:1: error: not valid JSON: trailing comma before '}'"),
      (
        #"{"seed": 1, "seed": 2}"#,
        "policy.json:1:13: error: not valid JSON: key 'seed' appears twice"
      ),
      (
        #"{"max_distance": 3}"#,
        "policy.json:1:2: error: unknown setting 'max_distance'; did you mean max_distance_km?"
      ),
      ("{\"seed\" 1}", "policy.json:1:9: error: not valid JSON: expected ':' after the key"),
      (#"{"seed": 1.5}"#, "policy.json:1:10: error: seed must be an integer"),
      (#"{"seed": 18446744073709551616}"#, "policy.json:1:10: error: seed must be an integer"),
    ]
    for (policy, message) in cases {
      var files = base
      files["policy.json"] = policy
      try expect(files, status: 65, message: message, strategies: [])
    }
    var utf16 = base
    utf16["policy.json"] = ""
    let directory = try dataset(utf16)
    try Data([0xFF, 0xFE] + Array(#"{"seed": 1}"#.utf8).flatMap { [$0, 0] }).write(
      to: URL(fileURLWithPath: directory + "/policy.json"))
    let run = try CLI.run(["validate", directory])
    #expect(run.status == 65)
    #expect(
      run.stdout.contains("policy.json:1:1: error: not valid JSON: the file is UTF-16, not UTF-8"))
  }

  @Test("6: seeds are exact: 9007199254740993 and UInt64.max are read as written")
  func exactSeeds() throws {
    for seed in ["9007199254740993", "18446744073709551615"] {
      let directory = try dataset([
        "students.csv": oneStudent, "worksites.csv": "id,cluster,capacity\nW1,it,1\n",
        "policy.json": "{\"seed\": \(seed)}",
      ])
      let out = try Paths.temporaryDirectory()
      let run = try CLI.run(["solve", directory, "--strategy", "stable", "--output", out])
      #expect(run.status == 0, "\(run.stderr)")
      let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
      #expect(summary.contains("\"seed\" : \(seed)"), "\(summary)")
    }
  }

  @Test("9: a FIFO is refused at once, not waited on")
  func fifo() throws {
    let directory = try dataset(["worksites.csv": "id,cluster,capacity\nW1,it,1\n"])
    #expect(mkfifo(directory + "/students.csv", 0o644) == 0)
    let run = try CLI.run(["validate", directory])
    #expect(run.status == 66)
    #expect(run.stdout.contains("students.csv: error: cannot read the file: not a regular file"))
  }

  @Test("9: control characters are escaped and long values cut in messages")
  func escaping() throws {
    let long = String(repeating: "x", count: 5_000_000)
    let directory = try dataset([
      "students.csv":
        "id,school,cluster\nS1,X,\"bad\nstudents.csv:9:9: error: forged\u{0}\"\nS2,X,\(long)\n",
      "worksites.csv": "id,cluster,capacity\nW1,it,1\n",
    ])
    let run = try CLI.run(["validate", directory])
    #expect(run.status == 65)
    #expect(run.stdout.contains(#"unknown cluster 'bad\nstudents.csv:9:9: error: forged\0'"#))
    #expect(!run.stdout.contains("\u{0}"))
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.utf8.count < 600 })
    #expect(run.stdout.contains("characters cut"))
  }

  @Test("9: a double byte-order mark, one empty id reported once, ids by their bytes")
  func smaller() throws {
    let bom = "\u{FEFF}\u{FEFF}"
    try expect(
      [
        "students.csv": bom + "id,school,cluster\nS1,X,it\n,X,it\n",
        "worksites.csv": "id,cluster,capacity\nW1,it,1\n",
      ], status: 65, message: "students.csv:3:1: error: student id is empty", strategies: [])
    let directory = try dataset([
      "students.csv": bom + "id,school,cluster\n,X,it\n",
      "worksites.csv": "id,cluster,capacity\nW1,it,1\n",
    ])
    let run = try CLI.run(["validate", directory])
    #expect(run.stdout.components(separatedBy: "id is empty").count == 2, "\(run.stdout)")
  }

  @Test("9: ids are their bytes: 'é' and 'e' + U+0301 are two students and two worksites")
  func idsAreBytes() throws {
    let (composed, decomposed) = ("S\u{E9}", "Se\u{301}")
    let (siteComposed, siteDecomposed) = ("W\u{E9}", "We\u{301}")
    let directory = try dataset([
      "students.csv": "id,school,cluster,preferences\n"
        + "\(composed),X,it,\(siteDecomposed)\n\(decomposed),X,it,\(siteComposed)\n",
      "worksites.csv": "id,cluster,capacity\n\(siteComposed),it,1\n\(siteDecomposed),it,1\n",
      "pins.csv": "student,worksite\n\(decomposed),\(siteComposed)\n",
    ])
    let validate = try CLI.run(["validate", directory])
    #expect(validate.status == 0, "\(validate.stdout)")
    for strategy in ["optimal", "stable", "serial-dictatorship"] {
      let out = try Paths.temporaryDirectory()
      let solve = try CLI.run(["solve", directory, "--strategy", strategy, "--output", out])
      #expect(solve.status == 0, "\(strategy): \(solve.stderr)")
      let rows = try Data(contentsOf: URL(fileURLWithPath: out + "/placements.csv"))
      // Each student at the worksite whose id is the other spelling, byte for byte.
      let expected = Data(
        ("student,worksite,rank,reason\n\(composed),\(siteDecomposed),1,\n"
          + "\(decomposed),\(siteComposed),1,\n").utf8)
      #expect(rows == expected, "\(strategy): \(String(decoding: rows, as: UTF8.self))")
      let verify = try CLI.run(["verify", directory, out + "/placements.csv"])
      #expect(verify.status == 0, "\(strategy): \(verify.stdout)\(verify.stderr)")
    }
  }

  @Test("9: generate refuses more linked pairs than students can form")
  func generateLinks() throws {
    let out = try Paths.temporaryDirectory()
    let run = try CLI.run([
      "generate", "--students", "10", "--linked-pairs", "1000", "--output", out,
    ])
    #expect(run.status == 64, "\(run.stderr)")
    #expect(run.stderr.contains("--linked-pairs"))
  }

  @Test("9: an unwritable output names the path and the cause")
  func unwritableOutput() throws {
    let directory = try Paths.copyOfDataset("tiny")
    let blocker = try Paths.temporaryDirectory() + "/file"
    try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
    let run = try CLI.run(["solve", directory, "--output", blocker + "/out"])
    #expect(run.status == 73)
    #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    #expect(run.stderr.contains(blocker), "\(run.stderr)")
  }

  /// Starts `internmatch arguments…` without waiting; output is discarded.
  func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  @Test("7: concurrent solves into one directory leave one run's pair, never a mix")
  func concurrentSolves() throws {
    let directory = try Paths.copyOfDataset("nyc-sample")
    let seeds = Array(1...12)
    // Each seed's own pair, written alone.
    var expected: [String: String] = [:]
    for seed in seeds {
      let out = try Paths.temporaryDirectory()
      let run = try CLI.run([
        "solve", directory, "--strategy", "stable", "--seed", "\(seed)", "--output", out, "--quiet",
      ])
      #expect(run.status == 0)
      expected["\(seed)"] = try String(contentsOfFile: out + "/placements.csv", encoding: .utf8)
    }
    #expect(Set(expected.values).count > 1, "the seeds must give different placements")
    for _ in 0..<3 {
      let out = try Paths.temporaryDirectory()
      let runs = try seeds.map {
        try start([
          "solve", directory, "--strategy", "stable", "--seed", "\($0)", "--output", out, "--quiet",
        ])
      }
      for run in runs { run.waitUntilExit() }
      #expect(runs.allSatisfy { $0.terminationStatus == 0 })
      let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
      let seed = summary.split(separator: "\n").first { $0.contains("\"seed\" :") }?
        .split(separator: ":").last?.trimmingCharacters(
          in: .whitespaces.union(.init(charactersIn: ",")))
      let placements = try String(contentsOfFile: out + "/placements.csv", encoding: .utf8)
      #expect(
        seed.flatMap { expected[$0] } == placements, "placements.csv is not seed \(seed ?? "?")'s")
      let names = try FileManager.default.contentsOfDirectory(atPath: out)
      #expect(!names.contains { $0.contains(".tmp-") || $0 == ".internmatch.journal" }, "\(names)")
    }
  }

  /// Starts the binary with every signal at its default action and none blocked (the test
  /// runner may ignore or block some, and a child inherits that); returns its process id.
  func spawnWithDefaultSignals(_ arguments: [String], environment: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    sigfillset(&all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv = ([CLI.executable.path] + arguments).map { strdup($0) } + [nil]
    let envp =
      (ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" } + environment).map {
        strdup($0)
      } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, CLI.executable.path, nil, &attributes, argv, envp)
    guard code == 0 else { throw CocoaError(.fileReadUnknown) }
    return pid
  }

  @Test("7: SIGTERM and SIGINT while writing remove the temporaries and keep the old pair")
  func interrupted() throws {
    let directory = try Paths.copyOfDataset("tiny")
    for sig in [SIGTERM, SIGINT] {
      let out = try Paths.temporaryDirectory()
      #expect(try CLI.run(["solve", directory, "--output", out, "--quiet"]).status == 0)
      let before = try [out + "/placements.csv", out + "/summary.json"].map {
        try Data(contentsOf: URL(fileURLWithPath: $0))
      }
      let pid = try spawnWithDefaultSignals(
        ["solve", directory, "--output", out, "--quiet"],
        environment: ["INTERNMATCH_TEST_WRITE_PAUSE_MS=20000"])
      // Wait for the temporaries, then interrupt.
      var seen = false
      for _ in 0..<400 where !seen {
        usleep(25_000)
        seen = try FileManager.default.contentsOfDirectory(atPath: out).contains {
          $0.contains(".tmp-")
        }
      }
      #expect(seen)
      kill(pid, sig)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      #expect(status & 0x7F == sig, "wait status \(status)")
      let names = try FileManager.default.contentsOfDirectory(atPath: out)
      #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
      let after = try [out + "/placements.csv", out + "/summary.json"].map {
        try Data(contentsOf: URL(fileURLWithPath: $0))
      }
      #expect(after == before)
    }
  }
}
