// What the hand-written dataset reader earns: InternMatch's whole read of a generated cohort
// (parsing, validation, list resolution, eligibility) beside a parse alone of the same three
// files with the CSV libraries of the package set, SwiftCSV and CSV.swift (fields as Strings,
// nothing validated or resolved). Issue 13 asks that a hand-written part earn its place.
//
// `swift package benchmark --target ReaderComparison`
import Benchmark
import CSV
import Foundation
import InternMatch
import SwiftCSV

/// The files of a generated cohort of `students` students, written once.
private func cohortFiles(_ students: Int) -> [String] {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("internmatch-reader-\(students)").path
  let names = ["students.csv", "worksites.csv", "rankings.csv"].map { directory + "/" + $0 }
  if !FileManager.default.fileExists(atPath: names[0]) {
    let cohort = CohortGenerator(.init(studentCount: students, seed: 1)).generate()
    let files = DatasetWriter.files(
      students: cohort.students, worksites: cohort.worksites, rankings: cohort.rankings)
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for file in files {
      FileManager.default.createFile(
        atPath: directory + "/" + file.name, contents: Data(file.contents.utf8))
    }
  }
  return names
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(20), maxIterations: 10)

  for size in [10_000, 60_000] {
    let label = "\(size / 1000)k"
    let files = cohortFiles(size)
    let directory = (files[0] as NSString).deletingLastPathComponent

    Benchmark("internmatch read and validate \(label)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try DatasetReader.read(directory: directory))
      }
    }

    Benchmark("SwiftCSV parse only \(label)") { benchmark in
      for _ in benchmark.scaledIterations {
        for file in files {
          blackHole(try SwiftCSV.CSV<Enumerated>(url: URL(fileURLWithPath: file), delimiter: .comma))
        }
      }
    }

    Benchmark("CSV.swift parse only \(label)") { benchmark in
      for _ in benchmark.scaledIterations {
        for file in files {
          guard let stream = InputStream(fileAtPath: file) else { continue }
          let reader = try CSVReader(stream: stream, hasHeaderRow: true)
          var rows: [[String]] = []
          while let row = reader.next() { rows.append(row) }
          blackHole(rows)
        }
      }
    }
  }
}
