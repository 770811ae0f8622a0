// swift-tools-version: 6.1
// Benchmarks for InternMatch, kept in their own package so that the library's build never pulls
// in ordo-one/benchmark. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
  name: "InternMatchBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "InternMatch", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    // Only for ReaderComparison: what the CSV libraries of the package set cost to parse.
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
  ],
  targets: [
    .executableTarget(
      name: "PlacementBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "InternMatch", package: "InternMatch"),
      ],
      path: "Benchmarks/PlacementBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "ReaderComparison",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "InternMatch", package: "InternMatch"),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
        .product(name: "CSV", package: "CSV.swift"),
      ],
      path: "Benchmarks/ReaderComparison",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
