import Foundation
import InternMatchModel
import Testing

@testable import InternMatchGenerator

@Suite("Reference tables")
struct ReferenceTablesTests {
  /// `Datasets/reference` of this repository, found from this file's path.
  static let folder: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Datasets/reference")
  }()

  @Test(
    "the embedded text equals Datasets/reference byte for byte",
    arguments: ["schools.csv", "zip-areas.csv", "sectors.csv"])
  func embedded(file: String) throws {
    let text =
      switch file {
      case "schools.csv": ReferenceText.schools
      case "zip-areas.csv": ReferenceText.zipAreas
      default: ReferenceText.sectors
      }
    let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
    #expect(data == Data(text.utf8), "rerun Scripts/derive_reference_tables.py")
  }

  @Test("the parsed tables cover every borough and cluster")
  func parsed() {
    let nyc = ReferenceTables.nyc
    #expect(nyc.schools.count > 100)
    #expect(nyc.zipAreas.count == 177)
    #expect(Set(nyc.schools.map(\.dbn)).count == nyc.schools.count)
    for b in ReferenceTables.boroughs.indices {
      #expect(nyc.schools.contains { $0.borough == b })
      #expect(nyc.zipAreas.contains { $0.borough == b })
    }
    for c in ReferenceTables.clusters.indices {
      #expect(nyc.schools.contains { $0.clusters.contains(c) })
      #expect(nyc.establishments[c].reduce(0, +) > 0)
    }
    let people = nyc.zipAreas.reduce(0) { $0 + $1.population }
    #expect((8_000_000...8_700_000).contains(people))
    #expect(nyc.schools.allSatisfy { $0.enrollment > 0 && $0.location.isValid })
  }

  @Test("apportioning keeps the total and stays within one of each share")
  func apportion() {
    #expect(WorksitePool.apportion(10, by: [1, 1, 1]) == [3, 4, 3])
    #expect(WorksitePool.apportion(0, by: [2, 5]) == [0, 0])
    let weights = (1...97).map { Double($0 % 13 + 1) }
    let parts = WorksitePool.apportion(1_234, by: weights)
    #expect(parts.reduce(0, +) == 1_234)
    let sum = weights.reduce(0, +)
    for (w, p) in zip(weights, parts) { #expect(abs(Double(p) - 1_234 * w / sum) <= 1) }
  }

  @Test("identifiers are zero-padded to six digits and grow past them")
  func identifiers() {
    #expect(SyntheticIdentifier.make("S", 1) == "S000001")
    #expect(SyntheticIdentifier.make("W", 0) == "W000000")
    #expect(SyntheticIdentifier.make("S", 1_000_000) == "S1000000")
  }

  @Test("weighted draws follow the weights and never pick a zero weight")
  func sampler() {
    var rng = SplitMix64(seed: 4)
    let sampler = WeightedSampler([1, 0, 3])
    var counts = [0, 0, 0]
    for _ in 0..<40_000 { counts[sampler.sample(using: &rng) ?? 1] += 1 }
    #expect(counts[1] == 0)
    #expect(abs(Double(counts[2]) / 40_000 - 0.75) < 0.01)
    #expect(WeightedSampler([0, 0]).sample(using: &rng) == nil)
  }

  @Test("alias draws follow the weights within each segment")
  func alias() {
    var rng = SplitMix64(seed: 8)
    let table = AliasTable(weights: [1, 3, 0, 5, 2, 2, 7], segments: [0, 2, 2, 5, 7])
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<30_000 {
      counts[table.sample(in: 0..<2, using: &rng)] += 1
      counts[table.sample(in: 2..<5, using: &rng)] += 1
      counts[table.sample(in: 5..<7, using: &rng)] += 1
    }
    #expect(counts[2] == 0)
    #expect(abs(Double(counts[1]) / 30_000 - 0.75) < 0.015)
    #expect(abs(Double(counts[3]) / 30_000 - 5.0 / 7) < 0.015)
    #expect(abs(Double(counts[6]) / 30_000 - 7.0 / 9) < 0.015)
  }
}
