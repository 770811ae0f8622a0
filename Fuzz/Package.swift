// swift-tools-version: 6.1
// A coverage-guided libFuzzer target over the dataset reader and the validate + solve pipeline,
// kept in its own package so that the library's `swift build` never builds it (its executable
// has libFuzzer's `main`, not Swift's). Build and run it with `Scripts/fuzz SECONDS` from the
// repository root (build folder `.build-fuzz`).
import PackageDescription

let package = Package(
  name: "InternMatchFuzz",
  dependencies: [.package(name: "InternMatch", path: "..")],
  targets: [
    .executableTarget(
      name: "DatasetFuzzer",
      dependencies: [.product(name: "InternMatch", package: "InternMatch")],
      path: "Sources/DatasetFuzzer",
      // libFuzzer supplies `main`; the target only defines LLVMFuzzerTestOneInput.
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  ],
  swiftLanguageModes: [.v6]
)
