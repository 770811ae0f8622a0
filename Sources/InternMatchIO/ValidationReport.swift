import Foundation

/// What `internmatch validate --format json` prints: every issue of one reading of a dataset,
/// located and coded for tools, and the counts of what was read when it could be used.
///
/// ```swift
/// let report = ValidationReport(reading: "Datasets/tiny")
/// report.valid  // true
/// String(decoding: report.json(), as: UTF8.self)
/// // {"dataset":"Datasets/tiny","valid":true,"errors":0,"warnings":1,…,"issues":[{…}]}
/// ```
///
/// Every issue has `file`, `line` and `column` (JSON `null` when there is no place to point
/// at), `severity` (`error` or `warning`), `code` (``DatasetIssue/code``) and `message`; issues
/// come in the order the text output lists them.
///
/// - Complexity: that of ``DatasetReader/read(directory:encoding:)``, plus O(issues).
public struct ValidationReport: Sendable, Encodable {
  /// The dataset directory.
  public var dataset: String
  /// Whether the dataset can be used: no errors.
  public var valid: Bool
  /// Whether the input was missing (the command exits 66 rather than 65).
  public var missingInput: Bool
  /// Every issue found.
  public var issues: [DatasetIssue]
  /// What was read, when the dataset is valid.
  public var counts: Counts?

  /// The sizes of a valid dataset.
  public struct Counts: Sendable, Encodable {
    /// The students read.
    public var students: Int
    /// The worksites read.
    public var worksites: Int
    /// List entries a student may take.
    public var eligibleChoices: Int
    /// List entries of worksites the student may not take.
    public var ineligibleChoices: Int

    enum CodingKeys: String, CodingKey {
      case students, worksites
      case eligibleChoices = "eligible_choices"
      case ineligibleChoices = "ineligible_choices"
    }
  }

  /// Reads the dataset in `directory` in `encoding` and reports on it.
  public init(reading directory: String, encoding: TextEncoding = .utf8) {
    dataset = directory
    do {
      let read = try DatasetReader.read(directory: directory, encoding: encoding)
      (valid, missingInput, issues) = (true, false, read.warnings)
      counts = Counts(
        students: read.instance.students.count, worksites: read.instance.worksites.count,
        eligibleChoices: read.instance.choices.count,
        ineligibleChoices: read.instance.ineligibleChoices.count)
    } catch {
      (valid, missingInput, issues) = (false, error.kind == .missingInput, error.issues)
    }
  }

  /// The report as one line of JSON (keys in a fixed order), ending with a line feed.
  public func json() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    // Encoding plain values cannot fail.
    return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
  }

  enum CodingKeys: String, CodingKey {
    case dataset, valid, errors, warnings, counts, issues
  }

  enum IssueKeys: String, CodingKey {
    case file, line, column, severity, code, message
  }

  /// Encodes the report: `dataset`, `valid`, `errors`, `warnings`, `counts`, then `issues`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(dataset, forKey: .dataset)
    try c.encode(valid, forKey: .valid)
    let errors = issues.filter { $0.severity == .error }.count
    try c.encode(errors, forKey: .errors)
    try c.encode(issues.count - errors, forKey: .warnings)
    try c.encode(counts, forKey: .counts)
    var list = c.nestedUnkeyedContainer(forKey: .issues)
    for issue in issues {
      var i = list.nestedContainer(keyedBy: IssueKeys.self)
      try i.encode(issue.file, forKey: .file)
      try i.encode(issue.line, forKey: .line)
      try i.encode(issue.column, forKey: .column)
      try i.encode(issue.severity.rawValue, forKey: .severity)
      try i.encode(issue.code, forKey: .code)
      try i.encode(issue.message, forKey: .message)
    }
  }
}
