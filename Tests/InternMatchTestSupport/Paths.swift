import Foundation

/// Paths of the repository and its build products, for tests that read datasets or run the CLI.
public enum Paths {
  /// The repository root (the folder holding Package.swift).
  public static let repository: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// A committed dataset directory under `Datasets/`.
  public static func dataset(_ name: String) -> String {
    repository.appendingPathComponent("Datasets").appendingPathComponent(name).path
  }

  /// The folder holding every temporary directory of this test process, removed at exit.
  private static let scratch: URL = {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("internmatch-tests-\(ProcessInfo.processInfo.processIdentifier)")
    atexit { try? FileManager.default.removeItem(at: Paths.scratch) }
    return url
  }()

  /// A new empty temporary directory, removed when the test process exits.
  public static func temporaryDirectory() throws -> String {
    let url = scratch.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// A new temporary dataset directory holding `files` (name → UTF-8 text); returns its path.
  public static func dataset(files: [String: String]) throws -> String {
    let directory = try temporaryDirectory()
    for (name, text) in files {
      try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
    return directory
  }

  /// Copies dataset `name` into a new temporary directory and returns its path.
  public static func copyOfDataset(_ name: String) throws -> String {
    let target = try temporaryDirectory() + "/" + name
    try FileManager.default.copyItem(atPath: dataset(name), toPath: target)
    return target
  }
}
