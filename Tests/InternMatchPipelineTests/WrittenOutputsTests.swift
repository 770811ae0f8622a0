import Foundation
import InternMatchIO
import InternMatchModel
import InternMatchPipeline
import InternMatchTestSupport
import Testing

/// What `PlacementRun.write(to:)` hands back: the files exactly as they went to disk, so that
/// `solve` names them and prints `summary.json` without building them a second time; and the
/// manifest's start time, formatted without ICU.
@Suite("Written outputs and the start time")
struct WrittenOutputsTests {
  @Test("write(to:) returns outputs() as written: same names, same bytes as on disk")
  func returnsWhatItWrote() throws {
    let dataset = try DatasetReader.read(directory: Paths.dataset("nyc-sample"))
    for explain in [false, true] {
      let run = try PlacementRun(
        dataset, configuration: .init(strategy: .stable, seed: 5, explain: explain, report: true))
      let output = try Paths.temporaryDirectory()
      let written = try run.write(to: output)
      let expected = run.outputs()
      #expect(written.map(\.name) == expected.map(\.name))
      #expect(written.map(\.contents) == expected.map(\.contents))
      #expect(written.map(\.name).first == "placements.csv")
      for file in written {
        let onDisk = FileManager.default.contents(atPath: output + "/" + file.name)
        #expect(onDisk == file.contents, "\(file.name)")
      }
      // placements.csv is the writer's bytes, as the library gives them.
      #expect(
        written[0].contents
          == Data(PlacementWriter.csvBytes(run.instance, outcomes: run.outcomes)))
    }
  }

  @Test("a run without placement writes nothing and returns nothing")
  func nothingWithoutPlacement() throws {
    // rank-maximal places no menu of activities: the run is refused.
    let refused = try PlacementRun(
      DatasetReader.read(directory: Paths.dataset("menu-tiny")),
      configuration: .init(strategy: .rankMaximal))
    #expect(refused.status == .refused)
    let output = try Paths.temporaryDirectory() + "/refused"
    #expect(try refused.write(to: output).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("the start time: ISO 8601 in UTC to the millisecond, truncated")
  func startTime() {
    func started(_ seconds: Double) -> String {
      RunManifest(
        commandLine: [], dataset: nil, inputs: [], policy: Policy(), strategy: "stable",
        rankCost: .linear, seed: 0, solver: nil, status: "complete",
        started: Date(timeIntervalSince1970: seconds)
      ).started
    }
    #expect(started(0) == "1970-01-01T00:00:00.000Z")
    #expect(started(1.5) == "1970-01-01T00:00:01.500Z")
    #expect(started(1_765_152_306.0625) == "2025-12-08T00:05:06.062Z")
    let now = started(Date().timeIntervalSince1970)
    #expect(now.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(now)")
  }
}
