// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "InternMatch",
  products: [
    .library(name: "InternMatch", targets: ["InternMatch"]),
    .executable(name: "internmatch", targets: ["InternMatchCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Tests only: property-based checks over generated datasets.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // Documentation only: `swift package generate-documentation` (Scripts/docs).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // C library: GLPK, as Debian's libglpk-dev installs it (no pkg-config file).
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
    ),
    // The only module that calls glp_*: a Swift owner for GLPK problems.
    .target(name: "GLPK", dependencies: ["CGLPK"]),
    // C library: OpenSSL's libcrypto (Debian libssl-dev), for the manifest's SHA-256 digests.
    .systemLibrary(
      name: "CLibCrypto",
      providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
    ),

    // Domain: students, worksites, eligibility, instances, placements. No solver, no I/O.
    .target(name: "InternMatchModel"),
    // Formulations and strategies (GLPK LP today).
    .target(name: "InternMatchSolvers", dependencies: ["InternMatchModel", "GLPK"]),
    // Dataset CSV/JSON readers and writers, errors with file:line:column.
    .target(name: "InternMatchIO", dependencies: ["InternMatchModel", "CLibCrypto"]),
    // Seeded, NYC-calibrated synthetic cohorts from public data (Datasets/reference).
    .target(name: "InternMatchGenerator", dependencies: ["InternMatchModel"]),
    // Summaries and human-readable reports.
    .target(name: "InternMatchReport", dependencies: ["InternMatchModel"]),
    // Runs as the commands perform them (solve, verify, rematch): strategy by name, checks,
    // summary, run manifest, outputs. What a district service calls.
    .target(
      name: "InternMatchPipeline",
      dependencies: [
        "InternMatchModel", "InternMatchSolvers", "InternMatchIO", "InternMatchReport", "GLPK",
      ]
    ),
    // The umbrella library that importers use.
    .target(
      name: "InternMatch",
      dependencies: [
        "InternMatchModel", "InternMatchSolvers", "InternMatchIO", "InternMatchReport",
        "InternMatchGenerator", "InternMatchPipeline",
      ]
    ),
    // The command-line tool `internmatch`.
    .executableTarget(
      name: "InternMatchCLI",
      dependencies: [
        "InternMatch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // The release tool carries the Swift runtime and Foundation in itself on Linux (as
      // `swift build --static-swift-stdlib` would): the dynamic loader's relocations of
      // libFoundation and its ICU were most of a run's start-up (README "Speed and scaling").
      // Compiled with the flag too, so that the module's link entries name the static
      // libraries Foundation needs (its ICU among them). Debug builds, whose test bundle links
      // this module beside XCTest, stay dynamic.
      swiftSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ],
      linkerSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ]
    ),

    // Examples: small programs that import the library.
    .executableTarget(
      name: "PlaceHandful",
      dependencies: ["InternMatch"],
      path: "Examples/PlaceHandful"
    ),

    // Tests.
    .target(
      name: "InternMatchTestSupport",
      dependencies: ["InternMatch"],
      path: "Tests/InternMatchTestSupport"
    ),
    .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
    .testTarget(
      name: "InternMatchModelTests",
      dependencies: ["InternMatchModel", "InternMatchTestSupport"]
    ),
    .testTarget(
      name: "InternMatchIOTests",
      dependencies: ["InternMatchIO", "InternMatchTestSupport"]
    ),
    .testTarget(
      name: "InternMatchSolversTests",
      dependencies: ["InternMatchSolvers", "InternMatchTestSupport"]
    ),
    .testTarget(
      name: "InternMatchReportTests",
      dependencies: ["InternMatchReport", "InternMatchTestSupport"]
    ),
    .testTarget(
      name: "InternMatchGeneratorTests",
      dependencies: ["InternMatchGenerator", "InternMatchTestSupport"]
    ),
    .testTarget(
      name: "InternMatchPipelineTests",
      dependencies: [
        "InternMatchPipeline", "InternMatchTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "InternMatchCLITests",
      // GLPK: reading an exported model back with GLPK's own readers.
      dependencies: ["InternMatchCLI", "InternMatchTestSupport", "GLPK"],
      // The committed `--help` texts HelpSnapshotTests compares against (read by path).
      exclude: ["Snapshots"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
