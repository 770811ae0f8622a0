import Foundation
import InternMatchTestSupport
import Testing

@Suite("internmatch --generate-completion-script (end to end, built binary)")
struct CompletionScriptTests {
  @Test(
    "a script for each shell that knows every subcommand and solve's options",
    arguments: ["bash", "zsh", "fish"])
  func script(shell: String) throws {
    let run = try CLI.run(["--generate-completion-script", shell])
    #expect(run.status == 0, "\(run.stderr)")
    for word in HelpSnapshotTests.commands.compactMap({ $0 }) + ["export-lp", "cross-check"] {
      #expect(run.stdout.contains(word), "\(shell) script lacks \(word)")
    }
    guard shell == "bash" else { return }
    // The bash script parses, and registers its function for internmatch.
    #expect(run.stdout.contains("complete -o filenames -F _internmatch internmatch"))
    let file = try Paths.temporaryDirectory() + "/internmatch.bash"
    try run.stdout.write(toFile: file, atomically: true, encoding: .utf8)
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = ["-n", file]
    try bash.run()
    bash.waitUntilExit()
    #expect(bash.terminationStatus == 0)
  }
}
