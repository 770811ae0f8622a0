import ArgumentParser
import Foundation
import InternMatch

/// The process exit codes (BSD `sysexits.h`) and how failures map to them.
enum ExitStatus {
  static let badData = ExitCode(65)  // EX_DATAERR
  static let missingInput = ExitCode(66)  // EX_NOINPUT
  static let internalError = ExitCode(70)  // EX_SOFTWARE
  static let cannotCreateOutput = ExitCode(73)  // EX_CANTCREAT

  /// Prints the errors of `error` (and, with `warnings`, its warnings) to stderr and returns the
  /// exit code that fits it.
  static func report(_ error: DatasetError, warnings: Bool) -> ExitCode {
    for issue in error.issues where warnings || issue.severity == .error {
      printError(issue.description)
    }
    let count = error.errors.count
    printError("\(count) error\(count == 1 ? "" : "s"); nothing was written.")
    return code(for: error)
  }

  /// The exit code for a dataset that could not be read.
  static func code(for error: DatasetError) -> ExitCode {
    error.kind == .missingInput ? missingInput : badData
  }
}

/// Writes a line to standard error (erasing the progress line first, when one is shown).
func printError(_ line: String) {
  ProgressLine.shared.interrupt()
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
