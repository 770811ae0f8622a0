import ArgumentParser
import Foundation
import InternMatch

/// `internmatch validate DIR`: lists every problem in a dataset.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a dataset and list every error and warning with file:line:column.",
    discussion:
      "Exits 0 when there are no errors (warnings allowed), 65 on bad data, 66 when input is missing."
  )

  @OptionGroup var dataset: DatasetArgument

  @Option(
    help: ArgumentHelp(
      "Output: text lines, or json (one document: every issue with file, line, column, "
        + "severity, code and message)."))
  var format: OutputFormat = .text

  func run() throws {
    if format == .json {
      let report = ValidationReport(reading: dataset.directory, encoding: dataset.encoding)
      FileHandle.standardOutput.write(report.json())
      if !report.valid { throw report.missingInput ? ExitStatus.missingInput : ExitStatus.badData }
      return
    }
    do {
      let result = try dataset.read()
      for warning in result.warnings { print(warning.description) }
      let instance = result.instance
      print(
        "OK: \(instance.students.count) students, \(instance.worksites.count) worksites, "
          + "\(instance.choices.count) eligible choices, \(instance.ineligibleChoices.count) "
          + "ineligible; \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s").")
      if !result.passThrough.names.isEmpty {
        print(
          "Passed through to rosters from students.csv: "
            + result.passThrough.names.map { "'\(MessageText.safe($0))'" }.joined(separator: ", ")
            + ".")
      }
    } catch {
      for issue in error.issues { print(issue.description) }
      let count = error.errors.count
      print("\(count) error\(count == 1 ? "" : "s"), \(error.issues.count - count) warnings.")
      throw ExitStatus.code(for: error)
    }
  }
}
