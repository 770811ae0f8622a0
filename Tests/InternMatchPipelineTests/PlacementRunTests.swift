import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchSolvers
import InternMatchTestSupport
import Testing

@Suite("PlacementRun: the solve pipeline as a library")
struct PlacementRunTests {
  @Test("the tiny dataset: the hand-computed optimum, its status and its outputs")
  func tiny() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("tiny"))
    let run = try PlacementRun(dataset, configuration: .init(backend: .glpk))
    #expect(run.status == .optimal)
    #expect(run.strategy == .optimal)
    #expect(run.seed == 7)
    #expect(run.summary?.placed == 4)
    #expect(run.summary?.status == "optimal")
    let outputs = run.outputs()
    #expect(outputs.map(\.name) == ["placements.csv", "summary.json"])
    let expected = try Data(
      contentsOf: URL(fileURLWithPath: Paths.dataset("tiny") + "/expected-placements.csv"))
    #expect(outputs[0].contents == expected)
  }

  @Test("a strategy that cannot honour the data is a refusal value, not an error")
  func refusal() throws {
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "s", cluster: "it", preferences: ["W"]),
        Student(id: "B", school: "s", cluster: "it", preferences: ["W"]),
      ],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 2)],
      rules: PlacementRules(links: [StudentLink(first: "A", second: "B")]))
    let run = try PlacementRun(
      Dataset(instance: instance, warnings: []), configuration: .init(strategy: .stable))
    #expect(run.status == .refused)
    #expect(run.problem?.contains("links") == true)
    #expect(run.result == nil && run.outputs().isEmpty)
  }

  @Test("pins the data cannot satisfy together are an infeasible value")
  func infeasible() throws {
    // Two linked students pinned to different worksites.
    let instance = try PlacementInstance(
      students: [
        Student(id: "A", school: "s", cluster: "it", preferences: ["V", "W"]),
        Student(id: "B", school: "s", cluster: "it", preferences: ["V", "W"]),
      ],
      worksites: [
        Worksite(id: "V", cluster: "it", capacity: 2),
        Worksite(id: "W", cluster: "it", capacity: 2),
      ],
      rules: PlacementRules(
        links: [StudentLink(first: "A", second: "B")],
        pins: [Pin(student: "A", worksite: "V"), Pin(student: "B", worksite: "W")]))
    let run = try PlacementRun(Dataset(instance: instance, warnings: []))
    #expect(run.status == .infeasible)
    #expect(run.problem != nil)
    #expect(run.manifest.status == "infeasible")
  }

  @Test("policy.json naming an unknown strategy is refused with the names that exist")
  func unknownStrategy() throws {
    var policy = Policy()
    policy.strategy = "nope"
    let instance = try PlacementInstance(
      students: [Student(id: "A", school: "s", cluster: "it", preferences: ["W"])],
      worksites: [Worksite(id: "W", cluster: "it", capacity: 1)], policy: policy)
    let run = try PlacementRun(Dataset(instance: instance, warnings: []))
    #expect(run.status == .refused)
    #expect(run.problem?.contains("'nope'") == true)
    #expect(run.problem?.contains("stable") == true)
  }

  @Test("every strategy is callable from async code, GLPK's MIP and LP included")
  func fromAsyncCode() async throws {
    let instance = RandomInstances.withSideRules(seed: 3)
    for backend in OptimalStrategy.Backend.allCases {
      let result = try OptimalStrategy(backend: backend).place(instance)
      #expect(instance.violations(in: result.placement).isEmpty)
    }
    let dataset = try DatasetReader.read(directory: Paths.dataset("nyc-sample"))
    let run = try await Task.detached {
      try PlacementRun(dataset, configuration: .init(backend: .glpk))
    }.value
    #expect(run.status == .optimal)
  }

  @Test("a dataset read from files in memory gives the same run as its directory")
  func inMemory() throws {
    let directory = Paths.dataset("nyc-sample")
    var files: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      files[name] = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
    }
    let fromDisk = try PlacementRun(
      DatasetReader.read(directory: directory), configuration: .init(strategy: .stable))
    let fromMemory = try PlacementRun(
      DatasetReader.read(.files(files)), configuration: .init(strategy: .stable))
    #expect(fromDisk.outputs()[0].contents == fromMemory.outputs()[0].contents)
    #expect(fromDisk.manifest.inputs == fromMemory.manifest.inputs)
  }

  @Test("files in memory without worksites.csv are missing input")
  func inMemoryMissing() {
    let error = #expect(throws: DatasetError.self) {
      try DatasetReader.read(.files(["students.csv": Array("id,school,cluster\n".utf8)]))
    }
    #expect(error?.kind == .missingInput)
    #expect(error?.issues.contains { $0.file == "worksites.csv" } == true)
  }
}
