import Foundation
import InternMatchTestSupport
import Testing

/// The `--help` text of `internmatch` and of every subcommand, compared with the committed files
/// in `Tests/InternMatchCLITests/Snapshots/` (as swift-argument-parser's example tests do), so a
/// change to any option or help line is seen in review. Re-record after an intended change with
/// `INTERNMATCH_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshotTests`, then review the diff.
@Suite("internmatch --help snapshots (end to end, built binary)")
struct HelpSnapshotTests {
  /// Every subcommand, by the name the command line gives it; `nil` for `internmatch` itself.
  static let commands: [String?] = [
    nil, "solve", "rematch", "verify", "compare", "validate", "generate", "bench", "explain",
    "version",
  ]

  /// The committed snapshot of `command`'s help.
  static func snapshot(_ command: String?) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Snapshots")
      .appendingPathComponent("help-\(command ?? "internmatch").txt")
  }

  @Test("the help text equals its committed snapshot", arguments: commands)
  func help(_ command: String?) throws {
    // A fixed width: the help wraps at the terminal's width, or at COLUMNS when it is set.
    let run = try CLI.run(
      (command.map { [$0] } ?? []) + ["--help"], environment: ["COLUMNS": "100"])
    #expect(run.status == 0, "\(run.stderr)")
    let file = Self.snapshot(command)
    if ProcessInfo.processInfo.environment["INTERNMATCH_RECORD_SNAPSHOTS"] == "1" {
      try run.stdout.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(
      run.stdout == expected,
      "help of \(command ?? "internmatch") changed; re-record with INTERNMATCH_RECORD_SNAPSHOTS=1")
  }
}
