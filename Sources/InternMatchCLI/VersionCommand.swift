import ArgumentParser
import Foundation
import InternMatch

/// `internmatch version`: InternMatch's version and the linked GLPK's, as every run's manifest
/// records them.
struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version",
    abstract: "Print InternMatch's version and the linked GLPK version.",
    discussion: """
      Text: two lines, `internmatch VERSION` and `GLPK VERSION`. JSON: {"glpk_version": …, \
      "version": …}, the keys of summary.json's run manifest.
      """
  )

  @Option(help: "Output format.")
  var format: OutputFormat = .text

  /// The two versions, keyed as the run manifest keys them.
  struct Versions: Encodable {
    var version = InternMatchVersion.current
    var glpkVersion = InternMatchVersion.glpk

    enum CodingKeys: String, CodingKey {
      case version
      case glpkVersion = "glpk_version"
    }
  }

  func run() {
    let versions = Versions()
    switch format {
    case .text: print("internmatch \(versions.version)\nGLPK \(versions.glpkVersion)")
    case .json: FileHandle.standardOutput.write(PlacementRun.json(versions))
    }
  }
}
