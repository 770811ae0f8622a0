import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchTestSupport
import Testing

@Suite("Run manifest")
struct RunManifestTests {
  @Test("SHA-256 of the FIPS 180-4 examples and of the empty message")
  func vectors() {
    #expect(
      SHA256.hex(of: [UInt8]())
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(of: Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("every input's digest equals sha256sum's, with its size and data rows")
  func digestsMatchSha256sum() throws {
    let directory = Paths.dataset("nyc-sample")
    let dataset = try DatasetReader.read(directory: directory)
    let run = try PlacementRun(
      dataset, source: .directory(directory), configuration: .init(strategy: .stable, seed: 3))
    let names = run.manifest.inputs.map(\.name)
    #expect(Set(names) == ["students.csv", "worksites.csv", "rankings.csv", "policy.json"])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum"] + names
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var expected: [String: String] = [:]
    for line in printed.split(separator: "\n") {
      let parts = line.split(separator: " ", omittingEmptySubsequences: true)
      expected[String(parts[1])] = String(parts[0])
    }
    for input in run.manifest.inputs {
      #expect(input.sha256 == expected[input.name], "\(input.name)")
      let attributes = try FileManager.default.attributesOfItem(
        atPath: directory + "/" + input.name)
      #expect(input.bytes == (attributes[.size] as? Int))
    }
    let students = run.manifest.inputs.first { $0.name == "students.csv" }
    #expect(students?.rows == dataset.instance.students.count)
    #expect(run.manifest.inputs.first { $0.name == "policy.json" }?.rows == nil)
  }

  @Test("summary.json carries the manifest: version, effective policy, seed, status")
  func summaryJSON() throws {
    let directory = Paths.dataset("tiny")
    let run = try PlacementRun(
      DatasetReader.read(directory: directory), source: .directory(directory),
      configuration: .init(strategy: .stable, seed: 11, commandLine: ["internmatch", "solve"]))
    let json = try #require(
      JSONSerialization.jsonObject(with: run.outputs()[1].contents) as? [String: Any])
    #expect(json["status"] as? String == "complete")
    let manifest = try #require(json["run"] as? [String: Any])
    #expect(manifest["version"] as? String == InternMatchVersion.current)
    #expect((manifest["glpk_version"] as? String)?.isEmpty == false)
    #expect(manifest["command_line"] as? [String] == ["internmatch", "solve"])
    #expect(manifest["dataset"] as? String == directory)
    #expect(manifest["seed"] as? Int == 11)
    #expect(manifest["strategy"] as? String == "stable")
    #expect(manifest["status"] as? String == "complete")
    let policy = try #require(manifest["policy"] as? [String: Any])
    // Every key policy.json knows, defaults filled in, the run's own strategy and seed.
    #expect(
      Set(policy.keys) == [
        "strategy", "seed", "rank_cost", "max_distance_km", "school_floor", "reserve_order",
        "reserves_revert", "place_unranked", "priority_groups", "tie_breaking",
        "mip_time_limit_seconds", "mip_gap", "placement_start",
      ])
    #expect(policy["strategy"] as? String == "stable")
    #expect(policy["seed"] as? Int == 11)
    #expect(policy["max_distance_km"] as? Double == 30)
    #expect(policy["mip_time_limit_seconds"] as? Double == 60)
    #expect(policy["school_floor"] is NSNull)
  }

  @Test("the same inputs and seed give byte-identical placements")
  func reproducible() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("nyc-sample"))
    for strategy in StrategyName.allCases {
      let a = try PlacementRun(dataset, configuration: .init(strategy: strategy, seed: 5))
      let b = try PlacementRun(dataset, configuration: .init(strategy: strategy, seed: 5))
      #expect(a.outputs().first?.contents == b.outputs().first?.contents, "\(strategy)")
    }
  }
}
