import ArgumentParser
import InternMatch

/// `internmatch`: places CTE students into work-based-learning seats.
@main
struct InternMatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "internmatch",
    abstract: "Place high-school CTE students into work-based-learning seats.",
    discussion: """
      Exit codes: 0 success; 64 bad usage; 65 bad data; 66 missing input; 70 internal error; \
      73 output cannot be written.
      """,
    version: InternMatchVersion.current,
    subcommands: [
      SolveCommand.self, RematchCommand.self, VerifyCommand.self, CompareCommand.self,
      ValidateCommand.self,
      GenerateCommand.self,
      BenchCommand.self, ExplainCommand.self, VersionCommand.self,
    ]
  )
}
