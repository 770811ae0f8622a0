import Foundation
import InternMatch

/// The files a fuzz input holds, in order; sections of the input are separated by NUL bytes,
/// and a file whose section is missing is absent (an empty section is an empty file).
let fileNames = [
  "students.csv", "worksites.csv", "policy.json", "pins.csv", "links.csv", "employers.csv",
  "rankings.csv", "clusters.csv", "choices.csv", "activities.csv",
]

/// One fuzz input: byte 0 picks the strategy (byte mod the number of strategies) and the
/// encoding the files are read in (the quotient, mod the three encodings); the rest is the
/// dataset (see ``fileNames``).
///
/// Checked, beyond "no trap, no sanitizer report": every issue prints on one line; a dataset
/// that reads without error is placed without a failure that is not the data's (an
/// infeasible or refused dataset is a data error, never a backend failure); the placement
/// passes every check of `violations(in:)`; and placements.csv has a row per student. (The
/// summary, the manifest and writing are left to the tests: their dates, digests and JSON
/// encoding cost more than the rest and take no input the checks here do not.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
  guard let selector = bytes.first else { return 0 }
  var files: [String: [UInt8]] = [:]
  let sections = bytes.dropFirst().split(separator: 0, omittingEmptySubsequences: false)
  for (name, section) in zip(fileNames, sections) { files[name] = Array(section) }
  let dataset: Dataset
  do {
    let encodings = TextEncoding.allCases
    let encoding = encodings[Int(selector) / StrategyName.allCases.count % encodings.count]
    dataset = try DatasetReader.read(.files(files), encoding: encoding)
  } catch {
    for issue in error.issues where issue.description.contains("\n") {
      fatalError("an issue printed over several lines: \(issue.description)")
    }
    return 0
  }
  // A run stays short: GLPK gets at most 50 ms whatever policy.json asks.
  var instance = dataset.instance
  if instance.policy.mipTimeLimitSeconds > 0.05 {
    var policy = instance.policy
    policy.mipTimeLimitSeconds = 0.05
    guard
      let bounded = try? PlacementInstance(
        students: instance.students, worksites: instance.worksites, clusters: instance.clusters,
        rankings: instance.rankings, policy: policy, rules: instance.rules)
    else { fatalError("the same instance with a shorter MIP time limit failed validation") }
    instance = bounded
  }
  let strategies = StrategyName.allCases
  let strategy = strategies[Int(selector) % strategies.count]
  let placer = strategy.make(seed: UInt64(selector), rankCost: instance.policy.rankCost)
  guard placer.unsupportedRules(in: instance).isEmpty else { return 0 }
  let result: PlacementResult
  do {
    result = try placer.place(instance)
  } catch {
    guard error.isDataError else {
      fatalError("validate said OK, but \(strategy.rawValue) failed: \(error)")
    }
    return 0
  }
  let violations = instance.violations(in: result.placement)
  precondition(violations.isEmpty, "\(strategy.rawValue) broke a rule: \(violations)")
  let outcomes = instance.outcomes(of: result.placement)
  let csv = PlacementWriter.csvBytes(instance, outcomes: outcomes)
  precondition(
    csv.lazy.filter { $0 == UInt8(ascii: "\n") }.count >= instance.students.count + 1,
    "placements.csv lacks rows")
  return 0
}

/// libFuzzer's driver (`libclang_rt.fuzzer`), run from the executable's entry point: SwiftPM
/// names an executable's `main` after its module, so libFuzzer's own `main` is not used.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ body: @convention(c) (UnsafeRawPointer?, Int) -> CInt
) -> CInt

@_cdecl("DatasetFuzzer_main")
public func fuzzerMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { start, count in
    guard let start else { return 0 }
    return fuzz(start, count)
  }
}
