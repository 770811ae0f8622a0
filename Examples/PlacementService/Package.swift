// swift-tools-version: 6.1
// A small district placement service over HTTP, in its own package so that the InternMatch
// library never depends on a web framework. Run from this folder: `swift run PlacementService`.
import PackageDescription

let package = Package(
  name: "PlacementService",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "InternMatch", path: "../.."),
    // Without its default traits Hummingbird does not build swift-configuration.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    // The service: routes, upload decoding, answers. What the executable runs and tests call.
    .target(
      name: "PlacementServiceCore",
      dependencies: [
        .product(name: "InternMatch", package: "InternMatch"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    // The executable: binds 127.0.0.1 only.
    .executableTarget(
      name: "PlacementService",
      dependencies: [
        "PlacementServiceCore",
        .product(name: "Hummingbird", package: "hummingbird"),
      ]
    ),
    // A live server on an ephemeral loopback port, and a small HTTP/1.1 client over SwiftNIO.
    .testTarget(
      name: "PlacementServiceTests",
      dependencies: [
        "PlacementServiceCore",
        .product(name: "InternMatch", package: "InternMatch"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
