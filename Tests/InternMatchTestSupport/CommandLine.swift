import Foundation

/// Runs the built `internmatch` executable, the way a coordinator would.
public enum CLI {
  /// What a run printed and how it ended.
  public struct Run: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// The built executable, next to the test bundle in the build products directory.
  public static var executable: URL {
    let products = Bundle.main.bundleURL
    let candidates = [products, products.deletingLastPathComponent()]
    for directory in candidates {
      let url = directory.appendingPathComponent("internmatch")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return products.appendingPathComponent("internmatch")
  }

  /// Runs `internmatch arguments…` in `directory`, with `environment` added to this process's
  /// environment, and waits for it.
  public static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]
  ) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes fully before waiting, so a chatty child never blocks on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
